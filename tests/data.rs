//! The shipped data: every file in `data/` is valid and embedded, and the
//! facts its sources give are in it, shown as they are. These are the tests a
//! maintainer's edit of `data/` may break, on purpose; the rules themselves
//! are tested on the fixture set (`tests/fixtures/policy/`), and the
//! validator in `tests/validate.rs`.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use common::load_files as load;
use renewal_assistant::i18n::{Lang, Words};
use renewal_assistant::plan::{Answers, DocumentOrigin, RenewalPlan, Warning, compute, render};
use renewal_assistant::policy::{ChannelKind, Confidence, PolicySet, Scheme};

/// The words the plans here are read in.
const ZH: Words = Words::new(Lang::ZhHans);

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn region_files() -> Vec<(String, String)> {
    common::region_files(&data_dir())
}

fn national() -> String {
    common::national_file(&data_dir())
}

#[test]
fn every_data_file_on_disk_is_valid() {
    let files = region_files();
    assert!(files.len() >= 5, "the five first regions are there");
    let set = load(&national(), &files).unwrap_or_else(|p| panic!("{p:#?}"));
    for id in [
        "qinghai-haixi",
        "shandong-qingdao",
        "guangxi-fangchenggang",
        "hubei-qianjiang",
        "generic",
    ] {
        assert!(set.region(id).is_some(), "{id}");
    }
}

#[test]
fn the_embedded_data_is_the_data_on_disk() {
    let embedded = PolicySet::embedded().unwrap();
    let disk = load(&national(), &region_files()).unwrap();
    assert_eq!(embedded.regions, disk.regions);
    assert_eq!(embedded.national, disk.national);
}

#[test]
fn the_seed_facts_are_in_the_data() {
    let set = PolicySet::embedded().unwrap();
    let haixi = set.region("qinghai-haixi").unwrap();
    assert_eq!(haixi.window_months.value, Some(3));
    assert_eq!(haixi.cycle_years.value, Some(vec![2, 5]));
    assert_eq!(haixi.materials_max_age.value.as_ref().unwrap().months, 12);
    let qd = set.region("shandong-qingdao").unwrap();
    assert_eq!(
        qd.window_months.value, None,
        "the 2020 guide gives no window"
    );
    assert_eq!(
        qd.diseases
            .iter()
            .filter(|d| d.id != "type1-diabetes")
            .count(),
        56
    );
    let fcg = set.region("guangxi-fangchenggang").unwrap();
    assert_eq!(fcg.continuity_during_review.value, Some(true));
    assert!(fcg.example_figures.as_ref().unwrap().note.contains("示例"));
    let qj = set.region("hubei-qianjiang").unwrap();
    assert_eq!(qj.window_months.value, Some(6));
    // The 12 with a re-review deadline, plus the open "other" entry.
    assert_eq!(qj.diseases.iter().filter(|d| !d.other).count(), 12);
    // 医保办发〔2024〕19号: 5 since 2021-09, 5 more by the end of 2024.
    assert_eq!(set.national.cross_province.direct_settlement.len(), 10);
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn plan(region: &str, disease: &str, end: &str, today: &str, cross: bool) -> RenewalPlan {
    let a = Answers {
        region: region.into(),
        scheme: Scheme::Employee,
        disease: disease.into(),
        validity_end: d(end),
        cross_province: cross,
        retired: false,
    };
    compute(&PolicySet::embedded().unwrap(), &a, d(today)).unwrap()
}

#[test]
fn every_shipped_region_and_disease_plans() {
    let set = PolicySet::embedded().unwrap();
    for r in &set.regions {
        for dis in &r.diseases {
            for scheme in Scheme::ALL {
                for cross in [false, true] {
                    let a = Answers {
                        region: r.id.clone(),
                        scheme,
                        disease: dis.id.clone(),
                        validity_end: d("2026-02-28"),
                        cross_province: cross,
                        retired: false,
                    };
                    let p = compute(&set, &a, d("2026-01-10")).unwrap();
                    assert!(!p.documents.is_empty(), "{} {}", r.id, dis.id);
                    assert!(!p.sources.is_empty());
                }
            }
        }
    }
}

/// Seed 000 (a third-party page, undated): 3 months, records of the past
/// 12 months, an instant office and a 1–5 working-day online review, a
/// cycle of 2 or 5 years "by disease and first recognition".
#[test]
fn haixi_says_what_seed_000_says() {
    let p = plan(
        "qinghai-haixi",
        "diabetes",
        "2026-03-31",
        "2026-01-15",
        false,
    );
    let w = p.window.as_ref().unwrap();
    assert_eq!((w.months, w.assumed), (Some(3), false));
    assert_eq!(p.materials.as_ref().map(|m| m.months), Some(12));
    assert_eq!(p.sources[0].confidence, Confidence::ThirdParty);
    assert_eq!(p.sources[0].published, None);
    let records = p
        .documents
        .iter()
        .find(|x| x.id == "medical-records")
        .unwrap();
    // Issue 11 §3: the HbA1c and kidney reports are the source's examples
    // inside the past-year records, not separate "recent" documents.
    assert!(
        records.name.contains("如糖化血红蛋白、肾功能指标"),
        "{}",
        records.name
    );
    assert!(
        !p.documents
            .iter()
            .any(|x| x.origin == DocumentOrigin::Disease)
    );
    assert!(!p.documents.iter().any(|x| x.name.contains("近期")));
    let offline = p
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Offline)
        .unwrap();
    assert!(offline.review.instant);
    let online = p
        .channels
        .iter()
        .find(|c| c.id == "qinghai-ybao-wechat")
        .unwrap();
    assert_eq!(
        (online.review.working_days_min, online.review.working_days),
        (Some(1), Some(5))
    );
    // Issue 11 §4.
    assert!(
        render::rules(&p, ZH)
            .join("\n")
            .contains("依据病种和初次认定结果而定")
    );
    // Issue 11 §3: nothing beyond seed 000 about dialysis.
    let p = plan(
        "qinghai-haixi",
        "chronic-renal-failure",
        "2026-03-31",
        "2026-01-15",
        true,
    );
    assert!(!renewal_assistant::document::plan_text(&p, 100, ZH).contains("尿毒症透析”直接结算"));
    assert!(p.disease.note.is_none(), "{:?}", p.disease.note);
    assert!(
        !p.notes.iter().any(|n| n.text.contains("透析")),
        "{:?}",
        p.notes
    );
}

