//! Taking a typed answer to each question: a number or a name from the
//! list, yes or no, a date; and what is said when it chooses nothing.

use std::io::Write;

use anyhow::Result;

use super::{Session, Shown};
use crate::dates::words::weekday;
use crate::dates::{EndDate, far_from_today, read_end_date};
use crate::policy::Scheme;
use crate::policy::index::disease_index;
use crate::search::{Resolution, SearchIndex};
use crate::wizard::Question;

/// Why a typed answer chose nothing.
pub(super) enum Miss {
    /// Several options fit: these.
    Ambiguous(Vec<usize>),
    /// No option fits; the nearest, best first.
    NotFound(Vec<usize>),
    /// A number outside the list.
    BadNumber,
}

/// What became of an answer.
pub(super) enum Reply {
    /// Nothing: the question is asked again, the suggestions kept.
    Again,
    /// Taken, and on to the next question; `done` when it was the last.
    Taken { done: bool },
    /// Not taken, and asked again; the suggestions numbered for the next
    /// answer (none when nothing was suggested).
    Missed(Vec<usize>),
}

/// A choice from a numbered list: a number, or text resolved by `index`.
fn pick(index: &SearchIndex, count: usize, text: &str) -> Result<usize, Miss> {
    let digits = crate::text::to_half_width(text);
    if let Ok(n) = digits.parse::<usize>() {
        return if (1..=count).contains(&n) {
            Ok(n - 1)
        } else {
            Err(Miss::BadNumber)
        };
    }
    match index.resolve(text) {
        Resolution::One(i) => Ok(i),
        Resolution::Ambiguous(ids) => Err(Miss::Ambiguous(ids)),
        Resolution::NotFound(near) => Err(Miss::NotFound(near)),
    }
}

