//! One deadline in every output (issue 22): for the same plans, the plan
//! (JSON and headline), the saved checklist's apply line, the agenda and the
//! saved lists' next action, the wizard's saved list and result screen, the
//! calendar file and the QR text state the same day to apply by (or none),
//! the same estimate mark and the same end date. A test per output would let
//! one of them drift; this one holds them side by side.

use crate::i18n::Words;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{Checklist, agenda, apply_line};
use crate::document::{ics, qr};
use crate::plan::{self, Answers, Deadline, RenewalPlan};
use crate::policy::{PolicySet, Scheme};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(8, 0, 0).unwrap())
}

/// The wizard with one saved checklist at 120x40: the saved list, then the
/// checklist reopened (its window at a glance beside its items).
fn wizard_screens(policy: &PolicySet, c: &Checklist, today: NaiveDate) -> (String, String) {
    use crate::tui::app::{App, Msg, update};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let mut app = App::new(policy.clone(), today, vec![c.clone()], Vec::new(), words);
    update(&mut app, Msg::Resize(120, 40));
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let theme = crate::tui::theme::Theme {
            color: false,
            ascii: false,
            high_contrast: false,
        };
        terminal
            .draw(|f| crate::tui::view::draw(f, app, &theme))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..40 {
            for x in 0..120 {
                out.push_str(buffer[(x, y)].symbol());
            }
            out.push('\n');
        }
        // Wide characters leave a blank cell after them.
        out.replace(' ', "")
    };
    let list = draw(&app);
    // Row 0 is a new plan; the checklist is the next row.
    for code in [KeyCode::Down, KeyCode::Enter] {
        for _ in update(&mut app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))) {}
    }
    (list, draw(&app))
}

struct Case {
    what: &'static str,
    region: &'static str,
    disease: &'static str,
    end: &'static str,
    today: &'static str,
}

/// Every output's text and facts for one plan, checked against the plan's
/// own day to apply by, estimate mark and end date.
fn check(policy: &PolicySet, case: &Case, words: Words) -> RenewalPlan {
    let what = case.what;
    let today = d(case.today);
    let answers = Answers {
        region: case.region.into(),
        scheme: Scheme::Employee,
        disease: case.disease.into(),
        validity_end: d(case.end),
        cross_province: false,
        retired: false,
    };
    let plan = plan::compute(policy, &answers, today).unwrap();
    let c = Checklist::new("one-deadline".into(), "妈妈", &answers, &plan, at(today));
    let by = plan.apply_by.as_ref().map(|a| a.date);
    let estimated = plan.apply_by.as_ref().is_some_and(|a| a.estimated);
    let closes = plan.window.as_ref().map(|w| w.closes);
    let mark = words.t("plan.estimated_mark");
    // The day as text shows it, with its mark when it is an estimate.
    let shown = by.map(|b| format!("{b}{}", if estimated { mark } else { "" }));

    // The plan as JSON says it.
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(
        json["apply_by"]["date"].as_str().map(d),
        by,
        "{what}: plan JSON"
    );

    // The saved window, and the checklist's apply line from it.
    assert_eq!(c.window.apply_by, by, "{what}: saved window");
    assert_eq!(c.window.apply_by_estimated, estimated, "{what}: saved mark");
    let line = apply_line(&c.window, today, words);
    match &shown {
        Some(s) => assert!(line.contains(s.as_str()), "{what}: apply line {line}"),
        None => assert!(!line.contains(mark), "{what}: apply line {line}"),
    }

    // The agenda (`renew agenda`, the checklist list's next action) from
    // today's plan, and the saved lists' order from the saved window: the
    // same day, the same mark.
    let with_plan = agenda::next_action(&c, Some(&plan), today, policy);
    let saved = agenda::list_action(&c, today, policy);
    for (who, next) in [("agenda", with_plan), ("saved list", saved)] {
        match (plan.deadline, by) {
            (Deadline::NotNeeded, _) => assert_eq!(next, None, "{what}: {who}"),
            (Deadline::ApplyBy, Some(b)) => {
                let next = next.unwrap();
                assert_eq!(
                    (next.kind, next.date, next.estimated),
                    (agenda::ActionKind::ApplyBy, b, estimated),
                    "{what}: {who}"
                );
            }
            (Deadline::Unknown, None) => {
                let next = next.unwrap();
                assert_eq!(
                    (next.kind, Some(next.date)),
                    (agenda::ActionKind::WindowCloses, closes),
                    "{what}: {who} names the end, never as the day to apply by"
                );
            }
            other => panic!("{what}: a case this test does not hold: {other:?}"),
        }
    }

    let expected = Expected {
        what,
        by,
        estimated,
        closes,
        mark,
        shown: shown.as_deref(),
    };
    check_ics(&expected, &c, &plan, today, words);
    check_qr(&expected, &plan, words);

    // The wizard: the saved list counts the days the headline counts, and
    // the result screen shows the day (and its mark) and the end date.
    let (list, result) = wizard_screens(policy, &c, today);
    let headline = crate::plan::render::status_words(&plan, words);
    if let (Deadline::ApplyBy, Some(b)) = (plan.deadline, by) {
        let to_by = (b - today).num_days().to_string();
        let to_end = plan.days_left.unwrap().to_string();
        for text in [&headline, &list] {
            assert!(text.contains(&to_by), "{what}: {to_by} days in\n{text}");
            assert!(text.contains(&to_end), "{what}: {to_end} days in\n{text}");
        }
        let s = shown.clone().unwrap();
        assert!(result.contains(&s), "{what}: result screen\n{result}");
    }
    if let Some(end) = closes {
        assert!(
            result.contains(&end.to_string()),
            "{what}: result screen\n{result}"
        );
    }
    if by.is_none() {
        assert!(!result.contains(mark), "{what}: result screen\n{result}");
    }
    plan
}