/// Seed 003 (a third-party page, undated): 3 months, records of about 6
/// months, a usual 5 working days (expert review may add more) + 3 to
/// notify, benefits kept during review, refusal stops them.
/// Past the published calendar the estimate counts the customary breaks
/// (issue 22): 国庆 2027 runs to 10-07 in every notice's custom, so a
/// 5 + 3 working-day review ending by 2027-10-15 starts by 09-29; and the
/// warning names where the estimate starts (2027-01-01), not the window's
/// first estimated day.
#[test]
fn fangchenggang_2027_counts_the_national_day_break() {
    let p = plan(
        "guangxi-fangchenggang",
        "hypertension",
        "2027-10-15",
        "2026-12-04",
        false,
    );
    let by = p.apply_by.as_ref().expect("an apply-by day");
    assert!(by.estimated);
    assert!(by.date <= d("2027-09-29"), "apply by {}", by.date);
    let since = p.warnings.iter().find_map(|w| match w {
        Warning::CalendarEstimated { since, .. } => Some(*since),
        _ => None,
    });
    assert_eq!(since, Some(d("2027-01-01")));
}

/// 中山's window 2027-01-29..02-28 holds 春节 2027, whose notice is not out:
/// the plan says so even though it has no apply-by day.
#[test]
fn zhongshan_names_the_spring_festival_in_its_window() {
    let p = plan(
        "guangdong-zhongshan",
        "any",
        "2027-02-28",
        "2026-12-04",
        false,
    );
    let w = p.window.as_ref().unwrap();
    assert!(w.opens <= d("2027-02-05") && d("2027-02-12") <= w.closes);
    let holidays = p.warnings.iter().find_map(|w| match w {
        Warning::CalendarEstimated { holidays, .. } => Some(holidays.clone()),
        _ => None,
    });
    let holidays = holidays.expect("a calendar_estimated warning");
    assert!(
        holidays
            .iter()
            .any(|h| h.holiday == renewal_assistant::calendar::Holiday::SpringFestival),
        "{holidays:?}"
    );
}

#[test]
fn fangchenggang_says_what_seed_003_says() {
    let p = plan(
        "guangxi-fangchenggang",
        "hypertension",
        "2026-06-30",
        "2026-04-01",
        false,
    );
    let w = p.window.as_ref().unwrap();
    assert_eq!((w.months, w.assumed), (Some(3), false));
    let m = p.materials.as_ref().unwrap();
    assert_eq!((m.months, m.approximate), (6, true));
    for ch in &p.channels {
        assert_eq!(
            (
                ch.review.working_days,
                ch.review.notify_working_days,
                ch.review.typical
            ),
            (Some(5), Some(3), true),
            "{}",
            ch.id
        );
        assert!(ch.review.text.contains("专家复评"), "{}", ch.review.text);
    }
    assert_eq!(p.late.continuity_during_review.value, Some(true));
    assert!(
        p.late
            .continuity_during_review
            .note
            .as_deref()
            .unwrap()
            .contains("审核未通过者，自原有效期届满次日起停止待遇")
    );
    assert!(
        p.late
            .consequence
            .value
            .as_deref()
            .unwrap()
            .contains("重新认定")
    );
    let ex = p.example_figures.as_ref().unwrap();
    assert_eq!(ex.rows[0].ratio_retired_pct, Some(75));
    // Issue 11 §3: the 在职/退休 columns are employees'; a resident is told so.
    assert_eq!(ex.schemes, [Scheme::Employee]);
    let mut resident = p.clone();
    resident.scheme = Scheme::Resident;
    let text = renewal_assistant::document::plan_text(&resident, 200, ZH);
    assert!(text.contains("是职工医保的示例"), "{text}");
    assert!(text.contains("职工在职"), "{text}");
    assert_eq!(p.sources[0].confidence, Confidence::ThirdParty);
}

