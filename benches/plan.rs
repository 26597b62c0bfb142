//! Data load, index and plan computation. Targets (README): data load and
//! index under 20 ms, also at 333 regions x 60 diseases; one plan under 50 µs.

#[path = "synthetic.rs"]
mod synthetic;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use renewal_assistant::plan::{self, Answers};
use renewal_assistant::policy::index::{disease_index, region_index};
use renewal_assistant::policy::{PolicySet, Scheme};

fn index_all(policy: &PolicySet) {
    black_box(region_index(policy));
    for r in &policy.regions {
        black_box(disease_index(r));
    }
}

fn benches(c: &mut Criterion) {
    c.bench_function("load embedded data", |b| {
        b.iter(|| black_box(PolicySet::embedded().unwrap()))
    });
    c.bench_function("load embedded data + build every search index", |b| {
        b.iter(|| {
            let p = PolicySet::embedded().unwrap();
            index_all(&p);
            black_box(p)
        })
    });
    let (national, files) = synthetic::files();
    // What a start at national scale does: load and check every file, index
    // the regions, and index the diseases of the region the person picks
    // (the wizard builds a region's disease index when it is chosen). The
    // data is not freed inside the timing: the program keeps it until it
    // exits, and exits without freeing it.
    c.bench_function("load + validate + index 333 regions x 60 diseases", |b| {
        b.iter_with_large_drop(|| {
            let p = PolicySet::from_files(
                ("national.json", &national),
                files.iter().map(|(f, t)| (f.as_str(), t.as_str())),
            )
            .unwrap();
            black_box(region_index(&p));
            black_box(disease_index(&p.regions[100]));
            black_box(p)
        })
    });
    let synthetic = synthetic::policy();
    c.bench_function(
        "index all 20 040 synthetic diseases (for comparison)",
        |b| {
            b.iter(|| {
                for r in &synthetic.regions {
                    black_box(disease_index(r));
                }
            })
        },
    );

    let policy = PolicySet::embedded().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let answers = Answers {
        region: "shandong-qingdao".into(),
        scheme: Scheme::Resident,
        disease: "uremia-dialysis".into(),
        validity_end: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        cross_province: true,
        retired: false,
    };
    c.bench_function("one plan (青岛, 5 channels, cross-province)", |b| {
        b.iter(|| black_box(plan::compute(&policy, black_box(&answers), today).unwrap()))
    });
    // Past the built-in holiday notices: the estimate (statutory days from
    // the lunar calendar, computed once per year and kept in the calendar).
    let later = Answers {
        validity_end: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        ..answers.clone()
    };
    let today_2027 = NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
    c.bench_function("one plan over 春节 2027 (estimated calendar)", |b| {
        b.iter(|| black_box(plan::compute(&policy, black_box(&later), today_2027).unwrap()))
    });
    let idx = disease_index(policy.region("shandong-qingdao").unwrap());
    c.bench_function("resolve a pinyin query among 57 diseases", |b| {
        b.iter(|| black_box(idx.resolve(black_box("ndz"))))
    });

    // Every place in China (issue 12): the region question searches ~480
    // places. Building the index happens once when the question opens;
    // each keystroke filters the whole list again.
    c.bench_function("build the place index (every place)", |b| {
        b.iter(|| black_box(region_index(black_box(&policy))))
    });
    let places = region_index(&policy);
    let typed = [
        "s",
        "sj",
        "sjz",
        "石",
        "石家",
        "石家庄",
        "长沙",
        "chang",
        "taizhou",
    ];
    c.bench_function("9 queries over every place (one keystroke each)", |b| {
        b.iter(|| {
            for q in typed {
                black_box(places.filter(black_box(q)));
            }
        })
    });
    c.bench_function("resolve a place by pinyin among every place (sjz)", |b| {
        b.iter(|| black_box(places.resolve(black_box("sjz"))))
    });
    c.bench_function(
        "a plan for a place without data (石家庄 → generic)",
        |b| {
            let sjz = Answers {
                region: "130100".into(),
                disease: "diabetes".into(),
                ..answers.clone()
            };
            b.iter(|| black_box(plan::compute(&policy, black_box(&sjz), today).unwrap()))
        },
    );
}

/// Province defaults that cities refine (issue 12 §2): loading a province's
/// file and a city's that inherits from it, and a plan for that city.
fn inheritance(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
    let national = read("policy/national.json");
    let files = [
        ("generic.json", read("policy/regions/generic.json")),
        ("fx-prov.json", read("inherit/regions/fx-prov.json")),
        (
            "fx-prov-city.json",
            read("inherit/regions/fx-prov-city.json"),
        ),
    ];
    let load = || {
        PolicySet::from_files(
            ("national.json", &national),
            files.iter().map(|(f, t)| (*f, t.as_str())),
        )
        .unwrap()
    };
    c.bench_function("load + validate a province file and its city's", |b| {
        b.iter(|| black_box(load()))
    });
    let policy = load();
    let answers = Answers {
        region: "fx-prov-city".into(),
        scheme: Scheme::Employee,
        disease: "hypertension".into(),
        validity_end: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        cross_province: false,
        retired: false,
    };
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    c.bench_function("one plan for a city that inherits from its province", |b| {
        b.iter(|| black_box(plan::compute(&policy, black_box(&answers), today).unwrap()))
    });
}

/// Layout is linear in an unbreakable run (issue 23): a plan whose channel
/// `where` is 1 MiB of `a` (the pack file limit), as text at width 80.
/// Bound: `renewal_assistant::document::LAYOUT_1MIB_LIMIT` (10 s) in a test
/// build, asserted by `document::tests`; the README states the release
/// figure. Quadratic before: over 60 s at 1M characters.
fn huge_field(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/policy");
    let policy = PolicySet::from_dir(std::path::Path::new(dir)).unwrap();
    let answers = Answers {
        region: "fx-exact".into(),
        scheme: Scheme::Employee,
        disease: "diabetes".into(),
        validity_end: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        cross_province: true,
        retired: false,
    };
    let today = NaiveDate::from_ymd_opt(2026, 5, 6).unwrap();
    let mut plan = plan::compute(&policy, &answers, today).unwrap();
    plan.channels[0].location = "a".repeat(1 << 20);
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    group.bench_function(
        "lay out a plan with a 1 MiB unbreakable field (width 80)",
        |b| {
            b.iter(|| {
                black_box(renewal_assistant::document::plan_text(
                    black_box(&plan),
                    80,
                    renewal_assistant::i18n::Words::new(renewal_assistant::i18n::Lang::ZhHans),
                ))
            })
        },
    );
    group.finish();
}

criterion_group!(plan_benches, benches, inheritance, huge_field);
criterion_main!(plan_benches);
