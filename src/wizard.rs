//! The question sequence, once: which questions are asked for the answers
//! given so far, in what order, and what each answer invalidates. The
//! wizard (`tui`) and the plain prompts (`prompt`) both walk it, so they
//! ask the same questions and keep the same answers.

use chrono::NaiveDate;

use crate::i18n::Words;
use crate::plan::Answers;
use crate::policy::{Choice, DataLevel};
use crate::policy::{PolicySet, Region, Scheme};

/// The questions behind `Answers`, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Region,
    Scheme,
    Retired,
    Disease,
    End,
    Cross,
}

/// The questions a plan needs for these answers so far: "retired" only
/// where the region's figures differ for retired employees.
pub(crate) fn questions(region: Option<&Region>, scheme: Option<Scheme>) -> Vec<Question> {
    let retired =
        region.is_some_and(Region::distinguishes_retired) && scheme == Some(Scheme::Employee);
    [
        Question::Region,
        Question::Scheme,
        Question::Retired,
        Question::Disease,
        Question::End,
        Question::Cross,
    ]
    .into_iter()
    .filter(|q| *q != Question::Retired || retired)
    .collect()
}

/// Answers so far. Going back never clears one; only an answer that makes
/// another meaningless clears it (see `set_region`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The region with data, or the place and the data it uses.
    pub region: Option<Choice>,
    pub scheme: Option<Scheme>,
    pub retired: Option<bool>,
    /// Index into the region's diseases.
    pub disease: Option<usize>,
    pub end: Option<NaiveDate>,
    pub cross: Option<bool>,
    /// The checklist's name, when the person chose one.
    pub label: Option<String>,
    /// The disease as the person typed it, when the list did not name it
    /// so and the chosen entry covers it (高血压 → 西安's 其他病种).
    pub typed: Option<crate::vocabulary::TypedDisease>,
}