/// Seed 002 (the 2020 guide): no window, 7 working days with 白血病 decided
/// at once, the instant hospitals for first applications only, 乙肝 丙肝 精神病 filed
/// at hospitals, 平度's number per scheme.
#[test]
fn qingdao_says_what_seed_002_says() {
    let set = PolicySet::embedded().unwrap();
    let qd = set.region("shandong-qingdao").unwrap();
    assert_eq!(qd.window_months.value, None);
    let office = qd
        .channels
        .iter()
        .find(|c| c.id == "social-insurance-office")
        .unwrap();
    assert_eq!(office.review.working_days, Some(7));
    assert!(office.review.instant_for.iter().any(|x| x == "leukemia"));
    assert!(
        office
            .contacts
            .iter()
            // The seed's 85756036, with 青岛's area code so it can be dialled.
            .any(|c| c.phone.as_deref() == Some("0532-85756036"))
    );
    let instant = qd
        .channels
        .iter()
        .find(|c| c.id == "instant-hospital")
        .unwrap();
    assert!(instant.first_application_only);
    let proxy = qd
        .channels
        .iter()
        .find(|c| c.id == "hospital-proxy")
        .unwrap();
    assert_eq!(proxy.review.working_days, None);
    for id in [
        "psychosis",
        "chronic-hepatitis-b-cirrhosis",
        "chronic-hepatitis-c",
    ] {
        assert_eq!(
            qd.disease(id).unwrap().channels.as_deref(),
            Some(&["hospital-proxy".to_string()][..]),
            "{id}"
        );
    }
    let pingdu = qd.channels.iter().find(|c| c.id == "pingdu-app").unwrap();
    let phone = |scheme| {
        pingdu
            .contacts
            .iter()
            .find(|c| c.scheme == Some(scheme))
            .and_then(|c| c.phone.clone())
    };
    assert_eq!(phone(Scheme::Employee).as_deref(), Some("0532-88369195"));
    assert_eq!(phone(Scheme::Resident).as_deref(), Some("0532-87369580"));
    assert!(
        qd.newest_source_date().unwrap() < d("2021-01-01"),
        "the guide is from 2020"
    );
}

/// 潜江市医疗保障局 (2025-06-25, official): 6 months before the re-review
/// deadline for 12 diseases, benefits kept during review, nothing said for
/// other diseases.
#[test]
fn qianjiang_says_what_its_notice_says() {
    let p = plan(
        "hubei-qianjiang",
        "diabetes",
        "2026-12-31",
        "2026-05-06",
        false,
    );
    let w = p.window.as_ref().unwrap();
    assert_eq!((w.months, w.assumed), (Some(6), false));
    assert_eq!(p.late.continuity_during_review.value, Some(true));
    assert!(
        renewal_assistant::document::plan_text(&p, 200, ZH)
            .contains("潜江市医疗保障局，官方发布，发布于 2025-06-25")
    );
    let p = plan(
        "hubei-qianjiang",
        "other",
        "2026-12-31",
        "2026-05-06",
        false,
    );
    let text = renewal_assistant::document::plan_text(&p, 200, ZH);
    assert!(text.contains("没有为其他病种规定复审期限"), "{text}");
    assert!(text.contains("请向潜江市医疗保障局咨询"), "{text}");
}

/// 医保办发〔2024〕19号: 10 diseases settle directly across provinces since the
/// end of 2024 (5 since 2021-09); the regions' diseases point at them.
#[test]
fn ten_diseases_settle_directly_across_provinces_since_the_end_of_2024() {
    let set = PolicySet::embedded().unwrap();
    let list = &set.national.cross_province.direct_settlement;
    assert_eq!(list.len(), 10);
    let joined = |since: &str| list.iter().filter(|d| d.since == since).count();
    assert_eq!((joined("2021-09"), joined("2024-12")), (5, 5));
    let taiyuan = set
        .national
        .sources
        .iter()
        .find(|s| s.id == "taiyuan-daily-2022")
        .unwrap();
    assert_eq!(taiyuan.confidence, Confidence::Med, "a newspaper");
    for (region, disease) in [
        ("hubei-qianjiang", "copd"),
        ("hubei-qianjiang", "viral-hepatitis"),
        ("shandong-qingdao", "rheumatoid-arthritis"),
        ("shandong-qingdao", "ankylosing-spondylitis"),
        ("shandong-qingdao", "chronic-hepatitis-c"),
        ("generic", "coronary-heart-disease"),
    ] {
        let p = plan(region, disease, "2027-06-30", "2026-11-23", true);
        let cp = p.cross_province_info.as_ref().unwrap();
        assert!(cp.direct_settlement, "{region} {disease}");
        assert_eq!(cp.direct_settlement_joined.as_deref(), Some("2024-12"));
        assert_eq!(
            cp.direct_settlement_since.source.as_deref(),
            Some("nhsa-2024-19")
        );
    }
    let p = plan(
        "hubei-qianjiang",
        "tuberculosis",
        "2027-06-30",
        "2026-11-23",
        true,
    );
    assert!(!p.cross_province_info.as_ref().unwrap().direct_settlement);
}

/// Issue 11 §3: 青岛's 乙肝、丙肝、精神病 are filed only at a qualified
/// hospital, whose review time seed 002 does not give: no apply-by day, and
/// the plan says why and whom to ask.
#[test]
fn qingdao_hospital_only_diseases_say_why_there_is_no_apply_by_day() {
    for id in [
        "psychosis",
        "chronic-hepatitis-b-cirrhosis",
        "chronic-hepatitis-c",
    ] {
        let p = plan("shandong-qingdao", id, "2027-03-31", "2027-01-20", false);
        assert!(p.apply_by.is_none(), "{id}");
        let line = render::apply_by_line(&p, ZH).expect("a sentence, not silence");
        assert!(
            line.contains("只能经“医疗机构代办（线下）”申请")
                && line.contains("没有给出这条途径的审核时限")
                && line.contains("请向您拟定点的医疗机构"),
            "{id}: {line}"
        );
    }
}

