use crate::i18n::Words;
use chrono::TimeZone;

use super::*;
use crate::document::{qr, sheet};
use crate::plan::{self, Answers};
use crate::policy::{PolicySet, Scheme};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(day: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d(day).and_hms_opt(8, 0, 0).unwrap())
}

fn answers() -> Answers {
    Answers {
        region: "fx-exact".into(),
        scheme: Scheme::Employee,
        disease: "diabetes".into(),
        validity_end: d("2026-03-31"),
        cross_province: false,
        retired: false,
    }
}

fn checklist(today: &str) -> (PolicySet, Checklist) {
    let policy = crate::policy::fixture::policy();
    let p = plan::compute(&policy, &answers(), d(today)).unwrap();
    let c = Checklist::new("abc12345".into(), " 妈妈 ", &answers(), &p, at(today));
    (policy, c)
}

#[test]
fn items_come_from_the_plan_with_their_recency_rule() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let (_, c) = checklist("2026-01-15");
    assert_eq!(c.label, "妈妈");
    assert_eq!(c.schema_version, SCHEMA_VERSION);
    assert_eq!(
        (c.window.opens, c.window.closes, c.window.apply_by),
        (d("2025-12-31"), d("2026-03-31"), Some(d("2026-03-24")))
    );
    let records = c
        .items
        .iter()
        .find(|i| i.id == "doc:medical-records")
        .unwrap();
    let text = item_text(records, &c.window, d("2026-01-15"), words);
    assert!(text.contains("2025-01-15"), "{text}");
    assert!(records.required && records.kind == ItemKind::Document);
    let apply = c.items.iter().find(|i| i.id == "step:apply").unwrap();
    let text = item_text(apply, &c.window, d("2026-01-15"), words);
    assert!(
        text.contains("2025-12-31") && text.contains("2026-03-24"),
        "{text}"
    );
    assert!(
        c.items
            .iter()
            .any(|i| i.kind == ItemKind::Tip && !i.required)
    );
    let ids: std::collections::HashSet<_> = c.items.iter().map(|i| &i.id).collect();
    assert_eq!(ids.len(), c.items.len(), "item ids are unique");
    assert_eq!(c.progress(), (0, 7));
}

#[test]
fn the_label_defaults_to_the_disease() {
    let policy = crate::policy::fixture::policy();
    let p = plan::compute(&policy, &answers(), d("2026-01-15")).unwrap();
    assert_eq!(
        Checklist::new("x".into(), "  ", &answers(), &p, at("2026-01-15")).label,
        "糖尿病"
    );
}

#[test]
fn ticks_survive_a_recompute_on_another_day() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let (policy, mut c) = checklist("2026-01-15");
    let i = c.find_item("doc:medical-records").unwrap();
    assert!(c.set_done(i, true, at("2026-01-16")));
    assert!(
        !c.set_done(i, true, at("2026-01-17")),
        "ticking twice changes nothing"
    );
    let later = plan::compute(&policy, &answers(), d("2026-02-20")).unwrap();
    let changes = c.refresh(&later, at("2026-02-20"));
    assert!(
        changes.is_empty(),
        "a new date is not a change: {changes:?}"
    );
    let item = &c.items[c.find_item("doc:medical-records").unwrap()];
    assert!(item.done);
    assert_eq!(item.done_at, Some(at("2026-01-16")));
    assert!(
        item_text(item, &c.window, d("2026-02-20"), words).contains("2025-02-20"),
        "the rule moves with the day one applies"
    );
    assert_eq!(c.progress(), (1, 7));
}

