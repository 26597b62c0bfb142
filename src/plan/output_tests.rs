//! The plan as its outputs say it (text, Markdown, the wizard, the QR
//! text), on the fixture policy set; the rules themselves are in `tests.rs`.

use super::tests::{answers, codes, d, plan, policy};
use super::*;
use crate::i18n::Words;

/// Issue 11 §3: sources are shown by title, publisher and date with their
/// standing, never by an internal file name; seeds 000 and 003 are
/// third-party summaries; an undated source has no year; a newspaper is MED;
/// the check date does not read as "still current".
#[test]
fn sources_show_title_publisher_date_and_standing() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    for (region, disease, end) in [
        ("fx-exact", "diabetes", "2026-03-31"),
        ("fx-typical", "diabetes", "2026-07-31"),
    ] {
        let mut a = answers(region, disease, end);
        a.cross_province = true;
        let p = plan(&a, "2026-05-06");
        let seed = &p.sources[0];
        assert_eq!(seed.confidence, crate::policy::Confidence::ThirdParty);
        assert_eq!(seed.published, None, "the page gives no date");
        assert!(codes(&p).contains(&"unofficial_source"), "{region}");
        let w = p
            .warnings
            .iter()
            .find(|w| w.code() == "unofficial_source")
            .unwrap();
        let wt = render::warning_text(w, words);
        assert!(wt.contains("打电话") && wt.contains("窗口"), "{wt}");
        for out in [
            crate::document::plan_text(&p, 200, words),
            crate::document::plan_markdown(&p, words),
        ] {
            assert!(!out.contains(".txt"), "{region}: {out}");
            assert!(!out.contains("MORE-SOURCES"), "{region}: {out}");
            assert!(
                out.contains("第三方网站整理，非官方公告"),
                "{region}: {out}"
            );
            assert!(out.contains("发布日期不详"), "{region}: {out}");
            assert!(!out.contains("（2025）"), "{region}: {out}");
            assert!(!out.contains("最后核对于"), "{region}: {out}");
        }
    }
    let p = plan(&answers("fx-six", "diabetes", "2026-12-31"), "2026-05-06");
    assert!(!codes(&p).contains(&"unofficial_source"));
    let text = crate::document::plan_text(&p, 200, words);
    assert!(
        text.contains("丁市医疗保障局，官方发布，发布于 2025-06-25"),
        "{text}"
    );
}

/// Every piece of policy text a plan carries, and the sentences built from
/// it, for comparing outputs.
fn plan_facts(p: &RenewalPlan, words: Words) -> Vec<String> {
    let mut v: Vec<String> = vec![p.caution.clone()];
    if p.cross_province {
        v.push(words.t("plan.cross_province_yes").to_string());
    }
    v.extend(render::rules(p, words));
    v.extend(p.warnings.iter().map(|w| render::warning_text(w, words)));
    if let Some(a) = &p.apply_by {
        v.push(a.date.to_string());
    }
    for d in &p.documents {
        v.extend([d.name.clone(), d.why.clone()]);
        v.extend(d.note.clone());
        v.extend(d.earliest_date.map(|e| e.to_string()));
    }
    for c in &p.channels {
        v.extend([c.name.clone(), c.location.clone(), c.review.text.clone()]);
        v.extend(c.hours.clone());
        v.extend(c.materials_form.clone());
        v.extend(c.suits.clone());
        v.extend(c.pros.iter().chain(&c.cons).chain(&c.steps).cloned());
        v.extend(c.limitations.iter().cloned());
        v.extend(c.expected_result.map(|d| d.to_string()));
        v.extend(c.apply_by.map(|d| d.to_string()));
        for k in &c.contacts {
            v.push(k.name.clone());
            v.extend(k.address.clone());
            v.extend(k.phone.clone());
            v.extend(k.hours.clone());
            v.extend(k.note.clone());
        }
    }
    v.extend(p.no_channel.iter().map(|n| n.text.clone()));
    if let Some(cp) = &p.cross_province_info {
        for s in &cp.steps {
            v.extend([s.title.clone(), s.text.clone()]);
        }
        v.push(cp.principle.text.clone());
        v.extend(cp.direct_settlement_name.clone());
        v.extend(cp.direct_settlement_since.value.clone());
        for n in cp.other_diseases.iter().chain(&cp.notes) {
            v.extend([n.title.clone(), n.text.clone()]);
        }
    }
    if let Some(ex) = &p.example_figures {
        v.push(ex.note.clone());
        for r in &ex.rows {
            v.push(r.disease.clone());
            v.extend(r.annual_limit_yuan.map(|x| x.to_string()));
            v.extend(r.ratio_active_pct.map(|x| format!("{x}%")));
            v.extend(r.ratio_retired_pct.map(|x| format!("{x}%")));
        }
    }
    for n in p.notes.iter().chain(&p.still_matters) {
        v.extend([n.title.clone(), n.text.clone()]);
    }
    v.extend(p.renewal_scope.iter().map(|s| s.text.clone()));
    v.extend(p.extension.iter().map(|x| x.text.clone()));
    for x in p.channels.iter().filter_map(|c| c.extension.as_ref()) {
        v.extend([x.result.clone(), x.fallback_text.clone()]);
        v.extend(x.diseases.iter().cloned());
    }
    v.extend(p.sources.iter().map(|s| render::source_line(s, words)));
    v.push(p.verified_on.to_string());
    v
}