/// The whole text and Markdown plan of each shipped region, pinned: an edit
/// of `data/` shows here as a snapshot diff to review (`cargo insta review`).
#[test]
fn snapshots_of_each_shipped_region() {
    for (name, region, disease, end, extra) in [
        ("haixi", "qinghai-haixi", "diabetes", "2026-03-31", vec![]),
        (
            "qingdao",
            "shandong-qingdao",
            "uremia-dialysis",
            "2026-06-30",
            vec!["--cross-province"],
        ),
        (
            "fangchenggang",
            "guangxi-fangchenggang",
            "hypertension",
            "2026-06-30",
            vec!["--retired"],
        ),
        ("qianjiang", "hubei-qianjiang", "copd", "2026-08-31", vec![]),
        ("generic", "generic", "other", "2026-06-30", vec![]),
        // Issue 12: no renewal, a grace period (ended 04-20, today 05-06),
        // and renewal for 13 diseases only (one of them, and another).
        ("beijing", "beijing", "any", "2099-12-31", vec![]),
        (
            "zhongshan",
            "guangdong-zhongshan",
            "any",
            "2026-04-20",
            vec![],
        ),
        ("xian", "shaanxi-xian", "epilepsy", "2026-07-31", vec![]),
        ("xian_other", "shaanxi-xian", "other", "2026-07-31", vec![]),
        // A registration made before 2026-04-01, extended; 长沙 on 湖南's
        // province data with the online extension, and a disease without it.
        ("shanghai", "shanghai", "any", "2026-08-31", vec![]),
        ("changsha", "长沙", "diabetes", "2026-06-30", vec![]),
        ("changsha_other", "长沙", "other", "2026-06-30", vec![]),
        ("chongqing", "chongqing", "diabetes", "2026-06-30", vec![]),
        ("wuhu", "anhui-wuhu", "diabetes", "2026-06-30", vec![]),
    ] {
        for format in ["text", "markdown"] {
            let home = tempfile::tempdir().unwrap();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_renew"))
                .args([
                    "plan",
                    "--region",
                    region,
                    "--scheme",
                    "employee",
                    "--disease",
                    disease,
                    "--end",
                    end,
                ])
                .args(&extra)
                .args(["--today", "2026-05-06", "--format", format])
                .env_clear()
                .env("HOME", home.path())
                .env("RENEW_DATA_DIR", home.path())
                .env("LANG", "C.UTF-8")
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            assert!(out.status.success());
            insta::assert_snapshot!(
                format!("{name}_{format}"),
                String::from_utf8(out.stdout).unwrap()
            );
        }
    }
}

/// Issue 11 §3 (seed 002 二(二)1): 高血压/糖尿病 with complications bring the
/// inpatient documents, or — when not confirmed in hospital — the
/// outpatient ones: an either/or, never both required.
#[test]
fn qingdao_hypertension_and_diabetes_documents_are_an_either_or() {
    for id in ["hypertension-complications", "diabetes-complications"] {
        let p = plan("shandong-qingdao", id, "2027-03-31", "2027-01-20", false);
        let routes: Vec<(&str, Option<&str>)> = p
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.route.as_ref().map(|r| r.route.as_str())))
            .collect();
        assert_eq!(
            routes,
            [
                ("id-or-social-card", None),
                ("inpatient-diagnosis-complications", Some("inpatient")),
                ("outpatient-two-year-records", Some("outpatient")),
            ],
            "{id}"
        );
        let choice = &p.document_choices[0];
        assert_eq!(choice.routes[0].who.as_deref(), Some("经住院确诊的"));
        assert_eq!(choice.routes[1].who.as_deref(), Some("未经住院确诊的"));
        let c = renewal_assistant::checklist::Checklist::new(
            "x".into(),
            "",
            &Answers {
                region: "shandong-qingdao".into(),
                scheme: Scheme::Employee,
                disease: id.into(),
                validity_end: d("2027-03-31"),
                cross_province: false,
                retired: false,
            },
            &p,
            chrono::DateTime::UNIX_EPOCH,
        );
        // The routes count once; the assumed window is a question to ask.
        assert!(c.items.iter().any(|i| i.id == "ask:window"), "{id}");
        assert_eq!(c.progress(), (0, 7), "{id}: the two routes count once");
    }
}

/// Issue 14: a phone number carries its area code (青岛's 0532), so it can
/// be dialled from a mobile phone or from another city; only national
/// service numbers (12345, 12393, 400…) and mobiles go without one.
#[test]
fn phone_numbers_carry_their_area_code() {
    let policy = PolicySet::embedded().unwrap();
    let mut seen = 0;
    for region in &policy.regions {
        for channel in &region.channels {
            for phone in channel.contacts.iter().filter_map(|c| c.phone.as_deref()) {
                seen += 1;
                let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
                let ok = digits.starts_with('0')
                    || digits.starts_with("400")
                    || digits.starts_with("800")
                    || (digits.starts_with('1') && matches!(digits.len(), 5 | 11));
                assert!(ok, "{}: {phone} has no area code", region.id);
            }
        }
    }
    assert!(seen >= 10, "the data has phone numbers to check");
}

