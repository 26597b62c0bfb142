//! The questions: each one's options (the region list holds every place;
//! regions and diseases filter as one types), the answer chosen and the
//! question after it, the review page, and the plan made from the answers.

use super::{App, Effect, Level, Message, Question, ReviewRow, Screen, Tab};
use crate::checklist::Checklist;
use crate::checklist::agenda;
use crate::plan;
use crate::policy::Scheme;
use crate::policy::index::disease_index;
use crate::tui::input::TextInput;
use crate::tui::screens::date::DateField;
use crate::tui::screens::question::QuestionScreen;
use crate::tui::screens::result::ResultView;
use crate::tui::screens::review::Review;

impl App {
    /// A row of the review page opened: its question again, the label
    /// field (with the label so far), or the plan made.
    pub(crate) fn open_review_row(&mut self, row: ReviewRow) -> Vec<Effect> {
        match row {
            ReviewRow::Answer(step) => {
                self.enter_step(step, true);
                Vec::new()
            }
            ReviewRow::Label => {
                let text = self
                    .draft
                    .label
                    .clone()
                    .unwrap_or_else(|| self.default_label());
                if let Screen::Review(r) = &mut self.screen {
                    r.label = Some(TextInput::with(&text));
                }
                Vec::new()
            }
            ReviewRow::Confirm => self.confirm(),
        }
    }

    /// The steps asked for the current answers.
    pub(crate) fn steps(&self) -> Vec<Question> {
        self.draft.questions(&self.policy)
    }

    pub fn region(&self) -> Option<&crate::policy::Region> {
        self.draft.region(&self.policy)
    }

    /// The region question's options: regions with data, then every place.
    pub fn region_choices(&self) -> &[crate::policy::Choice] {
        &self.choices
    }

    /// All options of a choice step, in their numbered order.
    pub(crate) fn options(&self, step: Question) -> Vec<String> {
        match step {
            Question::Region => self
                .choices
                .iter()
                .map(|c| crate::wizard::region_option(&self.policy, c, self.words))
                .collect(),
            Question::Scheme => Scheme::ALL
                .iter()
                .map(|s| plan::render::scheme_label(*s, self.words))
                .collect(),
            Question::Disease => self
                .region()
                .map(|r| {
                    r.diseases
                        .iter()
                        .map(|d| self.words.name(&d.name, d.name_en.as_deref()))
                        .collect()
                })
                .unwrap_or_default(),
            Question::Retired | Question::Cross => vec![
                self.words.t("tui.yes").into(),
                self.words.t("tui.no").into(),
            ],
            Question::End => Vec::new(),
        }
    }

    /// Whether typing filters this step's list.
    pub(crate) fn filterable(step: Question) -> bool {
        crate::tui::screens::question::filterable(step)
    }