/// What every output must say of one plan: the day to apply by, whether
/// it is an estimate (and the mark), the end date, and the day as text
/// shows it.
struct Expected<'a> {
    what: &'a str,
    by: Option<NaiveDate>,
    estimated: bool,
    closes: Option<NaiveDate>,
    mark: &'a str,
    shown: Option<&'a str>,
}

/// The calendar file: the apply-by event on the day, marked as the plan
/// marks it, and the end event on the end date; none at all when no
/// renewal is needed. With today's plan and from the saved window.
fn check_ics(e: &Expected, c: &Checklist, plan: &RenewalPlan, today: NaiveDate, words: Words) {
    let Expected {
        what,
        by,
        estimated,
        closes,
        mark,
        ..
    } = *e;
    for (who, p) in [("ics", Some(plan)), ("ics without the plan", None)] {
        let ics = ics::ics(c, p, None, today, words).replace("\r\n ", "");
        let dtstart = |key: &str| -> Option<NaiveDate> {
            let uid = format!("UID:one-deadline-{key}@renewal-assistant");
            let event = ics.split("BEGIN:VEVENT").find(|e| e.contains(&uid))?;
            let line = event
                .lines()
                .find(|l| l.starts_with("DTSTART;VALUE=DATE:"))?;
            NaiveDate::parse_from_str(&line["DTSTART;VALUE=DATE:".len()..], "%Y%m%d").ok()
        };
        assert_eq!(dtstart("apply-by"), by, "{what}: {who}");
        assert_eq!(dtstart("end"), closes, "{what}: {who}");
        if by.is_some() {
            let summary = ics
                .split("BEGIN:VEVENT")
                .find(|e| e.contains("apply-by@"))
                .and_then(|e| e.lines().find(|l| l.starts_with("SUMMARY:")))
                .unwrap();
            assert_eq!(summary.contains(mark), estimated, "{what}: {who} {summary}");
        }
    }
}

/// The QR text at every level: the day with its mark, and the end date.
fn check_qr(e: &Expected, plan: &RenewalPlan, words: Words) {
    let what = e.what;
    for level in 0..qr::QR_LEVELS {
        let qr = qr::qr_text(plan, level, words);
        match e.shown {
            Some(s) => assert!(qr.contains(s), "{what}: QR {level}: {qr}"),
            None => assert!(!qr.contains(e.mark), "{what}: QR {level}: {qr}"),
        }
        if let Some(end) = e.closes {
            assert!(qr.contains(&end.to_string()), "{what}: QR {level}: {qr}");
        }
    }
}

#[test]
fn every_output_states_the_same_deadline() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = PolicySet::embedded().unwrap();
    let cases = [
        Case {
            what: "海西",
            region: "qinghai-haixi",
            disease: "diabetes",
            end: "2026-03-31",
            today: "2026-01-15",
        },
        Case {
            what: "长沙, no day to apply by",
            region: "430100",
            disease: "diabetes",
            end: "2026-06-30",
            today: "2026-05-06",
        },
        Case {
            what: "防城港, an estimated day",
            region: "guangxi-fangchenggang",
            disease: "diabetes",
            end: "2027-10-15",
            today: "2027-08-01",
        },
        Case {
            what: "北京, no renewal",
            region: "beijing",
            disease: "any",
            end: "2099-12-31",
            today: "2026-05-06",
        },
    ];
    let plans: Vec<RenewalPlan> = cases.iter().map(|c| check(&policy, c, words)).collect();
    // The cases are what they say they are.
    let deadlines: Vec<(Deadline, bool)> = plans
        .iter()
        .map(|p| (p.deadline, p.apply_by.as_ref().is_some_and(|a| a.estimated)))
        .collect();
    assert_eq!(
        deadlines,
        [
            (Deadline::ApplyBy, false),
            (Deadline::Unknown, false),
            (Deadline::ApplyBy, true),
            (Deadline::NotNeeded, false),
        ]
    );
}
