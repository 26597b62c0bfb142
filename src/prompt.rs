//! The questions as numbered prompts on plain lines: no screen control, so
//! it works in a pipe, a screen reader, or a terminal without the wizard.
//! Type a number or text and Enter; Enter alone takes the default; `<` goes
//! back (keeping the answer); `q` quits.

use std::io::{BufRead, Read, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::checklist::Checklist;
use crate::checklist::store::Store;
use crate::dates::words::weekday;
use crate::dates::{EndDate, far_from_today, read_end_date};
use crate::i18n::{t, tf};
use crate::plan;
use crate::policy::index::{disease_index, scheme_index};
use crate::policy::{PolicySet, Scheme};
use crate::search::{Resolution, SearchIndex};
use crate::wizard::{Draft, Question};

enum Input {
    Line(String),
    /// A line that is not UTF-8 text: said so, and asked again.
    NotText,
    /// A line longer than `MAX_LINE_BYTES`: skipped, and asked again.
    TooLong,
    Back,
    /// `q`: the person chose to stop.
    Quit,
    /// No more input (end of file, a closed pipe).
    Ended,
}

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

/// The longest answer read, in bytes; no name or date comes near it. The
/// rest of a longer line is skipped without being kept.
pub(crate) const MAX_LINE_BYTES: usize = 1024;

fn read(input: &mut dyn BufRead) -> Result<Input> {
    let mut bytes = Vec::new();
    let n = (&mut *input)
        .take(MAX_LINE_BYTES as u64 + 1)
        .read_until(b'\n', &mut bytes)?;
    if n == 0 {
        return Ok(Input::Ended);
    }
    if bytes.len() > MAX_LINE_BYTES && bytes.last() != Some(&b'\n') {
        skip_line(input)?;
        return Ok(Input::TooLong);
    }
    let Ok(line) = String::from_utf8(bytes) else {
        return Ok(Input::NotText);
    };
    let trimmed = line.trim();
    Ok(match trimmed {
        "<" | "＜" => Input::Back,
        "q" | "Q" => Input::Quit,
        _ => Input::Line(trimmed.to_string()),
    })
}

/// Reads and drops the rest of a line, a buffer at a time.
fn skip_line(input: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|b| *b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let len = buf.len();
                input.consume(len);
            }
        }
    }
}