/// Facts only in the channel comparison table: a drawn table wraps each
/// cell inside its column, so they are compared on unwrapped layouts.
fn table_facts(p: &RenewalPlan) -> Vec<String> {
    let mut v = Vec::new();
    for c in &p.channels {
        v.push(c.location.clone());
        v.extend(c.hours.clone());
        v.extend(c.materials_form.clone());
        v.extend(c.suits.clone());
        v.extend(c.pros.iter().chain(&c.cons).cloned());
    }
    v
}

/// Sentences the program builds around the data, which every output must
/// say the same way (the old Markdown dropped the purpose label).
fn labelled_facts(p: &RenewalPlan, words: Words) -> Vec<String> {
    let mut v = vec![render::status_words(p, words)];
    v.extend(render::apply_by_line(p, words));
    for choice in crate::checklist::choices_for(p) {
        v.push(crate::checklist::choice_intro(&choice, words));
        v.extend(
            (0..choice.routes.len()).map(|n| crate::checklist::route_label(&choice, n, words)),
        );
    }
    v.extend(p.window.iter().flat_map(|w| render::window_words(w, words)));
    v.extend(render::no_renewal_words(p, words));
    v.extend(render::extension_words(p, words));
    v.extend(render::validity_words(p, words));
    v.extend(
        p.channels
            .iter()
            .filter_map(|c| render::channel_extension_words(c, words)),
    );
    for d in &p.documents {
        v.push(format!("{}{}", words.t("plan.why"), d.why));
        v.extend(
            d.earliest_date
                .map(|date| words.tf("plan.dated_after", &[("date", &date)])),
        );
    }
    for c in &p.channels {
        v.push(format!("{}{}", words.t("plan.review_label"), c.review.text));
        for k in &c.contacts {
            v.extend(
                k.phone
                    .as_ref()
                    .map(|ph| format!("{}{ph}", words.t("plan.phone"))),
            );
        }
    }
    v
}