/// Issue 12 §4: the newly sourced regions carry their shapes and facts as
/// the sources give them, and nothing the sources leave open is filled in.
#[test]
fn the_new_regions_carry_their_shapes() {
    use renewal_assistant::policy::OutsideScope;
    let set = PolicySet::embedded().unwrap();
    let qj = set.region("hubei-qianjiang").unwrap();
    let scope = qj.renewal_scope.as_ref().unwrap();
    assert_eq!(
        (scope.diseases.len(), scope.others),
        (12, OutsideScope::Unsaid)
    );

    let bj = set.region("beijing").unwrap();
    let scope = bj.renewal_scope.as_ref().unwrap();
    assert!(scope.diseases.is_empty() && scope.others == OutsideScope::NoRenewal);
    assert!(scope.text.contains("无需每年办理，有效期至2099年"));
    assert!(
        bj.notes
            .iter()
            .any(|n| n.text.contains("京医保中心发〔2022〕57号"))
    );
    assert!(
        bj.open_disease_list,
        "the hospital's 14 are not the city's list"
    );
    assert_eq!(bj.diseases.len(), 1);

    let zs = set.region("guangdong-zhongshan").unwrap();
    assert_eq!(zs.window_months.value, None);
    assert_eq!(zs.window_days.as_ref().unwrap().value, Some(30));
    assert_eq!(zs.grace_days.as_ref().unwrap().value, Some(30));

    let xa = set.region("shaanxi-xian").unwrap();
    assert_eq!(xa.window_months.value, Some(3));
    let scope = xa.renewal_scope.as_ref().unwrap();
    assert_eq!(
        (scope.diseases.len(), scope.others),
        (13, OutsideScope::NoRenewal)
    );
    let unsure = xa.disease("macrodactyly").unwrap();
    assert!(unsure.note.as_deref().unwrap().contains("无法核对"));

    // 上海: 6 months, then 1 year from 2026-04-01; a registration running
    // on that day moved by 6 months.
    let sh = set.region("shanghai").unwrap();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let at = |s| renewal_assistant::policy::in_force(&sh.validity_months, day(s)).map(|v| v.value);
    assert_eq!((at("2026-03-31"), at("2026-04-01")), (Some(6), Some(12)));
    assert_eq!(sh.validity_extensions[0].on, day("2026-04-01"));
    assert_eq!(sh.validity_extensions[0].months, 6);
    assert_eq!(
        renewal_assistant::plan::extended_end(sh, day("2026-08-31")).map(|(_, to)| to),
        Some(day("2027-02-28"))
    );

    // 湖南: the 31 diseases of the online extension, one year, falling back
    // to the offline review; the page's "脉动脉高压" said to be a misprint.
    let hn = set.region("hunan").unwrap();
    let app = hn.channels.iter().find(|c| c.extension.is_some()).unwrap();
    assert_eq!(app.only_diseases.as_ref().unwrap().len(), 31);
    let x = app.extension.as_ref().unwrap();
    assert_eq!((x.months, x.fallback.as_str()), (12, "offline-review"));
    assert!(x.result.contains("即申即延"));
    let pah = hn.disease("pulmonary-hypertension").unwrap();
    assert!(pah.aliases.contains(&"脉动脉高压".to_string()));
    assert!(pah.note.as_deref().unwrap().contains("脉动脉高压"));

    // 重庆: one closed list of 14 + 39 for both schemes, the form; no
    // validity found, so none is given.
    let cq = set.region("chongqing").unwrap();
    assert!(!cq.open_disease_list);
    assert_eq!(cq.diseases.len(), 53);
    let class = |c: &str| {
        cq.diseases
            .iter()
            .filter(|d| d.note.as_deref().unwrap().starts_with(c))
            .count()
    };
    assert_eq!((class("一类"), class("二类")), (14, 39));
    assert!(
        cq.documents
            .iter()
            .any(|d| d.name.contains("特殊疾病(两病)待遇资格申报(鉴定)表"))
    );
    assert_eq!(
        (cq.window_months.value, cq.cycle_years.value.as_ref()),
        (None, None)
    );

    // Province notes: 江西's and 四川's recognition across the province,
    // 江苏's name, 芜湖's benefit start days and its enquiry phone.
    let note = |id: &str, text: &str| {
        set.region(id)
            .unwrap()
            .notes
            .iter()
            .any(|n| n.text.contains(text))
    };
    assert!(note("jiangxi", "不再重新认定"));
    assert!(note("sichuan", "全省互认"));
    assert_eq!(
        set.region("jiangsu").unwrap().benefit_name,
        "门诊特殊病（原特定病）"
    );
    assert!(note("anhui-wuhu", "从确诊后第一次透析开始"));
    let wuhu = set.region("anhui-wuhu").unwrap();
    assert!(
        wuhu.channels
            .iter()
            .flat_map(|c| &c.contacts)
            .any(|c| c.phone.as_deref() == Some("0553-3887965"))
    );

    // Sources named unusable are never cited.
    for r in &set.regions {
        for s in &r.sources {
            for bad in [
                "kaowaiyu.cn",
                "meicimeiju.cn",
                "b2der.com",
                "jiusongjiankang.com",
                "hzbdd.com",
                "good9527",
            ] {
                assert!(
                    !s.url.as_deref().unwrap_or("").contains(bad),
                    "{}: {bad}",
                    r.id
                );
            }
        }
    }
}