    /// What the question's drawing reads of its options.
    pub(crate) fn question_options<'a>(
        &self,
        step: Question,
        label: &'a dyn Fn(usize) -> String,
    ) -> crate::tui::screens::question::Options<'a> {
        let disease = step == Question::Disease;
        crate::tui::screens::question::Options {
            visible: self.visible_options(step),
            numbered: self.numbered(step),
            label,
            nothing_found: self.nothing_found(step),
            generic_name: self.generic_name(),
            generic_number: self.generic_number(),
            cover: disease.then(|| self.disease_cover()).flatten(),
            not_listed: disease.then(|| self.disease_not_listed()).flatten(),
            open: disease.then(|| self.disease_open_entry()).flatten(),
        }
    }

    /// One option's label (the list draws only the rows it shows).
    pub(crate) fn option(&self, step: Question, i: usize) -> String {
        match step {
            Question::Region => self
                .choices
                .get(i)
                .map(|c| crate::wizard::region_option(&self.policy, c, self.words))
                .unwrap_or_default(),
            _ => self.options(step).get(i).cloned().unwrap_or_default(),
        }
    }

    /// How many options are listed, and numbered, before anything is
    /// typed: of the places, only those with data; every other place is
    /// found by typing its name.
    pub(crate) fn numbered(&self, step: Question) -> usize {
        match step {
            Question::Region => self.policy.regions.len(),
            _ => self.options(step).len(),
        }
    }

    /// The generic entry's name, as the list shows it.
    pub(crate) fn generic_name(&self) -> String {
        self.policy
            .regions
            .iter()
            .find(|r| r.generic)
            .map(|r| self.words.name(&r.name, r.name_en.as_deref()))
            .unwrap_or_default()
    }

    /// The region filter matches no place: the list offers the generic
    /// entry instead, and the hint says so.
    pub(crate) fn nothing_found(&self, step: Question) -> bool {
        let filter = self.filter_text();
        step == Question::Region
            && !filter.trim().is_empty()
            && self.regions.filter(filter).is_empty()
    }

    /// The disease filter names a disease the region's list does not (高血压
    /// on 西安's list): the entry that covers it (its 其他病种), with the
    /// disease as typed, offered as the first line.
    pub(crate) fn disease_cover(&self) -> Option<(usize, crate::vocabulary::TypedDisease)> {
        let region = self.region()?;
        let (_, Ok((d, typed))) = self.disease_outside()? else {
            return None;
        };
        let i = region.diseases.iter().position(|x| std::ptr::eq(x, d))?;
        Some((i, typed))
    }

    /// A known disease the region's list neither names nor leaves open
    /// (银屑病 in 重庆; 癫痫, for which the list finds only 癫痫所致精神障碍),
    /// and whether the list shows other diseases for it.
    pub(crate) fn disease_not_listed(&self) -> Option<(&'static crate::vocabulary::Concept, bool)> {
        match self.disease_outside()? {
            (found, Err(crate::vocabulary::NotCovered::NotListed(c))) => {
                Some((c, !found.is_empty()))
            }
            _ => None,
        }
    }

    /// The region's open entry (其他病种), offered for a name neither its
    /// list nor the vocabulary knows (感冒 in 西安).
    pub(crate) fn disease_open_entry(&self) -> Option<usize> {
        let region = self.region()?;
        match self.disease_outside()? {
            (found, Err(crate::vocabulary::NotCovered::Unknown(_))) if found.is_empty() => {
                region.diseases.iter().position(|d| d.other)
            }
            _ => None,
        }
    }

    /// The disease filter when the region's list does not find it as the
    /// disease it names: what the list finds for it, and the entry covering
    /// it in the vocabulary or why none does.
    #[allow(clippy::type_complexity)]
    fn disease_outside(
        &self,
    ) -> Option<(
        Vec<usize>,
        Result<
            (&crate::policy::Disease, crate::vocabulary::TypedDisease),
            crate::vocabulary::NotCovered,
        >,
    )> {
        let filter = self.filter_text().trim();
        if filter.is_empty() || crate::search::too_long(filter) {
            return None;
        }
        let Screen::Question(q) = &self.screen else {
            return None;
        };
        if q.step != Question::Disease {
            return None;
        }
        let region = self.region()?;
        let found = match &self.diseases {
            Some((r, idx)) if Some(*r) == self.draft.region.as_ref().map(|c| c.region) => {
                idx.filter(filter)
            }
            _ => Vec::new(),
        };
        let other = found
            .iter()
            .map(|&i| crate::policy::cover::another_disease(&region.diseases[i], filter))
            .reduce(|a, b| a.and(b))
            .flatten();
        let covering = match other {
            Some(c) => crate::policy::cover::covering_concept(region, filter, c),
            None if found.is_empty() => crate::policy::cover::covering(region, filter),
            None => return None,
        };
        Some((found, covering))
    }

    /// The number the generic entry has in the region list, for a person
    /// who can type only digits (a kiosk).
    pub(crate) fn generic_number(&self) -> Option<usize> {
        self.policy
            .regions
            .iter()
            .position(|r| r.generic)
            .map(|i| i + 1)
    }

    /// Option indices shown for the current filter, best match first. A
    /// place that matches nothing shows the generic entry, the way on
    /// for a place the program has no name for.
    pub fn visible_options(&self, step: Question) -> Vec<usize> {
        let all = self.numbered(step);
        let filter = self.filter_text();
        if !Self::filterable(step) || filter.trim().is_empty() {
            return (0..all).collect();
        }
        match step {
            Question::Region => {
                let found = self.regions.filter(filter);
                if found.is_empty() {
                    return self
                        .policy
                        .regions
                        .iter()
                        .position(|r| r.generic)
                        .into_iter()
                        .collect();
                }
                found
            }
            Question::Disease => match &self.diseases {
                Some((r, idx)) if Some(*r) == self.draft.region.as_ref().map(|c| c.region) => {
                    let found = idx.filter(filter);
                    if let Some((i, _)) = self.disease_cover() {
                        let rest = found.into_iter().filter(|&j| j != i);
                        return std::iter::once(i).chain(rest).collect();
                    }
                    if found.is_empty() {
                        return self.disease_open_entry().into_iter().collect();
                    }
                    found
                }
                _ => (0..all).collect(),
            },
            _ => (0..all).collect(),
        }
    }

    /// The option the step's saved answer points at.
    fn answered_option(&self, step: Question) -> Option<usize> {
        match step {
            Question::Region => self
                .draft
                .region
                .as_ref()
                .and_then(|c| self.choices.iter().position(|x| x.key == c.key)),
            Question::Scheme => self
                .draft
                .scheme
                .map(|s| Scheme::ALL.iter().position(|x| *x == s).unwrap_or(0)),
            Question::Disease => self.draft.disease,
            // Unanswered yes/no questions offer 否, as the plain prompts do:
            // a bare Enter must not add or change anything in the plan.
            Question::Retired | Question::Cross => {
                Some(usize::from(!self.draft.yes_no(step).unwrap_or(false)))
            }
            Question::End => None,
        }
    }

    /// Shows a question; `from_review` when a change began on the review
    /// page (answering then goes back there).
    pub(crate) fn enter_step(&mut self, step: Question, from_review: bool) {
        self.message = None;
        if step == Question::End {
            let typed = self.draft.end.map(|d| d.to_string()).unwrap_or_default();
            self.screen = Screen::Date(DateField {
                field: TextInput::with(&typed),
                from_review,
                far_confirmed: None,
            });
            return;
        }
        if step == Question::Disease
            && let Some(r) = self.draft.region.as_ref().map(|c| c.region)
            && self.diseases.as_ref().is_none_or(|(i, _)| *i != r)
        {
            self.diseases = Some((r, disease_index(&self.policy.regions[r])));
        }
        self.screen = Screen::Question(QuestionScreen::new(step, from_review));
        let visible = self.visible_options(step);
        let selected = self
            .answered_option(step)
            .and_then(|a| visible.iter().position(|v| *v == a))
            .unwrap_or(0);
        if let Screen::Question(q) = &mut self.screen {
            q.selected = selected;
        }
    }

    /// The question after `step` was answered.
    pub(crate) fn next_after(&mut self, step: Question, from_review: bool) {
        if from_review && self.draft.complete(&self.policy) {
            self.show_review();
            return;
        }
        let steps = self.steps();
        let pos = steps.iter().position(|s| *s == step).unwrap_or(0);
        // After a change from the review page, continue to the next unanswered question.
        let next = steps
            .iter()
            .skip(pos + 1)
            .copied()
            .find(|s| !from_review || !self.draft.answered(*s));
        match next {
            Some(s) => self.enter_step(s, from_review),
            None => self.show_review(),
        }
    }

    /// The review page, with the confirm row selected.
    pub(crate) fn show_review(&mut self) {
        self.message = None;
        self.screen = Screen::Review(Review {
            selected: self.review_rows().len() - 1,
            label: None,
        });
    }

    /// Records the answer to a choice question and moves on.
    pub(crate) fn choose(&mut self, step: Question, option: usize, from_review: bool) {
        let before = self.steps().len();
        match step {
            Question::Region => {
                if let Some(c) = self.choices.get(option) {
                    self.draft.set_region(c.clone());
                }
            }
            Question::Scheme => self.draft.set_scheme(Scheme::ALL[option.min(1)]),
            Question::Retired | Question::Cross => self.draft.set_yes_no(step, option == 0),
            Question::Disease => {
                // The entry offered for a disease the list does not name
                // carries that disease into the plan.
                self.draft.typed = self
                    .disease_cover()
                    .filter(|(i, _)| *i == option)
                    .map(|(_, typed)| typed);
                self.draft.disease = Some(option);
            }
            Question::End => {}
        }
        self.next_after(step, from_review);
        // The count of steps changed with this answer: say why, once.
        let after = self.steps().len();
        if after != before && self.message.is_none() {
            self.message = Some((
                Level::Info,
                Message::StepsChanged {
                    steps: after,
                    more: after > before,
                },
            ));
        }
    }

    /// The label a checklist gets when the person gives none: the
    /// disease, made to differ from the other saved checklists of the same
    /// region and disease (高血压, 高血压 2).
    pub(crate) fn default_label(&self) -> String {
        let Some((region, disease)) = self.region().and_then(|r| {
            self.draft
                .disease
                .and_then(|d| r.diseases.get(d))
                .map(|d| (r, d))
        }) else {
            return String::new();
        };
        let others = self
            .saved
            .iter()
            .filter(|c| Some(&c.id) != self.saved_id.as_ref());
        let name = crate::vocabulary::entry_with_typed(
            &disease.name,
            self.draft.typed.as_ref(),
            self.words,
        );
        agenda::distinct_label(others, &name, &region.id, &disease.id)
    }

    /// The plan for the answers: shown, and saved (not at a kiosk).
    pub(crate) fn confirm(&mut self) -> Vec<Effect> {
        let Some(answers) = self.draft.answers(&self.policy) else {
            // Send the person to the first unanswered question.
            if let Some(s) = self.draft.first_unanswered(&self.policy) {
                self.enter_step(s, false);
            }
            return Vec::new();
        };
        match plan::compute(&self.policy, &answers, self.today) {
            Ok(mut p) => {
                p.disease.typed = self.draft.typed.clone();
                let label = self
                    .draft
                    .label
                    .clone()
                    .unwrap_or_else(|| self.default_label());
                // A saved checklist's answers changed from the home list:
                // shown on its checklist, with Esc back to the list.
                let mut view =
                    ResultView::new(p.clone(), None, self.editing.then_some(0), self.words);
                if self.editing {
                    view.show_tab(Tab::Checklist);
                }
                if self.kiosk.is_some() && self.saved_id.is_none() {
                    // A kiosk keeps the checklist in memory unless the person
                    // saves it; saving makes a new one, stamped by the shell.
                    // The state has no clock: the plan's day stands for its time.
                    let made = p.today.and_time(chrono::NaiveTime::MIN).and_utc();
                    view.checklist =
                        Some(Checklist::new(String::new(), &label, &answers, &p, made));
                    self.screen = Screen::Result(Box::new(view));
                    self.message = Some((Level::Info, Message::KioskNotSaved));
                    return Vec::new();
                }
                self.screen = Screen::Result(Box::new(view));
                self.message = Some((Level::Info, Message::Saving));
                vec![Effect::Save {
                    existing: self.saved_id.clone(),
                    label,
                    answers,
                    plan: Box::new(p),
                    ticked: Vec::new(),
                }]
            }
            Err(e) => {
                self.message = Some((Level::Error, Message::PlanFailed(e)));
                Vec::new()
            }
        }
    }
}