#[test]
fn a_change_in_the_data_is_reported_and_ticks_kept() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let (policy, mut c) = checklist("2026-01-15");
    c.set_done(0, true, at("2026-01-15"));
    // Simulate data that changed since saving: a renamed document, one
    // removed, one added, a different window.
    let mut changed = policy.clone();
    let region = changed
        .regions
        .iter_mut()
        .find(|r| r.id == "fx-exact")
        .unwrap();
    region
        .documents
        .iter_mut()
        .find(|x| x.id == "id-card")
        .unwrap()
        .name = "居民身份证原件".into();
    region.common_documents.retain(|x| x != "approval-form");
    region.window_months.value = Some(2);
    let p = plan::compute(&changed, &answers(), d("2026-01-15")).unwrap();
    let changes = c.refresh(&p, at("2026-01-20"));
    assert!(
        changes
            .iter()
            .any(|ch| matches!(ch, Change::Window { after, .. } if after.0 == d("2026-01-31"))),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|ch| matches!(ch, Change::Removed { item, .. } if item.name.contains("审批表")))
    );
    assert!(
        changes
            .iter()
            .any(|ch| matches!(ch, Change::Reworded { after, .. } if after == "居民身份证原件"))
    );
    assert!(c.items[0].done, "the renamed document keeps its tick");
    assert_eq!(c.updated_at, at("2026-01-20"));
    for ch in &changes {
        assert!(!ch.describe(words).is_empty());
    }
}

#[test]
fn cross_province_adds_steps() {
    let policy = crate::policy::fixture::policy();
    let a = Answers {
        cross_province: true,
        ..answers()
    };
    let p = plan::compute(&policy, &a, d("2026-01-15")).unwrap();
    let c = Checklist::new("x".into(), "", &a, &p, at("2026-01-15"));
    assert!(c.items.iter().any(|i| i.id == "step:cp-filing"));
    assert!(c.items.iter().any(|i| i.id == "doc:cp-identity"));
}

#[test]
fn finding_items() {
    let (_, c) = checklist("2026-01-15");
    assert_eq!(c.find_item("1"), Ok(0));
    assert_eq!(c.find_item("１"), Ok(0), "full-width digits");
    assert_eq!(c.find_item("apply"), c.find_item("step:apply"));
    assert!(c.find_item("99").is_err());
    assert!(c.find_item("0").is_err());
    assert!(matches!(c.find_item("doc:"), Err(ItemLookup::Ambiguous(_))));
    assert_eq!(c.find_item("nothing"), Err(ItemLookup::NotFound));
    assert_eq!(c.find_item(""), Err(ItemLookup::NotFound));
}

#[test]
fn unticking_clears_the_time() {
    let (_, mut c) = checklist("2026-01-15");
    c.set_done(2, true, at("2026-01-15"));
    assert!(c.set_done(2, false, at("2026-01-16")));
    assert_eq!(c.items[2].done_at, None);
    assert!(!c.set_done(999, true, at("2026-01-16")));
}

/// Files written before display text moved to the edge hold each item's
/// `text` and a step's `name` in the language of the day: they still open,
/// those words are dropped, and the line is made in today's language.
#[test]
fn an_old_file_with_display_text_opens_and_the_text_is_made_anew() {
    let (_, c) = checklist("2026-01-15");
    let mut old = serde_json::to_value(&c).unwrap();
    for item in old["items"].as_array_mut().unwrap() {
        item["text"] = "Submit the renewal application {id}".into();
        if item["kind"] == "step" {
            item["name"] = "提交续期申请".into();
        }
    }
    let read: Checklist = serde_json::from_value(old).unwrap();
    assert_eq!(read, c, "old words are dropped, ids, facts and ticks kept");
    let again = serde_json::to_value(&read).unwrap();
    assert!(
        again["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i.get("text").is_none()),
        "{again}"
    );
    let apply = read.items.iter().find(|i| i.id == "step:apply").unwrap();
    let text = item_text(
        apply,
        &read.window,
        d("2026-01-15"),
        Words::new(crate::i18n::Lang::En),
    );
    assert!(
        text.contains("2026-03-24") && !text.contains("提交"),
        "{text}"
    );
}

/// The apply line says what a day means on the day it is read: a passed
/// apply-by day or a closed window is never shown as advice ("最好不晚于"
/// a day in the past), and a missing day says why.
#[test]
fn the_apply_line_is_worded_for_the_day_it_is_read() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let (_, c) = checklist("2026-01-15");
    let apply = c.items.iter().find(|i| i.id == "step:apply").unwrap();
    let on = |day: &str| item_text(apply, &c.window, d(day), words);
    assert!(
        on("2026-03-24").contains("最好不晚于 2026-03-24"),
        "{}",
        on("2026-03-24")
    );
    let passed = on("2026-03-25");
    assert!(
        !passed.contains("最好不晚于")
            && passed.contains("已经过了")
            && passed.contains("今天就申请"),
        "{passed}"
    );
    let closed = on("2026-04-01");
    assert!(
        !closed.contains("最好不晚于") && closed.contains("已经结束") && closed.contains("补办"),
        "{closed}"
    );
    let mut unknown = c.window.clone();
    unknown.apply_by = None;
    let text = item_text(apply, &unknown, d("2026-01-15"), words);
    assert!(text.contains("算不出建议最晚申请日"), "{text}");
}