/// The yearly holiday schedules shipped in `data/holidays` are valid holiday
/// files (as `renew data check` reads a pack's), one for every year from
/// 2004 to the last notice out, so no day in those years is estimated.
/// 2004–2024 are generated from the `chinesecalendar` dataset
/// (`scripts/gen_holidays.py`); where it was found to differ from another
/// transcription of the notices, the notice decides, named here. (The
/// `chinese_holiday` crate, used before these files, also counted Saturday
/// 2005-12-31 a working day; the dataset does not, and the 2006 notice was
/// not at hand to decide: the file follows the dataset.)
#[test]
fn the_shipped_holiday_schedules_are_valid_and_cover_every_year_since_2004() {
    use chrono::Datelike;
    let (years, problems) = renewal_assistant::policy::holidays::read_holidays(&data_dir());
    assert!(problems.is_empty(), "{problems:#?}");
    let mut numbers: Vec<i32> = years.iter().map(|y| y.year).collect();
    numbers.sort();
    assert_eq!(numbers, (2004..=2026).collect::<Vec<_>>());
    let calendar = renewal_assistant::calendar::Calendar::new().with_years(years);
    for day in d("2004-01-01").iter_days().take_while(|x| x.year() <= 2026) {
        assert!(!calendar.is_estimated(day), "{day}");
    }
    // The 2016 notice: 「国庆节：…10月8日（星期六）、10月9日（星期日）上班」.
    // The 2017 notice: 「元旦：1月1日放假，与周末连休」, so 2016-12-31 to
    // 2017-01-02, and Friday 2016-12-30 is a working day.
    for day in ["2016-10-08", "2016-10-09", "2016-12-30"] {
        assert!(calendar.is_working_day(d(day)), "{day}");
    }
    for day in ["2016-12-31", "2017-01-02"] {
        assert!(!calendar.is_working_day(d(day)), "{day}");
    }
    assert_eq!(
        renewal_assistant::policy::shipped_calendar().is_working_day(d("2016-12-30")),
        calendar.is_working_day(d("2016-12-30")),
        "the program counts with the same files"
    );
}

/// The shipped calendar counts 2026 from its notice to the year's last day,
/// and the estimate starts with 2027, whose notice is not out.
#[test]
fn the_shipped_calendar_estimates_from_the_first_year_without_a_notice() {
    let policy = PolicySet::embedded().unwrap();
    for day in ["2026-12-28", "2026-12-31"] {
        assert!(!policy.calendar.is_estimated(d(day)), "{day}");
        assert!(policy.calendar.is_working_day(d(day)), "{day}");
    }
    assert!(policy.calendar.is_estimated(d("2027-01-04")));
    assert!(!policy.calendar.is_working_day(d("2027-01-01")));
}

/// `renew plan --region X` reads only the files X names and the files above
/// them, when X names one region or place exactly: every shipped region (by
/// id, name, short name, alias) and every place in China (by name and short
/// name) resolves to what the whole data resolves it to, and its plans are
/// the very plans the whole data gives. So does X in pinyin, initials or
/// part of a name, when the index of the whole data (made at build time)
/// finds one choice. Anything else reads every file.
#[test]
fn a_plan_from_the_files_a_region_needs_is_the_plan_from_all_of_them() {
    use renewal_assistant::places::all as every_place;
    use renewal_assistant::policy::index::region_index;
    use renewal_assistant::policy::{choices, exact_choice};
    use renewal_assistant::search::Resolution;
    let all = PolicySet::embedded().unwrap();
    let all_choices = choices(&all);
    let index = region_index(&all);
    // The key the whole data answers `q` with, as `renew plan` looks.
    let whole_key = |q: &str| -> Option<String> {
        if let Some(c) = exact_choice(&all, q) {
            return Some(c.key);
        }
        match index.resolve(q) {
            Resolution::One(i) => Some(all_choices[i].key.clone()),
            _ => None,
        }
    };
    let today = d("2026-12-04");
    let mut queries: Vec<String> = Vec::new();
    for r in &all.regions {
        queries.extend([r.id.clone(), r.name.clone(), r.short_name.clone()]);
        queries.extend(r.aliases.iter().cloned());
    }
    for p in every_place() {
        queries.extend([p.name.to_string(), p.short_name.to_string()]);
    }
    let exact_queries = queries.len();
    // Typed by pinyin, initials and in part.
    for p in every_place() {
        let syllables: Vec<&str> = p.pinyin.split(' ').collect();
        let short = &syllables[..p.short_name.chars().count()];
        queries.push(short.concat());
        queries.push(short.iter().filter_map(|s| s.get(..1)).collect());
    }
    queries.extend(
        [
            "haixi", "qingdao", "fgc", "xian", "hunan", "sz", "zhongsh", "青", "海",
        ]
        .map(String::from),
    );
    let mut read_less = [0, 0];
    for (n, q) in queries.iter().enumerate() {
        let Some(one) = PolicySet::embedded_for(q) else {
            assert!(
                !all.regions.iter().any(|r| &r.id == q),
                "{q}: an id reads its files"
            );
            continue;
        };
        let one = one.unwrap();
        read_less[usize::from(n >= exact_queries)] += 1;
        assert!(one.regions.len() <= 4, "{q}: {} files", one.regions.len());
        let want = whole_key(q).unwrap_or_else(|| panic!("{q}: no one choice among all"));
        let got = exact_choice(&one, q)
            .map(|c| c.key)
            .or_else(|| one.resolved_key(q).map(str::to_string))
            .unwrap_or_else(|| panic!("{q}: not resolved among its files"));
        assert_eq!(want, got, "{q}");
        let want = exact_choice(&all, &want).unwrap();
        let region = &all.regions[want.region];
        let diseases = if region.id == r_id(q, &all) {
            region.diseases.len()
        } else {
            1
        };
        for disease in region.diseases.iter().take(diseases) {
            let answers = Answers {
                region: want.key.clone(),
                scheme: Scheme::Resident,
                disease: disease.id.clone(),
                validity_end: d("2027-03-31"),
                cross_province: true,
                retired: false,
            };
            let whole = serde_json::to_value(compute(&all, &answers, today).unwrap()).unwrap();
            let alone = serde_json::to_value(compute(&one, &answers, today).unwrap()).unwrap();
            assert!(whole == alone, "{q} {}: the plans differ", disease.id);
        }
    }
    assert!(
        read_less[0] > all.regions.len() + 300,
        "only {} exact queries read less",
        read_less[0]
    );
    assert!(
        read_less[1] > 600,
        "only {} other queries read less",
        read_less[1]
    );
    // Ambiguous or unknown: the search over every file decides, and asks.
    for q in ["no-such-region", "朝阳", "吉林", "taizhou", "tz"] {
        assert!(whole_key(q).is_none(), "{q}");
        assert!(
            PolicySet::embedded_for(q).is_none(),
            "{q}: the search decides"
        );
    }
    assert!(PolicySet::embedded_for("长沙").is_some());
    let one = PolicySet::embedded_for("changsha").unwrap().unwrap();
    assert_eq!(one.resolved_key("changsha"), Some("430100"));
    assert!(one.regions.len() <= 3, "{}", one.regions.len());
}