impl Session<'_> {
    /// Takes `line` as the answer to the current question. `from_offered`
    /// is the option a number picked from the suggestions just shown.
    pub(super) fn reply(
        &mut self,
        shown: &Shown,
        line: &str,
        from_offered: Option<usize>,
        out: &mut dyn Write,
    ) -> Result<Reply> {
        match self.step {
            Question::Region | Question::Scheme | Question::Disease if line.is_empty() => {
                Ok(self.advance(shown))
            }
            Question::Region => self.answer_region(shown, line, from_offered, out),
            Question::Scheme => self.answer_scheme(shown, line, from_offered, out),
            Question::Retired | Question::Cross => self.answer_yes_no(shown, line, out),
            Question::Disease => self.answer_disease(shown, line, from_offered, out),
            Question::End => self.answer_end(shown, line, out),
        }
    }

    /// On to the question after the one shown.
    fn advance(&mut self, shown: &Shown) -> Reply {
        match shown.steps.get(shown.pos + 1) {
            Some(next) => {
                self.step = *next;
                Reply::Taken { done: false }
            }
            None => Reply::Taken { done: true },
        }
    }

    fn answer_region(
        &mut self,
        shown: &Shown,
        line: &str,
        from_offered: Option<usize>,
        out: &mut dyn Write,
    ) -> Result<Reply> {
        match from_offered.map_or_else(|| pick(&self.regions, shown.listed, line), Ok) {
            Ok(i) => {
                self.d.set_region(self.choices[i].clone());
                Ok(self.advance(shown))
            }
            Err(miss) => Ok(Reply::Missed(self.bad_choice(out, miss, shown, line)?)),
        }
    }

    fn answer_scheme(
        &mut self,
        shown: &Shown,
        line: &str,
        from_offered: Option<usize>,
        out: &mut dyn Write,
    ) -> Result<Reply> {
        match from_offered.map_or_else(|| pick(&self.schemes, 2, line), Ok) {
            Ok(i) => {
                self.d.set_scheme(Scheme::ALL[i]);
                // The next question depends on this answer ("retired" or not).
                self.step = self
                    .d
                    .next(self.policy, Question::Scheme)
                    .unwrap_or(Question::Disease);
                Ok(Reply::Taken { done: false })
            }
            Err(miss) => Ok(Reply::Missed(self.bad_choice(out, miss, shown, line)?)),
        }
    }

    fn answer_yes_no(&mut self, shown: &Shown, line: &str, out: &mut dyn Write) -> Result<Reply> {
        let yes = match crate::text::to_half_width(line).to_lowercase().as_str() {
            "" => Some(self.d.yes_no(self.step).unwrap_or(false)),
            "1" | "是" | "y" | "yes" | "s" | "shi" => Some(true),
            "2" | "否" | "n" | "no" | "f" | "fou" => Some(false),
            _ => None,
        };
        match yes {
            Some(v) => {
                self.d.set_yes_no(self.step, v);
                Ok(self.advance(shown))
            }
            None => Ok(Reply::Missed(self.bad_choice(
                out,
                Miss::BadNumber,
                shown,
                line,
            )?)),
        }
    }

    fn answer_disease(
        &mut self,
        shown: &Shown,
        line: &str,
        from_offered: Option<usize>,
        out: &mut dyn Write,
    ) -> Result<Reply> {
        let words = self.words;
        let Some(r) = self.d.region(self.policy) else {
            self.step = Question::Region;
            return Ok(Reply::Again);
        };
        // A disease the list does not name: the entry covering it
        // (其他病种 …), the typed disease carried into the plan; a
        // known disease the list leaves out is said to be so.
        let cover = |concept: Option<&'static crate::vocabulary::Concept>| {
            let found = match concept {
                Some(c) => crate::policy::cover::covering_concept(r, line, c),
                None => crate::policy::cover::covering(r, line),
            };
            match found {
                Ok((entry, typed)) => r
                    .diseases
                    .iter()
                    .position(|x| std::ptr::eq(x, entry))
                    .map(|i| Ok((i, typed))),
                Err(crate::vocabulary::NotCovered::NotListed(c)) => Some(Err(c)),
                Err(_) => None,
            }
        };
        let picked =
            from_offered.map_or_else(|| pick(&disease_index(r), r.diseases.len(), line), Ok);
        // 癫痫 found 重庆's 癫痫所致精神障碍 by a part of its name.
        let other = |i: usize| {
            from_offered
                .is_none()
                .then(|| crate::policy::cover::another_disease(&r.diseases[i], line))
                .flatten()
        };
        let covered = match &picked {
            Ok(i) => other(*i).and_then(|c| cover(Some(c))),
            Err(Miss::NotFound(_)) => cover(None),
            Err(_) => None,
        };
        match (picked, covered) {
            (_, Some(Ok((i, typed)))) => {
                self.d.disease = Some(i);
                self.d.typed = Some(typed);
                Ok(self.advance(shown))
            }
            (_, Some(Err(concept))) => {
                let text = words.tf(
                    "cli.disease_not_listed",
                    &[
                        ("input", &line),
                        ("concept", &concept.name.as_str()),
                        ("region", &r.name.as_str()),
                    ],
                );
                writeln!(out, "{text}")?;
                Ok(Reply::Missed(Vec::new()))
            }
            (Ok(i), None) => {
                self.d.disease = Some(i);
                self.d.typed = None;
                Ok(self.advance(shown))
            }
            (Err(miss), None) => Ok(Reply::Missed(self.bad_choice(out, miss, shown, line)?)),
        }
    }

    fn answer_end(&mut self, shown: &Shown, line: &str, out: &mut dyn Write) -> Result<Reply> {
        let words = self.words;
        let today = self.today;
        let parsed = if line.is_empty() {
            self.d
                .end
                .map(|date| EndDate {
                    date,
                    guessed: None,
                })
                .ok_or(crate::dates::DateError::Empty)
        } else {
            read_end_date(line, today)
        };
        match parsed {
            // Decades away is most likely a wrong year: asked once more.
            Ok(e)
                if let Some(years) = far_from_today(e.date, today)
                    && self.far_pending != Some(e.date) =>
            {
                writeln!(
                    out,
                    "{}",
                    words.tf("date.far", &[("date", &e.date), ("n", &years)])
                )?;
                writeln!(out, "{}", words.t("prompt.far_confirm"))?;
                self.far_pending = Some(e.date);
                Ok(Reply::Missed(Vec::new()))
            }
            Ok(EndDate { date, guessed }) => {
                let days = (date - today).num_days();
                let rel = match days {
                    0 => words.t("prompt.rel.today").to_string(),
                    n if n > 0 => words.tf("prompt.rel.future", &[("n", &n)]),
                    n => words.tf("prompt.rel.past", &[("n", &-n)]),
                };
                writeln!(
                    out,
                    "{}",
                    words.tf(
                        "prompt.understood",
                        &[
                            ("date", &date),
                            ("weekday", &weekday(date, words)),
                            ("rel", &rel)
                        ]
                    )
                )?;
                if let Some(note) =
                    crate::dates::words::year_note(&EndDate { date, guessed }, words)
                {
                    writeln!(out, "{note}")?;
                }
                self.d.end = Some(date);
                Ok(self.advance(shown))
            }
            Err(e) => {
                writeln!(out, "{}", crate::dates::words::error_message(&e, words))?;
                Ok(Reply::Missed(Vec::new()))
            }
        }
    }

    /// Says why `line` chose nothing, with the options that may have been
    /// meant; returns those suggestions, numbered 1.. in the order shown,
    /// for the next answer's number to pick from.
    fn bad_choice(
        &self,
        out: &mut dyn Write,
        miss: Miss,
        shown: &Shown,
        line: &str,
    ) -> Result<Vec<usize>> {
        let words = self.words;
        let names = &shown.options;
        let mut suggested = Vec::new();
        match miss {
            Miss::Ambiguous(ids) => {
                writeln!(out, "{}", words.t("prompt.ambiguous"))?;
                for (k, &i) in ids.iter().enumerate() {
                    writeln!(out, "  {}. {}", k + 1, names[i])?;
                }
                suggested = ids;
            }
            // A place that is not found: the nearest places, and the
            // generic plan as the way on.
            Miss::NotFound(near) if self.step == Question::Region => {
                writeln!(out, "{}", words.tf("places.not_found", &[("text", &line)]))?;
                for (k, &i) in near.iter().enumerate() {
                    writeln!(out, "  {}. {}", k + 1, names[i])?;
                }
                suggested = near;
                // The generic is the last of the numbered suggestions
                // (the regions with data come first among the choices).
                let regions = &self.policy.regions;
                if let Some(g) = regions.iter().position(|r| r.generic) {
                    suggested.push(g);
                    writeln!(
                        out,
                        "{}",
                        words.tf(
                            "places.or_generic",
                            &[("n", &suggested.len()), ("generic", &regions[g].name)]
                        )
                    )?;
                }
            }
            Miss::NotFound(_) | Miss::BadNumber => writeln!(
                out,
                "{}",
                words.tf(
                    "prompt.not_a_choice",
                    &[("max", &shown.listed.min(names.len()))]
                )
            )?,
        }
        Ok(suggested)
    }
}