fn either_or(today: &str) -> (PolicySet, Checklist) {
    let policy = crate::policy::fixture::policy();
    let a = Answers {
        region: "fx-assumed".into(),
        disease: "hypertension".into(),
        ..answers()
    };
    let p = plan::compute(&policy, &a, d(today)).unwrap();
    (
        policy,
        Checklist::new("e1".into(), "爸爸", &a, &p, at(today)),
    )
}

/// Issue 11 §3: an either/or of document routes is done when one route is:
/// it counts once in the progress, says which route is complete (or that
/// none is yet and which to choose), and the checklist can be finished
/// without the other route's documents.
#[test]
fn one_complete_route_settles_an_either_or() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let (_, mut c) = either_or("2026-01-15");
    assert_eq!(c.choices.len(), 1);
    let routes: Vec<&[String]> = c.choices[0].routes.iter().map(|r| &r.items[..]).collect();
    assert_eq!(
        routes,
        [
            &["doc:inpatient-records".to_string()][..],
            &[
                "doc:outpatient-records".to_string(),
                "doc:outpatient-tests".to_string()
            ][..]
        ]
    );
    // id card + 4 steps (confirm, choose, apply, result) + the question
    // of the assumed window + the group once.
    assert!(c.items.iter().any(|i| i.id == "ask:window" && i.required));
    assert_eq!(c.progress(), (0, 7));
    let state = |c: &Checklist| choice_status(&c.choice_states()[0], words);
    assert!(state(&c).contains("还没有哪一种途径备齐"), "{}", state(&c));
    assert!(
        state(&c).contains("途径 1“住院确诊”（经住院确诊的）"),
        "{}",
        state(&c)
    );
    // Half a route is not a route.
    let tick = |c: &mut Checklist, id: &str| {
        let i = c.find_item(id).unwrap();
        assert!(c.set_done(i, true, at("2026-01-16")));
    };
    tick(&mut c, "doc:outpatient-records");
    assert_eq!(c.choice_states()[0].complete, None);
    assert_eq!(c.choice_states()[0].routes, [(0, 1), (1, 2)]);
    assert_eq!(c.progress(), (0, 7));
    tick(&mut c, "doc:outpatient-tests");
    assert_eq!(c.choice_states()[0].complete, Some(1));
    assert_eq!(c.progress(), (1, 7));
    assert!(state(&c).contains("已按途径 2“门诊确诊”"), "{}", state(&c));
    // Everything else done, the inpatient route untouched: finished.
    for i in 0..c.items.len() {
        if c.items[i].required && c.items[i].id != "doc:inpatient-records" {
            c.set_done(i, true, at("2026-01-17"));
        }
    }
    assert!(!c.items[c.find_item("doc:inpatient-records").unwrap()].done);
    assert_eq!(c.progress(), (7, 7));
    // A route's item carries its route where it stands alone.
    let item = &c.items[c.find_item("doc:inpatient-records").unwrap()];
    assert_eq!(
        route_tag(&c, item, words).unwrap(),
        "〔任选其一·途径 1：住院确诊〕"
    );
    let card = &c.items[c.find_item("doc:id-or-social-card").unwrap()];
    assert_eq!(route_tag(&c, card, words), None);
}