/// The region id a query is, if it is one.
fn r_id(q: &str, all: &PolicySet) -> String {
    all.regions
        .iter()
        .find(|r| r.id == q)
        .map(|r| r.id.clone())
        .unwrap_or_default()
}

/// Issue 22's data corrections, each against its cited source.
mod corrections {
    use super::*;

    /// 重庆 has no plain epilepsy entry: 癫痫 must not become
    /// 「癫痫所致精神障碍」, a psychiatric category.
    #[test]
    fn chongqing_epilepsy_is_not_a_mental_disorder() {
        let set = PolicySet::embedded().unwrap();
        let cq = set.region("chongqing").unwrap();
        let mental = cq
            .disease("epilepsy-mental-disorder")
            .expect("the entry stays");
        assert!(
            mental.aliases.iter().all(|a| a != "癫痫"),
            "癫痫 is an alias of 癫痫所致精神障碍"
        );
    }

    /// 西安 lists the 13 diseases that need 复审; that the others need none
    /// is an inference, said as one, with whom to confirm.
    #[test]
    fn xian_no_renewal_for_other_diseases_is_an_inference() {
        let p = plan("shaanxi-xian", "other", "2027-06-30", "2026-12-04", false);
        let scope = p.renewal_scope.as_ref().expect("outside the 13");
        assert!(scope.inferred);
        let words = render::status_words(&p, super::ZH);
        assert!(words != "无需续期" && words.contains("确认"), "{words}");
        assert!(scope.text.contains("推断"), "{}", scope.text);
    }

    /// 上海's 6 months before 2026-04-01 rest on a weak secondary page and an
    /// inference: low confidence, and the reason given.
    #[test]
    fn shanghai_validity_before_april_2026_is_low_confidence() {
        let set = PolicySet::embedded().unwrap();
        let sh = set.region("shanghai").unwrap();
        let before = &sh.validity_months[0];
        assert_eq!(before.value, 6);
        let source = sh.sources.iter().find(|s| s.id == before.source).unwrap();
        assert_eq!(source.confidence, Confidence::Low);
        assert!(before.note.as_deref().unwrap_or("").contains("可信度低"));
    }

    /// 中山: the reading of 「到期前30日内」 is stated, and the 认定 rule on
    /// calendar days from the upload is not applied to renewal.
    #[test]
    fn zhongshan_states_its_reading_and_keeps_the_recognition_rule_apart() {
        let p = plan(
            "guangdong-zhongshan",
            "any",
            "2027-06-30",
            "2026-12-04",
            false,
        );
        let w = p.window.as_ref().unwrap();
        assert_eq!(w.opens, d("2027-05-31"), "end − 30 days");
        let basis = w.basis.as_deref().unwrap_or("");
        assert!(
            basis.contains("本程序的读法") && basis.contains("31"),
            "{basis}"
        );
        let json = serde_json::to_string(&p).unwrap();
        assert!(
            !json.contains("新的有效期从上传之日起"),
            "the 认定 rule said of renewal"
        );
    }

    /// 湖南: the offline channel's place and the alias 高血压 → 高血压病3级
    /// are the project's reading, marked as such.
    #[test]
    fn hunan_readings_are_marked_as_the_projects() {
        let set = PolicySet::embedded().unwrap();
        let hn = set.region("hunan").unwrap();
        let d3 = hn.disease("hypertension-grade3").unwrap();
        assert!(d3.aliases.iter().any(|a| a == "高血压"));
        assert!(d3.note.as_deref().unwrap_or("").contains("本程序的理解"));
        let offline = hn
            .channels
            .iter()
            .find(|c| c.id == "offline-review")
            .unwrap();
        assert!(
            offline
                .limitations
                .iter()
                .any(|l| l.contains("本程序的理解"))
        );
    }
}