/// Why a typed answer chose nothing.
enum Miss {
    /// Several options fit: these.
    Ambiguous(Vec<usize>),
    /// No option fits; the nearest, best first.
    NotFound(Vec<usize>),
    /// A number outside the list.
    BadNumber,
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

/// The answer to a choice step as its option reads (None for the date,
/// which says more on its own).
fn chosen(policy: &PolicySet, d: &Draft, step: Question) -> Option<String> {
    let yes_no = |v: bool| t(if v { "prompt.yes" } else { "prompt.no" }).to_string();
    let region = d.region(policy);
    match step {
        Question::Region => d
            .region
            .as_ref()
            .map(|c| crate::wizard::region_name(policy, c)),
        Question::Scheme => d
            .scheme
            .map(|s| crate::plan::render::scheme_label(s, crate::i18n::Words::current())),
        Question::Disease => region
            .zip(d.disease)
            .and_then(|(r, i)| r.diseases.get(i))
            .map(|x| crate::i18n::name(&x.name, x.name_en.as_deref())),
        Question::Retired | Question::Cross => Some(yes_no(d.yes_no(step).unwrap_or(false))),
        Question::End => None,
    }
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
) -> Result<Outcome> {
    let choices = crate::policy::choices(policy);
    let regions = policy.region_index(&choices);
    let schemes = scheme_index();
    let mut d = Draft::default();
    let mut step = Question::Region;
    // A far end date typed once; typed again, it is taken.
    let mut far_pending: Option<NaiveDate> = None;
    writeln!(
        out,
        "{}",
        tf("prompt.welcome", &[("n", &d.questions(policy).len())])
    )?;
    let mut shown_total = d.questions(policy).len();
    // The options suggested after the last answer (several fit, or the
    // nearest places), numbered 1.. : the next number picks from them, and
    // the whole list is not said again.
    let mut offered: Vec<usize> = Vec::new();
    loop {
        let region = d.region(policy);
        let steps = d.questions(policy);
        // The count of steps changed with the last answer: say why.
        if steps.len() != shown_total {
            let key = if steps.len() > shown_total {
                "steps.more"
            } else {
                "steps.fewer"
            };
            writeln!(out, "{}", tf(key, &[("m", &steps.len())]))?;
            shown_total = steps.len();
        }
        let pos = steps.iter().position(|s| *s == step).unwrap_or(0);
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            tf("prompt.step", &[("n", &(pos + 1)), ("m", &steps.len())])
        )?;
        let options = options(step, policy, &choices, region);
        let question = question_words(step, today);
        let default = default_answer(step, policy, &d, region);
        writeln!(
            out,
            "{question}{}",
            default
                .as_ref()
                .map(|v| tf("prompt.default", &[("v", v)]))
                .unwrap_or_default()
        )?;
        // Of the places, only those with data are listed; any other is
        // found by typing its name.
        let listed = if step == Question::Region {
            policy.regions.len()
        } else {
            options.len()
        };
        if offered.is_empty() {
            for (i, o) in options.iter().take(listed).enumerate() {
                writeln!(out, "  {}. {o}", i + 1)?;
            }
            if listed < options.len() {
                writeln!(out, "  {}", t("places.prompt_more"))?;
            }
        } else {
            writeln!(
                out,
                "{}",
                tf("prompt.pick_offered", &[("n", &offered.len())])
            )?;
        }
        write!(out, "> ")?;
        out.flush()?;
        let line = match read(input)? {
            Input::Quit => {
                writeln!(out, "{}", t("prompt.quit"))?;
                return Ok(Outcome::Quit);
            }
            Input::Ended => {
                writeln!(out)?;
                writeln!(out, "{}", t("prompt.end_of_input"))?;
                return Ok(Outcome::InputEnded);
            }
            Input::Back => {
                offered.clear();
                step = steps[pos.saturating_sub(1)];
                continue;
            }
            Input::NotText => {
                writeln!(out, "{}", t("prompt.not_utf8"))?;
                continue;
            }
            Input::TooLong => {
                writeln!(
                    out,
                    "{}",
                    tf("prompt.too_long", &[("max", &MAX_LINE_BYTES)])
                )?;
                continue;
            }
            Input::Line(l) => l,
        };
        if line.is_empty() && default.is_none() {
            continue;
        }
        // A number answers the suggestions just shown.
        let from_offered = crate::text::to_half_width(&line)
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|k| offered.get(k).copied());
        let mut suggested: Vec<usize> = Vec::new();
        let next = steps.get(pos + 1).copied();
        let advance = |step: &mut Question| {
            if let Some(n) = next {
                *step = n;
                false
            } else {
                true
            }
        };
        // Suggestions are numbered 1.. in the order shown; the next answer's
        // number picks from them (`offered`).
        let bad_choice = |out: &mut dyn Write,
                          miss: Miss,
                          names: &[String],
                          suggested: &mut Vec<usize>|
         -> Result<()> {
            match miss {
                Miss::Ambiguous(ids) => {
                    writeln!(out, "{}", t("prompt.ambiguous"))?;
                    for (k, &i) in ids.iter().enumerate() {
                        writeln!(out, "  {}. {}", k + 1, names[i])?;
                    }
                    *suggested = ids;
                }
                // A place that is not found: the nearest places, and the
                // generic plan as the way on.
                Miss::NotFound(near) if step == Question::Region => {
                    writeln!(out, "{}", tf("places.not_found", &[("text", &line)]))?;
                    for (k, &i) in near.iter().enumerate() {
                        writeln!(out, "  {}. {}", k + 1, names[i])?;
                    }
                    *suggested = near;
                    // The generic is the last of the numbered suggestions
                    // (the regions with data come first among the choices).
                    if let Some(g) = policy.regions.iter().position(|r| r.generic) {
                        suggested.push(g);
                        writeln!(
                            out,
                            "{}",
                            tf(
                                "places.or_generic",
                                &[
                                    ("n", &suggested.len()),
                                    ("generic", &policy.regions[g].name)
                                ]
                            )
                        )?;
                    }
                }
                Miss::NotFound(_) | Miss::BadNumber => writeln!(
                    out,
                    "{}",
                    tf("prompt.not_a_choice", &[("max", &listed.min(names.len()))])
                )?,
            }
            Ok(())
        };
        let asked = step;
        let done = match step {
            Question::Region if line.is_empty() => advance(&mut step),
            Question::Region => {
                match from_offered.map_or_else(|| pick(&regions, listed, &line), Ok) {
                    Ok(i) => {
                        d.set_region(choices[i].clone());
                        advance(&mut step)
                    }
                    Err(amb) => {
                        bad_choice(out, amb, &options, &mut suggested)?;
                        false
                    }
                }
            }
            Question::Scheme if line.is_empty() => advance(&mut step),
            Question::Scheme => match from_offered.map_or_else(|| pick(&schemes, 2, &line), Ok) {
                Ok(i) => {
                    d.set_scheme(Scheme::ALL[i]);
                    // The next question depends on this answer ("retired" or not).
                    step = d
                        .next(policy, Question::Scheme)
                        .unwrap_or(Question::Disease);
                    false
                }
                Err(amb) => {
                    bad_choice(out, amb, &options, &mut suggested)?;
                    false
                }
            },
            Question::Retired | Question::Cross => {
                let yes = match crate::text::to_half_width(&line).to_lowercase().as_str() {
                    "" => Some(d.yes_no(step).unwrap_or(false)),
                    "1" | "是" | "y" | "yes" | "s" | "shi" => Some(true),
                    "2" | "否" | "n" | "no" | "f" | "fou" => Some(false),
                    _ => None,
                };
                match yes {
                    Some(v) => {
                        d.set_yes_no(step, v);
                        advance(&mut step)
                    }
                    None => {
                        bad_choice(out, Miss::BadNumber, &options, &mut suggested)?;
                        false
                    }
                }
            }
            Question::Disease if line.is_empty() => advance(&mut step),
            Question::Disease => {
                let Some(r) = region else {
                    step = Question::Region;
                    continue;
                };
                // A disease the list does not name: the entry covering it
                // (其他病种 …), the typed disease carried into the plan; a
                // known disease the list leaves out is said to be so.
                let cover = |concept: Option<&'static crate::vocabulary::Concept>| {
                    let found = match concept {
                        Some(c) => crate::policy::cover::covering_concept(r, &line, c),
                        None => crate::policy::cover::covering(r, &line),
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
                let picked = from_offered
                    .map_or_else(|| pick(&disease_index(r), r.diseases.len(), &line), Ok);
                // 癫痫 found 重庆's 癫痫所致精神障碍 by a part of its name.
                let other = |i: usize| {
                    from_offered
                        .is_none()
                        .then(|| crate::policy::cover::another_disease(&r.diseases[i], &line))
                        .flatten()
                };
                let covered = match &picked {
                    Ok(i) => other(*i).and_then(|c| cover(Some(c))),
                    Err(Miss::NotFound(_)) => cover(None),
                    Err(_) => None,
                };
                match (picked, covered) {
                    (_, Some(Ok((i, typed)))) => {
                        d.disease = Some(i);
                        d.typed = Some(typed);
                        advance(&mut step)
                    }
                    (_, Some(Err(concept))) => {
                        let text = tf(
                            "cli.disease_not_listed",
                            &[
                                ("input", &line.as_str()),
                                ("concept", &concept.name.as_str()),
                                ("region", &r.name.as_str()),
                            ],
                        );
                        writeln!(out, "{text}")?;
                        false
                    }
                    (Ok(i), None) => {
                        d.disease = Some(i);
                        d.typed = None;
                        advance(&mut step)
                    }
                    (Err(amb), None) => {
                        bad_choice(out, amb, &options, &mut suggested)?;
                        false
                    }
                }
            }
            Question::End => {
                let parsed = if line.is_empty() {
                    d.end
                        .map(|date| EndDate {
                            date,
                            guessed: None,
                        })
                        .ok_or(crate::dates::DateError::Empty)
                } else {
                    read_end_date(&line, today)
                };
                match parsed {
                    // Decades away is most likely a wrong year: asked once more.
                    Ok(e)
                        if let Some(years) = far_from_today(e.date, today)
                            && far_pending != Some(e.date) =>
                    {
                        writeln!(
                            out,
                            "{}",
                            tf("date.far", &[("date", &e.date), ("n", &years)])
                        )?;
                        writeln!(out, "{}", t("prompt.far_confirm"))?;
                        far_pending = Some(e.date);
                        false
                    }
                    Ok(EndDate { date, guessed }) => {
                        let days = (date - today).num_days();
                        let rel = match days {
                            0 => t("prompt.rel.today").to_string(),
                            n if n > 0 => tf("prompt.rel.future", &[("n", &n)]),
                            n => tf("prompt.rel.past", &[("n", &-n)]),
                        };
                        writeln!(
                            out,
                            "{}",
                            tf(
                                "prompt.understood",
                                &[
                                    ("date", &date),
                                    ("weekday", &weekday(date, crate::i18n::Words::current())),
                                    ("rel", &rel)
                                ]
                            )
                        )?;
                        if let Some(note) = crate::dates::words::year_note(
                            &EndDate { date, guessed },
                            crate::i18n::Words::current(),
                        ) {
                            writeln!(out, "{note}")?;
                        }
                        d.end = Some(date);
                        advance(&mut step)
                    }
                    Err(e) => {
                        writeln!(
                            out,
                            "{}",
                            crate::dates::words::error_message(&e, crate::i18n::Words::current())
                        )?;
                        false
                    }
                }
            }
        };
        offered = suggested;
        // Say what was understood, as for the date: a name typed may have
        // matched something else than meant.
        if (done || step != asked)
            && let Some(v) = chosen(policy, &d, asked)
        {
            writeln!(out, "{}", tf("prompt.chosen", &[("v", &v)]))?;
        }
        if done {
            break;
        }
    }
    finish(policy, today, &d, out, store)
}