/// The printed and shown checklist (one document) says where the group
/// stands and heads each route's items, with their numbers for `tick`.
#[test]
fn the_checklist_document_shows_each_route_with_its_items() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let (_, mut c) = either_or("2026-01-15");
    let i = c.find_item("doc:inpatient-records").unwrap();
    c.set_done(i, true, at("2026-01-16"));
    let text = sheet::item_lines(&c, 200, false, d("2026-01-16"), words).join("\n");
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {text}"))
    };
    assert!(text.contains("已完成 1/7 项"), "{text}");
    assert!(
        at("“确诊途径”已按途径 1“住院确诊”") < at("► 材料"),
        "{text}"
    );
    assert!(at("途径 1“住院确诊”（经住院确诊的） · 已备齐") < at("☑ 2. 住院确诊病历"));
    assert!(at("☑ 2. 住院确诊病历") < at("途径 2“门诊确诊”（未经住院确诊的） · 已备 0/2"));
    assert!(at("· 已备 0/2") < at("☐ 3. 两年以上门诊病历"));
    assert!(at("☐ 4. 门诊检查报告") < at("► 步骤"));
    let md = sheet::item_lines(&c, 200, true, d("2026-01-16"), words).join("\n");
    assert!(
        md.contains("*途径 1“住院确诊”（经住院确诊的） · 已备齐*"),
        "{md}"
    );
    assert!(md.contains("- [x] 2. 住院确诊病历"), "{md}");
}

/// Issue 22: a plan that needs no renewal has a checklist of what still
/// matters (the hospital choice), and nothing in it is called required:
/// not the documents (needed only when filing at another hospital), not a
/// call to confirm a renewal deadline there is none of.
#[test]
fn a_plan_without_renewal_requires_nothing_and_lists_what_still_matters() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = crate::policy::fixture::policy();
    let region = policy.regions.iter().find(|r| r.id == "fx-w-none").unwrap();
    let a = Answers {
        region: region.id.clone(),
        disease: region.diseases[0].id.clone(),
        ..answers()
    };
    let p = plan::compute(&policy, &a, d("2026-01-15")).unwrap();
    assert!(p.window.is_none() && !p.still_matters.is_empty());
    let c = Checklist::new("abc12345".into(), "爷爷", &a, &p, at("2026-01-15"));
    assert_eq!(c.progress().1, 0, "nothing required: {:?}", c.items);
    for n in &p.still_matters {
        assert!(
            c.items.iter().any(|i| i.id == format!("tip:{}", n.id)),
            "{} is an item",
            n.id
        );
    }
    let text = crate::document::text::render(
        &crate::document::Document {
            title: String::new(),
            sections: vec![crate::document::Section {
                kind: crate::document::SectionKind::Checklist,
                blocks: crate::document::checklist_blocks(&c, d("2026-01-15"), words),
            }],
        },
        crate::document::text::Layout::terminal(200),
        words,
    );
    assert!(!text.contains("续期期限"), "{text}");
    assert!(!text.contains("0/0"), "{text}");
}

/// Issue 22 §3: 西安's source lists the 13 diseases that need 复审 and says
/// nothing of the others, so "no renewal" for another disease is only the
/// program's inference. The QR text, the saved checklist's items and the
/// wizard's saved list say it as such and ask to confirm; none says a
/// confident 「无需续期」.
#[test]
fn an_inferred_no_renewal_is_said_as_one_and_asks_to_confirm() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = PolicySet::embedded().unwrap();
    let today = d("2026-05-06");
    let a = Answers {
        region: "shaanxi-xian".into(),
        scheme: Scheme::Employee,
        disease: "other".into(),
        validity_end: d("2026-07-31"),
        cross_province: false,
        retired: false,
    };
    let p = plan::compute(&policy, &a, today).unwrap();
    assert_eq!(p.status, Status::NoRenewal);
    assert!(p.renewal_scope.as_ref().is_some_and(|s| s.inferred));
    let c = Checklist::new("xian".into(), "爸爸", &a, &p, at("2026-05-06"));
    assert!(c.window.no_renewal);

    let confident = [
        words.t("qr.no_renewal").to_string(),
        words.tf("qr.compact.no_renewal", &[("region", &p.region.short_name)]),
        words.t("tui.home.no_renewal").to_string(),
    ];
    for level in 0..qr::QR_LEVELS {
        let qr = qr::qr_text(&p, level, words);
        assert!(
            !qr.lines().any(|l| confident.iter().any(|c| c == l)),
            "QR {level}: {qr}"
        );
        assert!(qr.contains(&*p.contacts[0].phone), "QR {level}: {qr}");
    }
    assert!(qr::qr_text(&p, 0, words).contains(words.t("qr.no_renewal_inferred")));

    // The saved checklist: calling to confirm is what there is to do.
    let confirm = c.items.iter().find(|i| i.id == "step:confirm").unwrap();
    assert!(confirm.required, "confirming is required here");
    let line = item_text(confirm, &c.window, today, words);
    assert!(line.contains("复审") && line.contains("推断"), "{line}");

    // The wizard's saved list.
    let theme = crate::tui::theme::Theme {
        color: false,
        ascii: false,
        high_contrast: false,
    };
    let next = agenda::next_action(&c, Some(&p), today, &policy);
    let standing = crate::tui::screens::home::standing(&theme, &c, next.as_ref(), today, words);
    assert!(
        !confident.contains(&standing.words),
        "saved list: {}",
        standing.words
    );
    assert_eq!(standing.words, words.t("tui.home.no_renewal_inferred"));

    // 北京's source says it: said without doubt there.
    let a = Answers {
        region: "beijing".into(),
        disease: "any".into(),
        validity_end: d("2099-12-31"),
        ..a
    };
    let p = plan::compute(&policy, &a, today).unwrap();
    let c = Checklist::new("bj".into(), "妈妈", &a, &p, at("2026-05-06"));
    assert!(c.window.no_renewal);
    assert_eq!(
        crate::tui::screens::home::standing(&theme, &c, None, today, words).words,
        crate::i18n::Words::new(crate::i18n::Lang::ZhHans).t("tui.home.no_renewal")
    );
}