/// Issue 21: every province, prefecture and county-level place's plan
/// carries a phone; a prefecture's, a municipality's and a county-level
/// place's (济源, 神农架, Hainan's counties, the XPCC cities) is dialled
/// with its area code, unless `data/area_code_corrections.json` says no
/// source for its code was found.
#[test]
fn every_place_plan_carries_a_phone() {
    use renewal_assistant::places::{self, PlaceLevel};
    use renewal_assistant::plan::contacts::ContactKind;
    let set = PolicySet::embedded().unwrap();
    let corrections: serde_json::Value =
        serde_json::from_str(include_str!("../data/area_code_corrections.json")).unwrap();
    let unsourced: Vec<&str> = corrections["not_found"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["place"].as_str().unwrap())
        .collect();
    let mut checked = 0;
    let mut counties = 0;
    for p in places::all().iter().filter(|p| {
        matches!(
            p.level,
            PlaceLevel::Province | PlaceLevel::Prefecture | PlaceLevel::County
        )
    }) {
        // Hong Kong, Macao and Taiwan are not in the national scheme's data.
        if ["710000", "810000", "820000"].contains(&p.code) {
            continue;
        }
        let a = Answers {
            region: p.code.to_string(),
            scheme: Scheme::Resident,
            disease: "other".into(),
            validity_end: d("2027-03-31"),
            cross_province: false,
            retired: false,
        };
        // 其他 (or the region's catch-all); a region without one: its first.
        let plan = compute(&set, &a, d("2026-12-07")).unwrap_or_else(|_| {
            let c = renewal_assistant::policy::exact_choice(&set, p.code).unwrap();
            let first = set.regions[c.region].diseases[0].id.clone();
            compute(
                &set,
                &Answers {
                    disease: first,
                    ..a.clone()
                },
                d("2026-12-07"),
            )
            .unwrap()
        });
        let line = plan
            .contacts
            .iter()
            .find(|c| c.kind == ContactKind::ServiceLine)
            .unwrap_or_else(|| panic!("{}: no service line", p.name));
        assert!(line.phone.ends_with("12393"), "{}: {}", p.name, line.phone);
        let county = p.level == PlaceLevel::County && !unsourced.contains(&p.code);
        counties += usize::from(county);
        if p.level == PlaceLevel::Prefecture
            || county
            || ["110000", "120000", "310000", "500000"].contains(&p.code)
        {
            assert!(
                line.phone.starts_with('0') && line.phone.contains('-'),
                "{}: {}",
                p.name,
                line.phone
            );
        }
        checked += 1;
    }
    assert!(checked > 300 && counties > 25, "{checked} {counties}");
    for (code, phone) in [
        ("419001", "0391-12393"),
        ("429021", "0719-12393"),
        ("469002", "0898-12393"),
        ("659002", "0997-12393"),
    ] {
        assert_eq!(
            renewal_assistant::phone::area_codes(code)[0].code,
            &phone[..4],
            "{code}"
        );
    }
}

#[test]
fn changsha_and_beijing_plans_give_their_area_codes() {
    let text = |region: &str, disease: &str| {
        let set = PolicySet::embedded().unwrap();
        let a = Answers {
            region: region.into(),
            scheme: Scheme::Employee,
            disease: disease.into(),
            validity_end: d("2027-03-31"),
            cross_province: false,
            retired: false,
        };
        let plan = compute(&set, &a, d("2026-12-07")).unwrap();
        renewal_assistant::document::plan_text(&plan, 1000, ZH)
    };
    let changsha = text("430100", "other");
    assert!(changsha.contains("0731-12393"), "{changsha}");
    assert!(
        changsha.contains("湘潭") && changsha.contains("株洲"),
        "{changsha}"
    );
    let beijing = text("beijing", "any");
    assert!(beijing.contains("010-12393"), "{beijing}");
}

/// The area-code file: every place it names is in the index, every code is
/// a Chinese trunk code, and no place is listed twice under one code.
#[test]
fn the_area_code_file_names_real_places() {
    let text = std::fs::read_to_string(data_dir().join("area_codes.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let codes = json["codes"].as_array().unwrap();
    assert!(codes.len() > 300);
    for e in codes {
        let code = e["area_code"].as_str().unwrap();
        assert!(
            code.starts_with('0')
                && (3..=4).contains(&code.len())
                && code.chars().all(|c| c.is_ascii_digit()),
            "{code}"
        );
        let places: Vec<&str> = e["places"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert!(!places.is_empty(), "{code}");
        for (i, p) in places.iter().enumerate() {
            assert!(
                renewal_assistant::places::all()
                    .iter()
                    .any(|x| x.code == *p),
                "{code}: {p}"
            );
            assert!(!places[..i].contains(p), "{code}: {p} twice");
        }
    }
}

/// Issue 22: the customs file cites what the shipped schedules come from
/// (the notices, via the chinesecalendar dataset), not the crate dropped
/// before them, and does not claim 国庆 ran 10-01..10-07 in 2023 (09-29..10-06).
#[test]
fn the_holiday_customs_cite_their_real_sources() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/holiday_customs.json"),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(!text.contains("chinese_holiday"), "{text}");
    assert!(text.contains("chinesecalendar"), "{text}");
    let national = v["national_day"]["text"].as_str().unwrap();
    assert!(
        !national.contains("in every notice of 2015–2026;"),
        "{national}"
    );
    assert!(national.contains("09-29..10-06"), "{national}");
    let days = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/holidays/2023.json"),
    )
    .unwrap();
    assert!(
        days.contains(r#""from": "2023-09-30", "to": "2023-10-06""#),
        "{days}"
    );
}
