//! The questions as numbered prompts on plain lines: no screen control, so
//! it works in a pipe, a screen reader, or a terminal without the wizard.
//! Type a number or text and Enter; Enter alone takes the default; `<` goes
//! back (keeping the answer); `q` quits.

mod answer;
mod input;
mod question;
#[cfg(test)]
mod tests;

use std::io::{BufRead, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::checklist::Checklist;
use crate::checklist::store::Store;
use crate::i18n::Words;
use crate::plan;
use crate::policy::index::scheme_index;
use crate::policy::{Choice, PolicySet};
use crate::search::SearchIndex;
use crate::wizard::{Draft, Question};

use answer::Reply;
pub(crate) use input::MAX_LINE_BYTES;
use input::{Input, read};
use question::{chosen, default_answer, options, question_words};

/// How the questions ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The plan was printed (and its checklist saved where it could be).
    Planned,
    /// The person typed `q`.
    Quit,
    /// The input ended before the last answer.
    InputEnded,
}

/// Asks the questions, prints the plan and its checklist, and saves the
/// checklist in `store` when one is given. Returns false when the input
/// ended or the person quit before the plan.
pub fn run(
    policy: &PolicySet,
    today: NaiveDate,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    store: Option<(&Store, chrono::DateTime<chrono::Utc>)>,
    words: Words,
) -> Result<Outcome> {
    let mut session = Session::new(policy, today, words);
    writeln!(
        out,
        "{}",
        words.tf("prompt.welcome", &[("n", &session.shown_total)])
    )?;
    loop {
        let shown = session.ask(out)?;
        let line = match session.take(read(input)?, &shown, out)? {
            Flow::Line(line) => line,
            Flow::Again => continue,
            Flow::Stop(outcome) => return Ok(outcome),
        };
        if line.is_empty() && shown.default.is_none() {
            continue;
        }
        if session.answer(&shown, &line, out)? {
            break;
        }
    }
    finish(policy, today, &session.d, out, store, words)
}

/// The answers so far and what the questions have said.
struct Session<'a> {
    policy: &'a PolicySet,
    words: Words,
    today: NaiveDate,
    choices: Vec<Choice>,
    /// The places and the schemes, found by what is typed.
    regions: SearchIndex,
    schemes: SearchIndex,
    d: Draft,
    /// The question asked now.
    step: Question,
    /// A far end date typed once; typed again, it is taken.
    far_pending: Option<NaiveDate>,
    /// The count of questions last said.
    shown_total: usize,
    /// The options suggested after the last answer (several fit, or the
    /// nearest places), numbered 1.. : the next number picks from them, and
    /// the whole list is not said again.
    offered: Vec<usize>,
}

/// The question as it was just asked.
struct Shown {
    /// The questions asked for the answers before this one, and this one's place.
    steps: Vec<Question>,
    pos: usize,
    options: Vec<String>,
    /// How many of the options are listed (of the places, those with data).
    listed: usize,
    /// What Enter keeps.
    default: Option<String>,
}

/// What to do with what was read.
enum Flow {
    /// An answer to take.
    Line(String),
    /// Ask again.
    Again,
    /// The questions end.
    Stop(Outcome),
}

impl<'a> Session<'a> {
    fn new(policy: &'a PolicySet, today: NaiveDate, words: Words) -> Self {
        let choices = crate::policy::choices(policy);
        let regions = policy.region_index(&choices);
        let d = Draft::default();
        let shown_total = d.questions(policy).len();
        Session {
            policy,
            words,
            today,
            choices,
            regions,
            schemes: scheme_index(),
            d,
            step: Question::Region,
            far_pending: None,
            shown_total,
            offered: Vec::new(),
        }
    }

