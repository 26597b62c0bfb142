//! Data load and plan computation. Targets (README): loading and validating
//! the embedded data under 20 ms; one plan under 50 µs.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use renewal_assistant::plan::{self, Answers};
use renewal_assistant::policy::{PolicySet, Scheme};
use renewal_assistant::search::{disease_index, region_index};

fn benches(c: &mut Criterion) {
    c.bench_function("load embedded policy data", |b| {
        b.iter(|| black_box(PolicySet::embedded().unwrap()))
    });

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

    c.bench_function("build search indexes (all regions and diseases)", |b| {
        b.iter(|| {
            black_box(region_index(&policy));
            for r in &policy.regions {
                black_box(disease_index(r));
            }
        })
    });
    let idx = disease_index(policy.region("shandong-qingdao").unwrap());
    c.bench_function("resolve a pinyin query among 57 diseases", |b| {
        b.iter(|| black_box(idx.resolve(black_box("ndz"))))
    });
}

criterion_group!(plan_benches, benches);
criterion_main!(plan_benches);
