//! Many saved checklists (a clinic keeps hundreds): opening the saved list,
//! computing the agenda, building the filter keys and one filter keystroke,
//! at 50, 500 and 5,000 checklists; and the same in the wizard (its home
//! list opened and drawn, a keystroke through `update`). Targets (README):
//! opening the list of 5,000 ≤ 100 ms; a filter keystroke ≤ 5 ms;
//! `renew agenda` ≤ 1 s.

use std::hint::black_box;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use renewal_assistant::checklist::Checklist;
use renewal_assistant::checklist::agenda::{self, FilterKeys};
use renewal_assistant::checklist::store::Store;
use renewal_assistant::i18n::{Lang, Words};
use renewal_assistant::plan::{self, Answers};
use renewal_assistant::policy::{PolicySet, Scheme};
use renewal_assistant::tui::app::{App, Msg, update};
use renewal_assistant::tui::theme::Theme;

/// The words the wizard speaks here: Simplified Chinese.
const ZH: Words = Words::new(Lang::ZhHans);

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The home list drawn once at 80x24, as the shell shows it.
fn draw(app: &App) {
    let theme = Theme {
        color: true,
        ascii: false,
        high_contrast: false,
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| renewal_assistant::tui::view::draw(f, app, &theme))
        .unwrap();
}

const SIZES: [usize; 3] = [50, 500, 5_000];
const LABELS: [&str; 8] = [
    "妈妈",
    "爸爸",
    "奶奶",
    "爷爷",
    "外婆",
    "外公",
    "张阿姨",
    "李叔",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

/// A data dir with `n` checklists over the seed regions and their
/// diseases, end dates spread over two years, written as the store writes
/// them (files straight to disk: 5,000 synced saves would only slow setup).
fn folder(policy: &PolicySet, n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let pairs: Vec<(&str, &str)> = policy
        .regions
        .iter()
        .flat_map(|r| {
            r.diseases
                .iter()
                .map(move |d| (r.id.as_str(), d.id.as_str()))
        })
        .collect();
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap();
    for i in 0..n {
        let (region, disease) = pairs[i % pairs.len()];
        let answers = Answers {
            region: region.into(),
            scheme: if i % 2 == 0 {
                Scheme::Employee
            } else {
                Scheme::Resident
            },
            disease: disease.into(),
            validity_end: today() + chrono::Days::new((i % 730) as u64),
            cross_province: i % 7 == 0,
            retired: false,
        };
        let p = plan::compute(policy, &answers, today()).unwrap();
        let label = format!("{}{}", LABELS[i % LABELS.len()], i / LABELS.len());
        let c = Checklist::new(format!("c{i:07}"), &label, &answers, &p, now);
        let path = store.path_of(&c.id).unwrap();
        std::fs::write(path, serde_json::to_vec_pretty(&c).unwrap()).unwrap();
    }
    dir
}

fn agenda_of(policy: &PolicySet, lists: &[Checklist]) -> usize {
    let entries = agenda::agenda(
        lists.iter().map(|c| {
            let p = plan::compute(policy, &c.answers, today()).ok();
            (c, agenda::next_action(c, p.as_ref(), today(), policy))
        }),
        today(),
        7,
    );
    entries.len()
}

fn benches(c: &mut Criterion) {
    let policy = PolicySet::embedded().unwrap();
    let now = Utc::now();
    let mut group = c.benchmark_group("checklists");
    group.sample_size(10);
    for n in SIZES {
        let dir = folder(&policy, n);
        let store = Store::open(dir.path()).unwrap();
        let (lists, problems) = store.list(now).unwrap();
        assert_eq!((lists.len(), problems.len()), (n, 0));
        group.bench_with_input(BenchmarkId::new("open the saved list", n), &n, |b, _| {
            b.iter(|| black_box(store.list(now).unwrap()))
        });
        group.bench_with_input(
            BenchmarkId::new("agenda (plans + next actions)", n),
            &n,
            |b, _| b.iter(|| black_box(agenda_of(&policy, &lists))),
        );
        group.bench_with_input(
            BenchmarkId::new("renew agenda (open + agenda)", n),
            &n,
            |b, _| {
                b.iter(|| {
                    let (lists, _) = store.list(now).unwrap();
                    black_box(agenda_of(&policy, &lists))
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("sort by next action", n), &n, |b, _| {
            b.iter(|| {
                let mut keyed: Vec<_> = lists
                    .iter()
                    .map(|c| {
                        let a = agenda::next_action(c, None, today(), &policy);
                        (agenda::sort_key(a.as_ref()), c)
                    })
                    .collect();
                keyed.sort_by_key(|(k, c)| (*k, &c.label));
                black_box(keyed.len())
            })
        });
        group.bench_with_input(
            BenchmarkId::new("filter keys (built on the first keystroke)", n),
            &n,
            |b, _| b.iter(|| black_box(agenda::filter_keys(&lists, &policy))),
        );
        let keys: Vec<FilterKeys> = lists.iter().map(|c| FilterKeys::new(c, &policy)).collect();
        group.bench_with_input(BenchmarkId::new("filter keystroke", n), &n, |b, _| {
            // Typing "mm" then a Chinese name: two keystrokes each time.
            b.iter(|| {
                black_box(agenda::filter(&keys, "m"));
                black_box(agenda::filter(&keys, "高血"))
            })
        });
        // The wizard: the list read, sorted by next action and drawn (what
        // a person waits for on start), then keystrokes through `update`.
        group.bench_with_input(
            BenchmarkId::new("wizard: open the saved list (read + sort + draw)", n),
            &n,
            |b, _| {
                // The data is loaded before the list is read; its copy is not timed.
                b.iter_batched(
                    || policy.clone(),
                    |policy| {
                        let (app, _) = renewal_assistant::tui::start(
                            policy,
                            today(),
                            Some(dir.path()),
                            None,
                            now,
                            ZH,
                        );
                        draw(&app);
                        // Returned, so the 5,000 are freed outside the timing.
                        app
                    },
                    criterion::BatchSize::PerIteration,
                )
            },
        );
        let (mut app, _) =
            renewal_assistant::tui::start(policy.clone(), today(), Some(dir.path()), None, now, ZH);
        update(&mut app, Msg::Resize(80, 24));
        group.bench_with_input(
            BenchmarkId::new("wizard: first filter keystroke (builds the keys)", n),
            &n,
            |b, _| {
                b.iter_batched_ref(
                    || {
                        renewal_assistant::tui::start(
                            policy.clone(),
                            today(),
                            Some(dir.path()),
                            None,
                            now,
                            ZH,
                        )
                        .0
                    },
                    |app| {
                        key(app, KeyCode::Char('m'));
                        black_box(app.home_rows().len())
                    },
                    criterion::BatchSize::PerIteration,
                )
            },
        );
        key(&mut app, KeyCode::Char('m'));
        group.bench_with_input(
            BenchmarkId::new("wizard: one filter keystroke + frame (type + backspace)", n),
            &n,
            |b, _| {
                b.iter(|| {
                    key(&mut app, KeyCode::Char('m'));
                    draw(&app);
                    key(&mut app, KeyCode::Backspace);
                    draw(&app);
                    black_box(app.home_rows().len())
                })
            },
        );
    }
    group.finish();
}

criterion_group!(checklist_benches, benches);
criterion_main!(checklist_benches);