    /// Asks the current question: why the count of questions changed, if
    /// it did; the step; the question and its default; the options (or the
    /// count of the suggestions made).
    fn ask(&mut self, out: &mut dyn Write) -> Result<Shown> {
        let policy = self.policy;
        let words = self.words;
        let region = self.d.region(policy);
        let steps = self.d.questions(policy);
        // The count of steps changed with the last answer: say why.
        if steps.len() != self.shown_total {
            let key = if steps.len() > self.shown_total {
                "steps.more"
            } else {
                "steps.fewer"
            };
            writeln!(out, "{}", words.tf(key, &[("m", &steps.len())]))?;
            self.shown_total = steps.len();
        }
        let pos = steps.iter().position(|s| *s == self.step).unwrap_or(0);
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            words.tf("prompt.step", &[("n", &(pos + 1)), ("m", &steps.len())])
        )?;
        let options = options(self.step, policy, &self.choices, region, words);
        let question = question_words(self.step, self.today, words);
        let default = default_answer(self.step, policy, &self.d, region, words);
        writeln!(
            out,
            "{question}{}",
            default
                .as_ref()
                .map(|v| words.tf("prompt.default", &[("v", v)]))
                .unwrap_or_default()
        )?;
        // Of the places, only those with data are listed; any other is
        // found by typing its name.
        let listed = if self.step == Question::Region {
            policy.regions.len()
        } else {
            options.len()
        };
        if self.offered.is_empty() {
            for (i, o) in options.iter().take(listed).enumerate() {
                writeln!(out, "  {}. {o}", i + 1)?;
            }
            if listed < options.len() {
                writeln!(out, "  {}", words.t("places.prompt_more"))?;
            }
        } else {
            writeln!(
                out,
                "{}",
                words.tf("prompt.pick_offered", &[("n", &self.offered.len())])
            )?;
        }
        write!(out, "> ")?;
        out.flush()?;
        Ok(Shown {
            steps,
            pos,
            options,
            listed,
            default,
        })
    }

    /// What was read: a line to take as the answer, or `q`, the end of
    /// the input, `<`, or a line that cannot be read.
    fn take(&mut self, input: Input, shown: &Shown, out: &mut dyn Write) -> Result<Flow> {
        let words = self.words;
        Ok(match input {
            Input::Line(line) => Flow::Line(line),
            Input::Quit => {
                writeln!(out, "{}", words.t("prompt.quit"))?;
                Flow::Stop(Outcome::Quit)
            }
            Input::Ended => {
                writeln!(out)?;
                writeln!(out, "{}", words.t("prompt.end_of_input"))?;
                Flow::Stop(Outcome::InputEnded)
            }
            Input::Back => {
                self.offered.clear();
                self.step = shown.steps[shown.pos.saturating_sub(1)];
                Flow::Again
            }
            Input::NotText => {
                writeln!(out, "{}", words.t("prompt.not_utf8"))?;
                Flow::Again
            }
            Input::TooLong => {
                writeln!(
                    out,
                    "{}",
                    words.tf("prompt.too_long", &[("max", &MAX_LINE_BYTES)])
                )?;
                Flow::Again
            }
        })
    }

    /// Takes `line` as the answer to the question shown, and says what was
    /// understood. True when it answered the last question.
    fn answer(&mut self, shown: &Shown, line: &str, out: &mut dyn Write) -> Result<bool> {
        let words = self.words;
        // A number answers the suggestions just shown.
        let from_offered = crate::text::to_half_width(line)
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|k| self.offered.get(k).copied());
        let asked = self.step;
        let done = match self.reply(shown, line, from_offered, out)? {
            Reply::Again => return Ok(false),
            Reply::Taken { done } => {
                self.offered.clear();
                done
            }
            Reply::Missed(suggested) => {
                self.offered = suggested;
                false
            }
        };
        // Say what was understood, as for the date: a name typed may have
        // matched something else than meant.
        if (done || self.step != asked)
            && let Some(v) = chosen(self.policy, &self.d, asked, words)
        {
            writeln!(out, "{}", words.tf("prompt.chosen", &[("v", &v)]))?;
        }
        Ok(done)
    }
}

/// Prints the plan for the answers and its checklist, saved in `store`
/// when one is given.
fn finish(
    policy: &PolicySet,
    today: NaiveDate,
    d: &Draft,
    out: &mut dyn Write,
    store: Option<(&Store, chrono::DateTime<chrono::Utc>)>,
    words: Words,
) -> Result<Outcome> {
    let (Some(answers), Some(region), Some(di)) = (d.answers(policy), d.region(policy), d.disease)
    else {
        return Ok(Outcome::InputEnded);
    };
    let mut plan = plan::compute(policy, &answers, today)?;
    plan.disease.typed = d.typed.clone();
    writeln!(out)?;
    write!(out, "{}", crate::document::plan_text_linear(&plan, words))?;
    // The checklist: saved where a store was given (not at a kiosk).
    let label = region.diseases[di].name.clone();
    match store {
        Some((store, now)) => {
            let c = Checklist::new(store.new_id(), &label, &answers, &plan, now);
            let path = store.create(&c)?;
            writeln!(out)?;
            writeln!(out, "{}", words.t("prompt.checklist"))?;
            // In the words the plan was said with: 待办：, not ☐.
            for l in crate::document::sheet::item_lines_plain(&c, today, words) {
                writeln!(out, "{l}")?;
            }
            writeln!(out)?;
            writeln!(out, "{}", c.saved_message(&path, words))?;
        }
        None => {
            writeln!(out)?;
            writeln!(out, "{}", words.t("prompt.not_saved"))?;
        }
    }
    Ok(Outcome::Planned)
}