/// The options listed for a question (none for the date).
fn options(
    step: Question,
    policy: &PolicySet,
    choices: &[crate::policy::Choice],
    region: Option<&crate::policy::Region>,
) -> Vec<String> {
    match step {
        Question::Region => choices
            .iter()
            .map(|c| crate::wizard::region_option(policy, c))
            .collect(),
        Question::Scheme => Scheme::ALL
            .iter()
            .map(|s| crate::plan::render::scheme_label(*s, crate::i18n::Words::current()))
            .collect(),
        Question::Disease => region
            .map(|r| {
                r.diseases
                    .iter()
                    .map(|x| crate::i18n::name(&x.name, x.name_en.as_deref()))
                    .collect()
            })
            .unwrap_or_default(),
        Question::Retired | Question::Cross => {
            vec![t("prompt.yes").to_string(), t("prompt.no").to_string()]
        }
        Question::End => vec![],
    }
}

/// The question itself.
fn question_words(step: Question, today: NaiveDate) -> String {
    match step {
        Question::Region => t("prompt.region").to_string(),
        Question::Scheme => t("prompt.scheme").to_string(),
        Question::Retired => t("prompt.retired").to_string(),
        Question::Disease => t("prompt.disease").to_string(),
        Question::End => {
            crate::dates::words::with_example("prompt.end", today, crate::i18n::Words::current())
        }
        Question::Cross => t("prompt.cross").to_string(),
    }
}