impl Draft {
    /// The region whose data the plan uses.
    pub fn region<'a>(&self, policy: &'a PolicySet) -> Option<&'a Region> {
        self.region
            .as_ref()
            .and_then(|c| policy.regions.get(c.region))
    }

    /// The questions asked for the answers so far.
    pub(crate) fn questions(&self, policy: &PolicySet) -> Vec<Question> {
        questions(self.region(policy), self.scheme)
    }

    /// Choosing a region: a disease picked from another region's list
    /// means nothing here (two places that use one province's data share
    /// its list, so the disease stays). Whether the person is retired is a
    /// fact about them, not the region, so it stays (asked again, with it
    /// as default, where the new region asks it).
    pub(crate) fn set_region(&mut self, choice: Choice) {
        if self.region.as_ref().map(|c| c.region) != Some(choice.region) {
            self.disease = None;
            self.typed = None;
        }
        self.region = Some(choice);
    }

    pub(crate) fn set_scheme(&mut self, scheme: Scheme) {
        self.scheme = Some(scheme);
    }

    /// Answers a yes/no question (retired, cross-province).
    pub(crate) fn set_yes_no(&mut self, question: Question, yes: bool) {
        match question {
            Question::Retired => self.retired = Some(yes),
            Question::Cross => self.cross = Some(yes),
            _ => {}
        }
    }

    /// The answer of a yes/no question, if given.
    pub(crate) fn yes_no(&self, question: Question) -> Option<bool> {
        match question {
            Question::Retired => self.retired,
            Question::Cross => self.cross,
            _ => None,
        }
    }

    pub(crate) fn answered(&self, question: Question) -> bool {
        match question {
            Question::Region => self.region.is_some(),
            Question::Scheme => self.scheme.is_some(),
            Question::Retired => self.retired.is_some(),
            Question::Disease => self.disease.is_some(),
            Question::End => self.end.is_some(),
            Question::Cross => self.cross.is_some(),
        }
    }

    /// Every question asked for these answers has one.
    pub(crate) fn complete(&self, policy: &PolicySet) -> bool {
        self.questions(policy).iter().all(|q| self.answered(*q))
    }

    pub(crate) fn first_unanswered(&self, policy: &PolicySet) -> Option<Question> {
        self.questions(policy)
            .into_iter()
            .find(|q| !self.answered(*q))
    }

    /// The question after `question` for the answers so far.
    pub(crate) fn next(&self, policy: &PolicySet, question: Question) -> Option<Question> {
        let qs = self.questions(policy);
        let pos = qs.iter().position(|q| *q == question)?;
        qs.get(pos + 1).copied()
    }

    /// The question before `question`, or None on the first.
    pub(crate) fn prev(&self, policy: &PolicySet, question: Question) -> Option<Question> {
        let qs = self.questions(policy);
        let pos = qs.iter().position(|q| *q == question)?;
        pos.checked_sub(1).map(|p| qs[p])
    }

    /// `(n, m)`: question `n` of `m` (1-based).
    pub(crate) fn position(&self, policy: &PolicySet, question: Question) -> (usize, usize) {
        let qs = self.questions(policy);
        let n = qs.iter().position(|q| *q == question).unwrap_or(0) + 1;
        (n, qs.len())
    }

    /// The draft that gives these answers (to change a saved checklist's
    /// answers), or None when the data no longer has its region or disease.
    pub(crate) fn from_answers(
        policy: &PolicySet,
        answers: &Answers,
        label: &str,
    ) -> Option<Draft> {
        let region = crate::policy::choice_for(policy, &answers.region)?;
        let disease = policy.regions[region.region]
            .diseases
            .iter()
            .position(|d| d.id == answers.disease)?;
        Some(Draft {
            region: Some(region),
            scheme: Some(answers.scheme),
            // Kept even where not asked: the default if the region changes.
            retired: Some(answers.retired),
            disease: Some(disease),
            end: Some(answers.validity_end),
            cross: Some(answers.cross_province),
            label: Some(label.to_string()),
            typed: None,
        })
    }

    /// The answers a plan needs, once every one is given.
    pub(crate) fn answers(&self, policy: &PolicySet) -> Option<Answers> {
        let region = self.region(policy)?;
        let disease = region.diseases.get(self.disease?)?;
        Some(Answers {
            region: self.region.as_ref()?.key.clone(),
            scheme: self.scheme?,
            disease: disease.id.clone(),
            validity_end: self.end?,
            cross_province: self.cross.unwrap_or(false),
            retired: self.retired.unwrap_or(false),
        })
    }
}

/// One line of the region list: a region with data and its benefit's
/// name, or a place and whose data it would get (its province's or the
/// generic).
pub(crate) fn region_option(policy: &PolicySet, c: &Choice, words: Words) -> String {
    let r = &policy.regions[c.region];
    if c.has_own_data(policy) {
        return format!(
            "{} · {}",
            words.name(&r.name, r.name_en.as_deref()),
            r.benefit_name
        );
    }
    // A municipality (北京, 上海 …) is a city: its districts use the
    // city's data, not a province's.
    let municipal = c
        .place
        .and_then(|p| p.province_place())
        .is_some_and(|p| p.is_municipality());
    let whose = match c.level {
        DataLevel::Generic => words.t("places.option.generic").to_string(),
        _ if municipal => words.tf("places.option.municipality", &[("city", &r.short_name)]),
        _ => words.tf("places.option.province", &[("province", &r.short_name)]),
    };
    format!("{} · {whose}", c.name(policy))
}

