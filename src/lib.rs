//! renew: keep a chronic / special-disease outpatient insurance benefit
//! (门诊慢特病) by renewing it on time.
//!
//! Data flows one way: policy data + answers + today -> plan -> outputs.

pub mod calendar;
pub mod checklist;
pub mod cli;
pub mod config;
pub mod dates;
pub mod document;
pub mod i18n;
mod par;
pub mod places;
pub mod plan;
pub mod policy;
pub mod prompt;
pub mod search;
pub mod text;
pub mod tui;
pub mod vocabulary;
pub mod wizard;