/// What Enter keeps: the answer given before, or "no" for a yes/no.
fn default_answer(
    step: Question,
    policy: &PolicySet,
    d: &Draft,
    region: Option<&crate::policy::Region>,
) -> Option<String> {
    match step {
        Question::Retired | Question::Cross => Some(
            if d.yes_no(step).unwrap_or(false) {
                t("prompt.yes")
            } else {
                t("prompt.no")
            }
            .to_string(),
        ),
        Question::Region => chosen(policy, d, Question::Region),
        Question::Scheme => d
            .scheme
            .map(|s| crate::plan::render::scheme_label(s, crate::i18n::Words::current())),
        Question::Disease => d
            .disease
            .and_then(|i| region.map(|r| r.diseases[i].name.clone())),
        Question::End => d.end.map(|e| e.to_string()),
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
) -> Result<Outcome> {
    let (Some(answers), Some(region), Some(di)) = (d.answers(policy), d.region(policy), d.disease)
    else {
        return Ok(Outcome::InputEnded);
    };
    let mut plan = plan::compute(policy, &answers, today)?;
    plan.disease.typed = d.typed.clone();
    writeln!(out)?;
    write!(
        out,
        "{}",
        crate::document::plan_text_linear(&plan, crate::i18n::Words::current())
    )?;
    // The checklist: saved where a store was given (not at a kiosk).
    let label = region.diseases[di].name.clone();
    match store {
        Some((store, now)) => {
            let c = Checklist::new(store.new_id(), &label, &answers, &plan, now);
            let path = store.create(&c)?;
            writeln!(out)?;
            writeln!(out, "{}", t("prompt.checklist"))?;
            // In the words the plan was said with: 待办：, not ☐.
            for l in
                crate::document::sheet::item_lines_plain(&c, today, crate::i18n::Words::current())
            {
                writeln!(out, "{l}")?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                c.saved_message(&path, crate::i18n::Words::current())
            )?;
        }
        None => {
            writeln!(out)?;
            writeln!(out, "{}", t("prompt.not_saved"))?;
        }
    }
    Ok(Outcome::Planned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with(input: &str) -> (bool, String) {
        let (outcome, out) = outcome_of(input);
        (outcome == Outcome::Planned, out)
    }

    fn outcome_of(input: &str) -> (Outcome, String) {
        let policy = crate::policy::fixture::policy();
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let mut out = Vec::new();
        let outcome = run(&policy, today, &mut input.as_bytes(), &mut out, None).unwrap();
        (outcome, String::from_utf8(out).unwrap())
    }

    /// Issue 26 (one way of saying each thing), on the shipped data with a
    /// store: suggestions are numbered and the whole list is not said
    /// again; no 注意：注意：; the saved checklist says 待办：, not ☐ or ►.
    #[test]
    fn plain_mode_says_each_thing_one_way() {
        let policy = PolicySet::embedded().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path()).unwrap();
        let now = chrono::Utc::now();
        let run_in = |input: &str| {
            let mut out = Vec::new();
            let outcome = run(
                &policy,
                today,
                &mut input.as_bytes(),
                &mut out,
                Some((&store, now)),
            )
            .unwrap();
            (outcome, String::from_utf8(out).unwrap())
        };
        let (_, out) = run_in("changs\n1\n");
        assert!(out.contains("  1. 湖南省长沙市"), "{out}");
        assert!(out.contains("已选：湖南省长沙市"), "{out}");
        assert_eq!(
            out.matches("安徽省芜湖市").count(),
            1,
            "the list once:\n{out}"
        );
        let (outcome, out) = run_in("qingdao\n1\n乙肝\n2027-02-28\n2\n");
        assert_eq!(outcome, Outcome::Planned, "{out}");
        assert!(!out.contains("注意：注意："), "{out}");
        for mark in ["►", "☐", "☎", "☑"] {
            assert!(!out.contains(mark), "{mark} in plain mode:\n{out}");
        }
        let saved = out.split(t("prompt.checklist")).nth(1).unwrap_or("");
        assert!(saved.contains("待办：1."), "{saved}");
    }

    /// Issue 14 (Modes): `q` says the person quit, not that input ran out.
    #[test]
    fn q_says_it_quit_and_the_end_of_input_says_that() {
        let (outcome, out) = outcome_of("甲市\nq\n");
        assert_eq!(outcome, Outcome::Quit);
        assert!(out.contains("已退出（您输入了 q）"), "{out}");
        assert!(!out.contains("输入结束"), "{out}");
        let (outcome, out) = outcome_of("甲市\n");
        assert_eq!(outcome, Outcome::InputEnded);
        assert!(out.contains("输入结束"), "{out}");
    }

    /// Issue 14 (Choosing and typing): the same date reader as the wizard:
    /// month and day alone say which year; a date decades away is asked again.
    #[test]
    fn plain_dates_say_the_year_chosen_and_far_dates_are_asked_again() {
        let (done, out) = run_with("甲市\n1\ntnb\n3/31\n\n");
        assert!(done, "{out}");
        assert!(out.contains("理解为：2026-03-31"), "{out}");
        assert!(out.contains("没写年份，按今年（2026 年）算"), "{out}");
        let (done, out) = run_with("甲市\n1\ntnb\n1/10\n\n");
        assert!(done, "{out}");
        assert!(out.contains("理解为：2027-01-10"), "{out}");
        assert!(out.contains("按 2027 年算"), "{out}");
        // 2062 for 2026: warned, asked again; the right date is taken.
        let (done, out) = run_with("甲市\n1\ntnb\n2062-03-31\n2026-03-31\n\n");
        assert!(done, "{out}");
        assert!(out.contains("2062-03-31 离今天约 36 年"), "{out}");
        assert!(
            out.contains("有效期至 2026年3月31日") || out.contains("2026-03-31"),
            "{out}"
        );
        assert!(!out.contains("理解为：2062"), "{out}");
        // Typed again, it is taken.
        let (done, out) = run_with("甲市\n1\ntnb\n2062-03-31\n2062-03-31\n\n");
        assert!(done, "{out}");
        assert!(out.contains("理解为：2062-03-31"), "{out}");
    }

    /// Issue 14 (Modes): plain mode is for screen readers: words, not
    /// ► ☐ ☎, and a Chinese sentence is never hard-wrapped mid-phrase.
    #[test]
    fn plain_plan_uses_words_for_marks_and_does_not_hard_wrap() {
        let (done, out) = run_with("甲市\n1\ntnb\n2026-03-31\n\n");
        assert!(done, "{out}");
        for mark in ["►", "☐", "☎", "☑"] {
            assert!(!out.contains(mark), "{mark} in plain mode:\n{out}");
        }
        assert!(out.contains("待办：1. 身份证原件及复印件"), "{out}");
        let record = "近一年的门诊病历和检查报告";
        assert!(out.lines().any(|l| l.ends_with(record)), "{out}");
    }

    #[test]
    fn numbers_names_and_defaults() {
        // 甲市 by its number in the list, wherever other fixtures put it.
        let jia = 1 + crate::policy::fixture::policy()
            .regions
            .iter()
            .position(|r| r.id == "fx-exact")
            .unwrap();
        let (done, out) = run_with(&format!("{jia}\n城乡居民\n2\n2026/3/31\n\n"));
        assert!(done);
        assert!(out.contains("续期计划 · 示例省甲市"));
        assert!(out.contains("医保：城乡居民医保"));
        assert!(out.contains("病种：糖尿病"));
        assert!(!out.contains("跨省异地就医】"), "default is no");
    }

    #[test]
    fn back_keeps_answers_and_offers_them_as_defaults() {
        // Region, scheme, then back twice to the region, Enter keeps 甲市.
        let (done, out) = run_with("甲市\n1\n<\n<\n\n\ngxy\n2026-03-31\n1\n");
        assert!(done, "{out}");
        assert!(out.contains("（默认 示例省甲市）"));
        assert!(out.contains("（默认 职工医保）"));
        assert!(out.contains("病种：高血压"));
        assert!(out.contains("跨省异地就医"));
    }

    #[test]
    fn bad_answers_are_explained_and_asked_again() {
        let regions = crate::policy::fixture::policy().regions.len();
        let (done, out) =
            run_with("99\n示例\n甲市\n1\nflu\ntnb\n2026-02-30\n2026-03-31\nmaybe\n2\n");
        assert!(done, "{out}");
        assert!(out.contains(&format!("没有这个选项：请输入 1 到 {regions} 的编号")));
        assert!(out.contains("有几个都对得上"));
        assert!(out.contains("2026年2月没有 30 日"));
        assert!(out.contains("没有这个选项：请输入 1 到 2 的编号"));
    }

    /// Issue 20: a disease the region's list does not name takes the
    /// entry that covers it (甲市's 其他病种), and the plan names it.
    #[test]
    fn a_disease_not_on_the_list_takes_the_open_entry_and_is_named() {
        let (done, out) = run_with("甲市\n1\n帕金森\n2026-03-31\n2\n");
        assert!(done, "{out}");
        assert!(out.contains("您的病“帕金森”不在本程序掌握的"), "{out}");
    }

    /// Issue 14: the welcome says how many questions; retired and
    /// cross-province both default to 否; a count that grows says why.
    #[test]
    fn the_count_of_questions_is_said_and_explained_when_it_grows() {
        let (done, out) = run_with("乙市\n1\n\ngxy\n2026-03-31\n\n");
        assert!(done, "{out}");
        assert!(out.contains("回答 5 个问题"), "{out}");
        assert!(
            out.contains("多问一个问题：是否已退休。现在共 6 步。"),
            "{out}"
        );
        assert!(
            out.contains(
                "是否已退休？（影响报销比例示例）（默认 否）\n  1. 是\n  2. 否\n> 已选：否"
            ),
            "Enter takes 否: {out}"
        );
        assert!(
            out.contains("在外省居住或看病？（默认 否）\n  1. 是\n  2. 否\n> 已选：否"),
            "{out}"
        );
    }

    /// Issue 12: any province or city is typed by name; the plan names the
    /// person's place. Issue 14: a place not found lists the nearest and
    /// the number of the generic entry (it said only "not a choice").
    #[test]
    fn any_place_is_typed_and_an_unknown_one_offers_the_way_on() {
        let (done, out) = run_with("石家庄\n1\ngxy\n2026-03-31\n\n");
        assert!(done, "{out}");
        assert!(out.contains("其他省、市请直接输入名称或拼音"), "{out}");
        assert!(out.contains("已选：河北省石家庄市"), "{out}");
        assert!(
            out.contains("河北省石家庄市 · 本程序还没有当地的续期资料：以下是通用做法"),
            "{out}"
        );
        // The generic entry is the last of the numbered suggestions
        // (issue 26: the suggestions are numbered, the next number picks).
        let (_, shown) = run_with("atlantis\n");
        let near = shown
            .lines()
            .filter(|l| l.starts_with("  ") && l.contains(". ") && l.contains("通用做法"))
            .count();
        let generic = near + 1;
        let (done, out) = run_with(&format!("atlantis\n{generic}\n1\ngxy\n2026-03-31\n\n"));
        assert!(done, "{out}");
        assert!(out.contains("没有找到“atlantis”。最接近的地方："), "{out}");
        assert!(
            out.contains(&format!(
                "不在这里的地方：输入 {generic} 选“其他地区（通用）”"
            )),
            "{out}"
        );
        assert!(out.contains("已选：其他地区（通用）"), "{out}");
    }

    #[test]
    fn retired_is_asked_only_where_it_changes_something() {
        let (_, out) = run_with("乙市\n1\n1\ngxy\n2026-03-31\n\n");
        assert!(out.contains("是否已退休"));
        assert!(out.contains("第 1 步，共 6 步") || out.contains("共 6 步"));
        assert!(out.contains("退休报销 75%"));
        let (_, out) = run_with("甲市\n1\ntnb\n2026-03-31\n\n");
        assert!(!out.contains("是否已退休？"));
    }

    #[test]
    fn changing_the_region_clears_a_disease_from_another_list() {
        let (done, out) = run_with("甲市\n1\n4\n<\n<\n<\n丙市\n\nzzz\n白血病\n2026-03-31\n\n");
        assert!(done, "{out}");
        assert!(out.contains("病种：白血病"));
        let with_default = "如 tnb）（默认";
        assert_eq!(
            out.matches(with_default).count(),
            1,
            "only before the region changed: {out}"
        );
    }

    #[test]
    fn the_retired_answer_survives_a_region_change() {
        // 是 for 乙市, over to 甲市 and back: asked again with 是 kept.
        let (done, out) =
            run_with("乙市\n1\n1\n<\n<\n<\n甲市\n\n<\n<\n乙市\n\n\ngxy\n2026-03-31\n\n");
        assert!(done, "{out}");
        // Once on the way back, once after the region changed.
        assert_eq!(
            out.matches("是否已退休？（影响报销比例示例）（默认 是）")
                .count(),
            2,
            "{out}"
        );
        assert!(out.contains("退休报销 75%"), "{out}");
    }

    #[test]
    fn quitting_or_running_out_of_input_saves_nothing() {
        assert!(!run_with("甲市\nq\n").0);
        assert!(!run_with("").0);
    }
}