/// Issue 10 §2: text (wrapped and unwrapped), Markdown and the wizard's
/// lines are rendered from one document and carry the same facts: every
/// policy text, date, phone number, address, document name, warning and
/// sentence the program builds, for every region, disease, scheme and
/// status, on the fixture set and on the shipped data (a renderer that
/// drops a fact for some text in `data/` is a renderer bug, so this is a
/// rule test on both).
#[test]
fn text_markdown_and_wizard_carry_the_same_facts() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    use crate::document::{SectionKind, build, markdown, text};
    use crate::tui::{document_view, theme::Theme};
    // Wrapping breaks text at spaces, Markdown escapes `|`.
    let norm = |s: &str| -> String {
        s.replace("\\|", "|")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let theme = Theme {
        color: false,
        ascii: false,
        high_contrast: false,
    };
    let all = [
        SectionKind::Summary,
        SectionKind::Window,
        SectionKind::Warnings,
        SectionKind::Documents,
        SectionKind::Channels,
        SectionKind::CrossProvince,
        SectionKind::Examples,
        SectionKind::Notes,
        SectionKind::Sources,
    ];
    let tui = |doc: &crate::document::Document, width: usize| -> String {
        document_view::section_lines(doc, &all, width, &theme, words)
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut checked = 0;
    for pol in [policy(), PolicySet::embedded().unwrap()] {
        for region in &pol.regions {
            for disease in &region.diseases {
                for (scheme, cross, today) in [
                    (Scheme::Employee, true, "2026-06-20"),
                    (Scheme::Resident, false, "2026-09-15"),
                    (Scheme::Employee, false, "2026-01-10"),
                ] {
                    let a = Answers {
                        region: region.id.clone(),
                        scheme,
                        disease: disease.id.clone(),
                        validity_end: d("2026-08-31"),
                        cross_province: cross,
                        retired: false,
                    };
                    let p = compute(&pol, &a, d(today)).unwrap();
                    let doc = build(&p, None, words);
                    let unwrapped = text::Layout {
                        width: None,
                        ..text::Layout::terminal(0)
                    };
                    let whole = [
                        (
                            "text unwrapped",
                            norm(&text::render(&doc, unwrapped, words)),
                        ),
                        ("plain", norm(&crate::document::plan_text_linear(&p, words))),
                        ("markdown", norm(&markdown::render(&doc, words))),
                        ("wizard wide", norm(&tui(&doc, 2000))),
                    ];
                    let wrapped = [
                        ("text 80", norm(&crate::document::plan_text(&p, 80, words))),
                        ("wizard 60", norm(&tui(&doc, 60))),
                    ];
                    let in_table = table_facts(&p);
                    let facts = plan_facts(&p, words)
                        .into_iter()
                        .chain(labelled_facts(&p, words))
                        .chain(in_table.iter().cloned());
                    for fact in facts {
                        let f = norm(&fact);
                        if f.is_empty() {
                            continue;
                        }
                        let outputs: Vec<_> = whole
                            .iter()
                            .chain(wrapped.iter().filter(|_| !in_table.contains(&fact)))
                            .collect();
                        // Some data is shown only with other data (the date
                        // direct settlement began, with its name).
                        if !outputs.iter().any(|(_, out)| out.contains(&f)) {
                            continue;
                        }
                        for (what, out) in outputs {
                            checked += 1;
                            assert!(
                                out.contains(&f),
                                "{} {} {scheme:?} {today}: not in {what}: {fact}",
                                region.id,
                                disease.id
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "compared {checked} facts");
}

/// Issue 11 §4: once the apply-by day has passed, or the window has closed,
/// the headline says what that means now and what to do, never a past
/// "apply by … so the result comes in time".
#[test]
fn a_passed_apply_by_day_is_said_as_such_in_the_headline() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let a = answers("fx-typical", "diabetes", "2026-07-31");
    let flat = |s: &str| s.lines().map(str::trim).collect::<String>();
    // Expired.
    let p = plan(&a, "2026-08-20");
    assert_eq!(p.status, Status::Expired);
    for out in [
        flat(&crate::document::plan_text(&p, 80, words)),
        flat(&crate::document::plan_markdown(&p, words)),
    ] {
        assert!(!out.contains("建议最晚在"), "{out}");
        assert!(!out.contains("结果能在有效期内出来"), "{out}");
        assert!(out.contains("申请期已于 2026-07-31 关闭"), "{out}");
        assert!(out.contains("重新认定"), "{out}");
    }
    // Open, but too late for the usual review.
    let p = plan(&a, "2026-07-28");
    assert_eq!(p.status, Status::Open);
    assert!(p.apply_by.as_ref().unwrap().date < p.today);
    for out in [
        flat(&crate::document::plan_text(&p, 80, words)),
        flat(&crate::document::plan_markdown(&p, words)),
    ] {
        assert!(!out.contains("建议最晚在"), "{out}");
        assert!(out.contains("已经过了"), "{out}");
        assert!(out.contains("审核期间可继续享受待遇"), "{out}");
    }
    // In time: the usual sentence.
    let p = plan(&a, "2026-05-06");
    assert!(crate::document::plan_text(&p, 200, words).contains("建议最晚在"));
}

/// Issue 11 §3: 手工报销 is manual reimbursement (a claim filed by hand
/// with receipts), not something done "in person".
#[test]
fn manual_reimbursement_is_not_glossed_as_in_person() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let w = Warning::NoDirectSettlement {
        disease: "肝硬化".into(),
        disease_en: Some("Liver cirrhosis".into()),
    };
    let en = render::warning_text(&w, Words::new(crate::i18n::Lang::En));
    assert!(render::warning_text(&w, words).contains("手工报销"));
    assert!(!en.contains("in person"), "{en}");
    assert!(en.contains("manual reimbursement"), "{en}");
}

/// The deadline is one rule on its boundary days: the day to apply by is
/// advice up to and including that day, passed the day after, and the
/// window closed the day after it closes; with no day it is unknown.
#[test]
fn the_deadline_on_its_boundary_days() {
    let (o, c, by) = (d("2026-04-30"), d("2026-07-31"), d("2026-07-20"));
    let on = |today: &str| {
        let today = d(today);
        Deadline::on(today, status(today, o, c), Some(by))
    };
    assert_eq!(on("2026-04-29"), Deadline::ApplyBy, "not yet open");
    assert_eq!(on("2026-07-20"), Deadline::ApplyBy, "the day itself");
    assert_eq!(on("2026-07-21"), Deadline::Passed);
    assert_eq!(on("2026-07-31"), Deadline::Passed, "the last day is open");
    assert_eq!(on("2026-08-01"), Deadline::Closed);
    let today = d("2026-05-01");
    assert_eq!(
        Deadline::on(today, status(today, o, c), None),
        Deadline::Unknown
    );
    // The plan carries the same fact, in JSON too.
    let a = answers("fx-typical", "diabetes", "2026-07-31");
    for (today, want, word) in [
        ("2026-05-06", Deadline::ApplyBy, "apply_by"),
        ("2026-07-28", Deadline::Passed, "passed"),
        ("2026-08-20", Deadline::Closed, "closed"),
    ] {
        let p = plan(&a, today);
        assert_eq!(p.deadline, want, "{today}");
        assert_eq!(serde_json::to_value(&p).unwrap()["deadline"], word);
    }
}

/// Issue 11 §3: a disease only a channel without a stated review time
/// takes (青岛's hospital-only diseases) gets no apply-by day; every output
/// says why and whom to ask instead of saying nothing.
#[test]
fn a_disease_only_an_unknown_review_takes_says_why_there_is_no_apply_by_day() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let flat = |s: &str| s.lines().map(str::trim).collect::<String>();
    let p = plan(
        &answers("fx-assumed", "psychosis", "2027-03-31"),
        "2027-01-20",
    );
    assert_eq!(p.apply_by, None);
    assert_eq!(p.deadline, Deadline::Unknown);
    assert_eq!(serde_json::to_value(&p).unwrap()["deadline"], "unknown");
    let line = render::apply_by_line(&p, words).expect("a sentence, not silence");
    for want in [
        "算不出建议最晚申请日",
        "只能经“医疗机构代办（线下）”申请",
        "没有给出这条途径的审核时限",
        "请向定点医疗机构或参保地医保经办机构问清",
    ] {
        assert!(line.contains(want), "{line}");
    }
    for out in [
        flat(&crate::document::plan_text(&p, 80, words)),
        flat(&crate::document::plan_markdown(&p, words)),
    ] {
        assert!(out.contains(&flat(&line)), "{out}");
    }
    assert!(crate::document::qr::qr_text(&p, 2, words).contains("算不出"));
    let en = render::apply_by_line(&p, Words::new(crate::i18n::Lang::En)).unwrap();
    assert!(
        en.contains("No latest day to apply") && en.contains("only"),
        "{en}"
    );
    // A disease the office window takes keeps its day.
    let p = plan(
        &answers("fx-assumed", "epilepsy", "2027-03-31"),
        "2027-01-20",
    );
    assert_eq!(p.deadline, Deadline::ApplyBy);
}

/// Issue 11 §4: the QR text says a passed apply-by day or a closed window
/// as such, never "最晚：<a past day>" alone.
#[test]
fn the_qr_text_says_a_passed_day_or_a_closed_window() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    use crate::document::qr::qr_text;
    let a = answers("fx-typical", "diabetes", "2026-07-31");
    for level in 0..=2 {
        let p = plan(&a, "2026-05-06");
        let by = p.apply_by.as_ref().unwrap().date;
        assert!(
            qr_text(&p, level, words).contains(&format!("最晚：{by}")),
            "{level}"
        );
        let passed = qr_text(&plan(&a, "2026-07-28"), level, words);
        assert!(
            passed.contains("已过") && passed.contains("今天就申请"),
            "{passed}"
        );
        let closed = qr_text(&plan(&a, "2026-08-20"), level, words);
        assert!(!closed.contains("最晚："), "{closed}");
        assert!(closed.contains("申请期已于2026-07-31结束"), "{closed}");
    }
}

/// Issue 11 §3: documents of which one route is enough (青岛's 高血压/糖尿病:
/// confirmed in hospital, or by outpatient records) are an either/or in
/// the plan: each route's documents come last, route by route, marked with
/// their route, and every output says one route is enough and which is which.
#[test]
fn an_either_or_of_document_routes_is_planned_as_such() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(
        &answers("fx-assumed", "hypertension", "2026-06-30"),
        "2026-05-01",
    );
    let ids: Vec<(&str, Option<&str>)> = p
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.route.as_ref().map(|r| r.route.as_str())))
        .collect();
    assert_eq!(
        ids,
        [
            ("id-or-social-card", None),
            ("inpatient-records", Some("inpatient")),
            ("outpatient-records", Some("outpatient")),
            ("outpatient-tests", Some("outpatient")),
        ]
    );
    assert_eq!(p.document_choices.len(), 1);
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["document_choices"][0]["id"], "diagnosis-route");
    assert_eq!(
        json["document_choices"][0]["routes"][1]["documents"][1],
        "outpatient-tests"
    );
    assert_eq!(json["documents"][2]["route"]["choice"], "diagnosis-route");
    assert_eq!(json["documents"][0]["route"], serde_json::Value::Null);
    // Text and Markdown: the group says one route is enough, each route
    // heads its own documents, in order.
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    for out in [
        flat(&crate::document::plan_text(&p, 80, words)),
        flat(&crate::document::plan_markdown(&p, words)),
    ] {
        let at = |needle: &str| {
            out.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {out}"))
        };
        assert!(
            at("任选其一") < at("途径1“住院确诊”（经住院确诊的）"),
            "{out}"
        );
        assert!(at("途径1“住院确诊”") < at("住院确诊病历"), "{out}");
        assert!(
            at("住院确诊病历") < at("途径2“门诊确诊”（未经住院确诊的）"),
            "{out}"
        );
        assert!(at("途径2“门诊确诊”") < at("两年以上门诊病历"), "{out}");
    }
    // A disease without routes has none.
    let p = plan(
        &answers("fx-assumed", "epilepsy", "2026-06-30"),
        "2026-05-01",
    );
    assert!(p.document_choices.is_empty() && p.documents.iter().all(|d| d.route.is_none()));
}

