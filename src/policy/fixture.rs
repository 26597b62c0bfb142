//! The tests' own policy set, `tests/fixtures/policy/`: a national file and
//! a few tiny, made-up regions (甲市, 乙市, 丙市, 丁市 of 示例省, and a generic
//! entry), one for each rule shape the engine knows. Rule tests run on it,
//! so a maintainer editing `data/` breaks only the data tests
//! (`tests/data.rs`), and a rule change breaks the rule tests whatever the
//! shipped data says.
//!
//! | file | shape |
//! |------|-------|
//! | `fx-exact.json` (甲市) | 3-month window; materials within exactly 12 months; an instant office and a 1–5 working-day online review (a maximum); a third-party undated source; an open disease list |
//! | `fx-typical.json` (乙市) | 3-month window; materials within about 6 months; reviews of a typical 5 + 3 working days to notify; benefits continue during review; a late consequence; example figures for employees only |
//! | `fx-assumed.json` (丙市) | no window in the source (the national assumed one); a 7-working-day office that decides some diseases at once; a first-application-only channel; a disease filed only at hospitals; an unknown review time; a disease whose documents are an either/or of two routes (高血压: inpatient, or two outpatient documents); contacts per scheme; sources from 2020 (old) |
//! | `fx-six.json` (丁市) | 6-month window; no online channel (said so); an official dated source; an "other" disease outside the region's rules (`renewal_scope`, the others unsaid) |
//! | `fx-w-grace.json` (戊市) | a window of 30 days before the end date and a grace period of 30 days after it |
//! | `fx-w-none.json` (壬市) | no renewal for any disease, with a note that still matters |
//! | `fx-w-listed.json` (庚市) | renewal only for 糖尿病; the source says the others need none |
//! | `fx-w-dated.json` (辛市) | a validity of 6 months, 12 from 2026-04-01, and a one-off 6-month extension; an online extension channel for 糖尿病 falling back to the office |
//! | `generic.json` | the generic entry (assumed window) |
//!
//! The national file lists 5 direct-settlement diseases: 高血压 and 糖尿病
//! since 2021-09, the others since 2024-12.
//!
//! To add a fixture region for a new rule shape: write
//! `tests/fixtures/policy/regions/<id>.json` in the schema of
//! `data/regions/` (made-up names of 示例省, text marked 测试, ids of
//! national diseases in `cross_province`), keep it as small as the shape
//! allows, add a row above, and use it from the tests by its id. Ids sort
//! the list: new ones go after the others (`fx-w-…`) so the numbers tests
//! type stay put, and the list stays under ten (a tenth entry makes "1"
//! wait for a second digit). It is
//! loaded with the others (unit tests: [`policy`]; integration tests:
//! `common::fixture_policy()`; the binary: `common::FIXTURE_REGIONS` as a
//! policy pack). Tests that count regions (the plain prompt's "1 到 N")
//! change with it.
//!
//! Province and city files (`policy::inherit`) have their own pair,
//! `tests/fixtures/inherit/regions/`: 样例省 (place 650000) and its city
//! 样例市 (650100), which leaves most fields out. It is kept apart so the
//! region counts above stay as they are; tests load it over this set or,
//! for the binary, as a policy pack.

use std::path::Path;
use std::sync::OnceLock;

use super::PolicySet;

/// The fixture policy set, loaded once and validated like the shipped data.
pub(crate) fn policy() -> PolicySet {
    static SET: OnceLock<PolicySet> = OnceLock::new();
    SET.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policy");
        PolicySet::from_dir(&dir).unwrap_or_else(|e| panic!("the fixture policy set: {e}"))
    })
    .clone()
}