/// The chosen region or place as named to the person: the region's own
/// name (with its English gloss), or the place (河北省石家庄市).
pub(crate) fn region_name(policy: &PolicySet, c: &Choice, words: Words) -> String {
    let r = &policy.regions[c.region];
    if c.has_own_data(policy) {
        words.name(&r.name, r.name_en.as_deref())
    } else {
        c.name(policy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> PolicySet {
        crate::policy::fixture::policy()
    }

    fn index(policy: &PolicySet, id: &str) -> Choice {
        crate::policy::choice_for(policy, id).unwrap()
    }

    /// Issue 26: 北京市东城区 uses 北京's data, a city's, not a province's.
    #[test]
    fn a_municipality_district_uses_the_city_data_not_a_province() {
        let policy = PolicySet::embedded().unwrap();
        let choices = crate::policy::choices(&policy);
        let dongcheng = choices
            .iter()
            .find(|c| c.place.is_some_and(|p| p.name == "东城区"))
            .expect("东城区 is a place");
        let line = region_option(&policy, dongcheng, Words::new(crate::i18n::Lang::ZhHans));
        assert!(line.contains("北京市东城区"), "{line}");
        assert!(!line.contains("全省"), "{line}");
        assert!(line.contains("全市"), "{line}");
    }

    #[test]
    fn a_draft_from_saved_answers_gives_them_back() {
        let policy = policy();
        let answers = Answers {
            region: "fx-typical".into(),
            scheme: Scheme::Employee,
            disease: policy.regions[index(&policy, "fx-typical").region].diseases[1]
                .id
                .clone(),
            validity_end: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            cross_province: true,
            retired: true,
        };
        let draft = Draft::from_answers(&policy, &answers, "妈妈").unwrap();
        assert!(draft.complete(&policy));
        assert_eq!(draft.answers(&policy), Some(answers.clone()));
        assert_eq!(draft.label.as_deref(), Some("妈妈"));
        let gone = Answers {
            disease: "no-such-disease".into(),
            ..answers
        };
        assert_eq!(Draft::from_answers(&policy, &gone, "妈妈"), None);
    }

    #[test]
    fn retired_is_asked_only_for_employees_where_it_matters() {
        let p = policy();
        let mut d = Draft::default();
        assert!(!d.questions(&p).contains(&Question::Retired));
        let fcg = p
            .regions
            .iter()
            .find(|r| r.distinguishes_retired())
            .expect("a region that asks");
        d.set_region(index(&p, &fcg.id));
        d.set_scheme(Scheme::Employee);
        assert_eq!(d.next(&p, Question::Scheme), Some(Question::Retired));
        d.set_scheme(Scheme::Resident);
        assert_eq!(d.next(&p, Question::Scheme), Some(Question::Disease));
    }

    #[test]
    fn a_region_change_clears_the_disease_and_keeps_the_rest() {
        let p = policy();
        let mut d = Draft::default();
        d.set_region(index(&p, "fx-exact"));
        d.set_scheme(Scheme::Employee);
        d.set_yes_no(Question::Retired, false);
        d.disease = Some(1);
        d.end = NaiveDate::from_ymd_opt(2026, 3, 31);
        d.set_yes_no(Question::Cross, true);
        let same = d.clone();
        d.set_region(index(&p, "fx-exact"));
        assert_eq!(d, same, "the same region again changes nothing");
        d.set_region(index(&p, "fx-assumed"));
        assert_eq!(d.disease, None);
        assert_eq!(d.retired, Some(false), "retired is about the person");
        assert_eq!(
            (d.scheme, d.end, d.cross),
            (same.scheme, same.end, same.cross)
        );
    }

    #[test]
    fn a_place_stores_its_code_and_shares_its_data_s_disease_list() {
        let p = policy();
        let mut d = Draft::default();
        d.set_region(index(&p, "130100"));
        d.set_scheme(Scheme::Resident);
        d.disease = Some(1);
        d.end = NaiveDate::from_ymd_opt(2026, 3, 31);
        d.set_yes_no(Question::Cross, false);
        assert_eq!(d.answers(&p).unwrap().region, "130100");
        assert_eq!(d.region(&p).unwrap().id, "generic");
        // 邯郸 uses the same generic data: the disease still means the same.
        d.set_region(index(&p, "130400"));
        assert_eq!(d.disease, Some(1));
        assert_eq!(d.answers(&p).unwrap().region, "130400");
        d.set_region(index(&p, "fx-exact"));
        assert_eq!(d.disease, None);
    }

    #[test]
    fn back_and_forth_walk_the_same_sequence() {
        let p = policy();
        let d = Draft::default();
        assert_eq!(d.prev(&p, Question::Region), None);
        assert_eq!(d.next(&p, Question::Cross), None);
        assert_eq!(d.position(&p, Question::End), (4, 5));
        assert_eq!(d.first_unanswered(&p), Some(Question::Region));
        assert_eq!(d.answers(&p), None);
    }
}