/// The QR text lists an either/or's routes as alternatives, not as
/// documents all needed.
#[test]
fn the_qr_text_gives_an_either_or_as_alternatives() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(
        &answers("fx-assumed", "hypertension", "2026-06-30"),
        "2026-05-01",
    );
    for level in [0, 1] {
        let text = crate::document::qr::qr_text(&p, level, words);
        assert!(
            text.contains(
                "身份证或社会保障卡；任选其一：住院确诊病历 或 两年以上门诊病历+门诊检查报告"
            ),
            "{text}"
        );
    }
}

/// Issue 22: the headline counts to the day the person must act, and to the
/// window's end when that is later (海西: 46 days to apply by, 55 to the end),
/// never the end alone.
#[test]
fn the_headline_counts_to_the_apply_by_day_and_to_the_end() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(
        &answers("fx-typical", "hypertension", "2026-03-31"),
        "2026-03-01",
    );
    assert_eq!(p.apply_by.as_ref().map(|a| a.date), Some(d("2026-03-19")));
    let status = render::status_words(&p, words);
    assert!(
        status.contains("18 天") && status.contains("30 天"),
        "{status}"
    );
    // On the apply-by day itself the end is still said.
    let p = plan(
        &answers("fx-typical", "hypertension", "2026-03-31"),
        "2026-03-19",
    );
    let status = render::status_words(&p, words);
    assert!(
        status.contains("0 天") && status.contains("12 天"),
        "{status}"
    );
}