/// Issue 22 §2: 北京 needs no renewal (有效期至2099年), yet the person typed
/// an end date. Every form of the plan (JSON, text, Markdown, the printed
/// sheet) says that date beside what the source says, as `checklist show`
/// does, instead of leaving the two to contradict each other.
#[test]
fn a_typed_end_date_is_reconciled_with_no_renewal_in_every_plan_output() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = PolicySet::embedded().unwrap();
    let today = d("2026-05-06");
    let a = Answers {
        region: "beijing".into(),
        scheme: Scheme::Employee,
        disease: "any".into(),
        validity_end: d("2027-06-30"),
        cross_province: false,
        retired: false,
    };
    let p = plan::compute(&policy, &a, today).unwrap();
    assert_eq!(p.status, Status::NoRenewal);
    let c = Checklist::new("bj".into(), "妈妈", &a, &p, at("2026-05-06"));
    let json = serde_json::to_value(&p).unwrap();
    let said = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["end"] == "2027-06-30")
        .unwrap_or_else(|| panic!("no warning names the end date: {json:#}"));
    assert!(said.to_string().contains("有效期至2099年"), "{said}");
    // The date and the source's words together, in one sentence.
    let together = |text: &str| {
        let flat: String = text.split_whitespace().collect();
        flat.match_indices("2027-06-30").any(|(i, _)| {
            flat[i..]
                .chars()
                .take(120)
                .collect::<String>()
                .contains("有效期至2099年")
        })
    };
    for (what, text) in [
        ("text", crate::document::plan_text_with(&p, 78, None, words)),
        (
            "markdown",
            crate::document::plan_markdown_with(&p, None, words),
        ),
        ("sheet", sheet::sheet(&c, Some(&p), today, false, words)),
        (
            "sheet markdown",
            sheet::sheet(&c, Some(&p), today, true, words),
        ),
    ] {
        assert!(together(&text), "{what}:\n{text}");
    }
    // 西安's other diseases: the source says nothing of them, so no such
    // sentence is made up there.
    let a = Answers {
        region: "shaanxi-xian".into(),
        disease: "other".into(),
        ..a
    };
    let p = plan::compute(&policy, &a, today).unwrap();
    assert!(
        !serde_json::to_string(&p.warnings)
            .unwrap()
            .contains("2027-06-30")
    );
}
/// 丙市 精神病 (the fixture's `fx-assumed`): an assumed window, a hospital
/// with no review time. Issue 21: one item per question the plan asks.
fn asking() -> (PolicySet, Answers, plan::RenewalPlan) {
    let policy = crate::policy::fixture::policy();
    let a = Answers {
        region: "fx-assumed".into(),
        disease: "psychosis".into(),
        validity_end: d("2026-06-30"),
        ..answers()
    };
    let p = plan::compute(&policy, &a, d("2026-01-15")).unwrap();
    (policy, a, p)
}

