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
mod files;
pub mod i18n;
pub mod packs;
mod par;
pub mod phone;
pub mod places;
pub mod plan;
pub mod policy;
pub mod prompt;
pub mod search;
pub mod text;
pub mod tui;
pub mod vocabulary;
pub mod wizard;