#[test]
fn each_question_the_plan_asks_is_an_item_required_when_it_decides_when_to_apply() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    use crate::plan::questions::Unknown;
    let (_, a, p) = asking();
    assert!(p.questions.len() >= 2, "{:?}", p.questions);
    let c = Checklist::new("q1".into(), "", &a, &p, at("2026-01-15"));
    let asks: Vec<&Item> = c
        .items
        .iter()
        .filter(|i| i.id.starts_with("ask:"))
        .collect();
    assert_eq!(asks.len(), p.questions.len());
    for (q, item) in p.questions.iter().zip(&asks) {
        assert_eq!(item.id, format!("ask:{}", q.about.id()));
        let wanted = !matches!(q.about, Unknown::Validity | Unknown::Continuity);
        assert_eq!(item.required, wanted, "{}", item.id);
        let text = item_text(item, &c.window, d("2026-01-15"), words);
        assert!(
            text.contains(crate::plan::render::question_words(q.about, words)),
            "{text}"
        );
    }
    // Right after the call that asks them.
    let call = c.items.iter().position(|i| i.id == "step:confirm").unwrap();
    assert!(c.items[call + 1].id.starts_with("ask:"));
    // A sourced plan asks only what its data leaves out: not the window.
    let (policy, known) = checklist("2026-01-15");
    let kp = plan::compute(&policy, &answers(), d("2026-01-15")).unwrap();
    let ids: Vec<String> = known
        .items
        .iter()
        .filter(|i| i.id.starts_with("ask:"))
        .map(|i| i.id.clone())
        .collect();
    let asked: Vec<String> = kp
        .questions
        .iter()
        .map(|q| format!("ask:{}", q.about.id()))
        .collect();
    assert_eq!(ids, asked);
    assert!(!ids.contains(&"ask:window".to_string()));
}

#[test]
fn a_checklist_saved_before_questions_were_items_keeps_its_ticks_and_gains_them() {
    let (_, a, p) = asking();
    let mut c = Checklist::new("q2".into(), "", &a, &p, at("2026-01-15"));
    c.items.retain(|i| !i.id.starts_with("ask:"));
    let first_doc = c.items[0].id.clone();
    c.set_done(0, true, at("2026-01-16"));
    // As the previous version wrote it.
    let mut file = serde_json::to_value(&c).unwrap();
    file["schema_version"] = 3.into();
    let text = serde_json::to_string(&file).unwrap();
    let mut old: Checklist = serde_json::from_str(&text).unwrap();
    let changes = old.refresh(&p, at("2026-01-17"));
    assert!(
        changes
            .iter()
            .any(|ch| matches!(ch, Change::Added { item } if item.id.starts_with("ask:"))),
        "{changes:?}"
    );
    let ticked = old.items.iter().find(|i| i.id == first_doc).unwrap();
    assert!(ticked.done && ticked.done_at == Some(at("2026-01-16")));
    assert_eq!(
        old.items
            .iter()
            .filter(|i| i.id.starts_with("ask:"))
            .count(),
        p.questions.len()
    );
}

/// A file that says the person was told of a review of a million working
/// days (or on a day out of range) is not read as a checklist: counting
/// such a day would never end.
#[test]
fn a_learned_value_out_of_range_in_a_file_is_refused() {
    use crate::plan::learned::LearnedField;
    let (_, mut c) = checklist("2026-01-15");
    c.learned
        .set(LearnedField::ReviewDays, 10, d("2026-01-10"), None);
    assert_eq!(c.check_bounds(), Ok(()));
    c.learned
        .set(LearnedField::ReviewDays, 1_000_000, d("2026-01-10"), None);
    let e = c.check_bounds().unwrap_err();
    assert!(e.contains("learned[].review_days"), "{e}");
    c.learned
        .set(LearnedField::ReviewDays, 10, d("9999-01-10"), None);
    assert!(c.check_bounds().unwrap_err().contains("learned[].on"));
}
