use super::*;

/// Issue 26: zh-Hant said 復審 in 需进行复审 and 複審 elsewhere.
#[test]
fn review_is_written_one_way_in_traditional() {
    let said = Words::new(Lang::ZhHant).data("到期人员需进行复审。续期（复审）时");
    assert!(!said.contains("復審"), "{said}");
    assert_eq!(said.matches("複審").count(), 2, "{said}");
}

#[test]
fn each_message_read_alone_formats_as_in_the_whole_file() {
    for lang in Lang::ALL {
        let resource = match FluentResource::try_new(lang.source().to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let mut whole = FluentBundle::new_concurrent(vec![lang.code().parse().unwrap()]);
        whole.set_use_isolating(false);
        whole.add_resource(resource).unwrap();
        let messages = messages(lang);
        assert!(messages.len() > 500, "{}", messages.len());
        for (key, vars) in messages {
            let id = fluent_id(&key);
            // Numbers that pick each plural form, and text.
            for value in [
                FluentValue::from(1),
                FluentValue::from(5),
                FluentValue::from("x"),
            ] {
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(v.clone(), value.clone());
                }
                let pattern = whole.get_message(&id).unwrap().value().unwrap();
                let want = whole.format_pattern(pattern, Some(&args), &mut Vec::new());
                let got = format(lang, &key, Some(&args));
                assert_eq!(got.as_deref(), Some(&*want), "{lang:?} {key}");
            }
            assert!(has_key(lang, &key), "{lang:?} {key}");
        }
        assert!(!has_key(lang, "no.such.key"));
        assert_eq!(format(lang, "no.such.key", None), None);
    }
}

#[test]
fn every_language_file_parses_with_the_same_ids_and_variables() {
    for lang in Lang::ALL {
        if let Err((_, errors)) = FluentResource::try_new(lang.source().to_string()) {
            panic!("{}.ftl does not parse: {errors:?}", lang.code());
        }
    }
    let reference = messages(Lang::ZhHans);
    assert!(reference.len() > 100);
    for lang in [Lang::ZhHant, Lang::En] {
        let have = messages(lang);
        let ids =
            |m: &[(String, Vec<String>)]| m.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        let missing: Vec<_> = ids(&reference)
            .into_iter()
            .filter(|k| !ids(&have).contains(k))
            .collect();
        let extra: Vec<_> = ids(&have)
            .into_iter()
            .filter(|k| !ids(&reference).contains(k))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has ids zh-Hans lacks: {extra:?}",
            lang.code()
        );
        for ((key, a), (_, b)) in reference
            .iter()
            .zip(have.iter())
            .filter(|(x, y)| x.0 == y.0)
        {
            assert_eq!(a, b, "{}: {key} uses other variables", lang.code());
        }
        let have: HashMap<_, _> = have.into_iter().collect();
        for (key, vars) in &reference {
            assert_eq!(
                Some(vars),
                have.get(key),
                "{}: {key} uses other variables",
                lang.code()
            );
        }
    }
    for lang in Lang::ALL {
        for key in keys(lang) {
            assert!(
                !Words::new(lang).t(&key).trim().is_empty(),
                "{}: {key} is empty",
                lang.code()
            );
        }
    }
}

/// The namespaces of the language files' keys (`plan`, `tui`, …).
fn namespaces() -> std::collections::BTreeSet<String> {
    keys(Lang::ZhHans)
        .iter()
        .map(|k| k.split('.').next().unwrap_or("").to_string())
        .collect()
}

/// Every file under `src/` with its text.
fn source_files() -> Vec<(std::path::PathBuf, String)> {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(src)];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files
}

/// Literals in `src/` that look like keys of the language files but are
/// something else (field paths in the policy checks).
const NOT_KEYS: &[&str] = &[
    "source.publisher",
    "source.title",
    "source.url",
    "cycle.submitted_on",
    "cycle.refused_on",
];

/// Every string literal in `src/` that names a message (a dotted key in
/// one of the files' namespaces: `"plan.title"`, in `t(…)`, `tf(…)`,
/// arrays and tables of keys alike) is in all three languages.
#[test]
fn every_key_used_in_src_exists_in_every_language() {
    let namespaces = namespaces();
    let mut missing = Vec::new();
    let mut seen = 0;
    for (path, text) in source_files() {
        for literal in text.split('"').skip(1).step_by(2) {
            let key_like = literal.contains('.')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
                && literal.split('.').all(|p| !p.is_empty());
            let namespace = literal.split('.').next().unwrap_or("");
            if !key_like || !namespaces.contains(namespace) || NOT_KEYS.contains(&literal) {
                continue;
            }
            seen += 1;
            for lang in Lang::ALL {
                if !has_key(lang, literal) {
                    missing.push(format!("{} ({}): {literal}", path.display(), lang.code()));
                }
            }
        }
    }
    assert!(seen > 200, "the scan found only {seen} keys");
    assert!(
        missing.is_empty(),
        "keys missing from the language files: {missing:#?}"
    );
}

/// The keys of the English messages that choose words by a number's
/// plural category (a select expression with a `[one]` variant).
fn plural_messages() -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    fn selects(pattern: &ast::Pattern<&str>) -> bool {
        pattern.elements.iter().any(|e| {
            matches!(
                e,
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. }
                } if variants.iter().any(|v| matches!(
                    v.key,
                    ast::VariantKey::Identifier { name: "one" }
                ))
            )
        })
    }
    let resource = FluentResource::try_new(Lang::En.source().to_string())
        .unwrap_or_else(|(_, e)| panic!("en.ftl: {e:?}"));
    let plural: Vec<String> = resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) if m.value.as_ref().is_some_and(selects) => {
                Some(m.id.name.replace('-', "."))
            }
            _ => None,
        })
        .collect();
    messages(Lang::En)
        .into_iter()
        .filter(|(k, _)| plural.contains(k))
        .collect()
}

/// English with every variable of `key` set to `n`.
fn english_with(key: &str, vars: &[String], n: &dyn std::fmt::Display) -> String {
    let args: Vec<(&str, &dyn std::fmt::Display)> = vars.iter().map(|v| (v.as_str(), n)).collect();
    Words::new(Lang::En).tf(key, &args)
}

/// A plural noun right after the number 1 ("1 days", "1 working
/// days"): the words an English reader trips on.
fn one_with_a_plural(text: &str) -> Option<String> {
    const PLURALS: &[&str] = &[
        "days",
        "months",
        "years",
        "weeks",
        "hours",
        "minutes",
        "seconds",
        "items",
        "routes",
        "questions",
        "diseases",
        "documents",
        "channels",
        "regions",
        "checklists",
        "files",
        "characters",
        "steps",
        "times",
        "entries",
        "changes",
        "lines",
        "numbers",
        "places",
    ];
    // Words as written, punctuation before a number and after a noun
    // aside: "(1 days)" counts, "month 1: months" does not.
    let mut words: Vec<&str> = text.split_whitespace().collect();
    words.extend(["", ""]);
    let bare = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    words.windows(3).find_map(|w| {
        let number = w[0].trim_start_matches(|c: char| !c.is_alphanumeric());
        let adjective = matches!(w[1], "working" | "more" | "required" | "calendar");
        let noun = bare(if adjective { w[2] } else { w[1] });
        (number == "1" && PLURALS.contains(&noun.as_str())).then(|| w.join(" "))
    })
}

/// English plurals agree with their numbers: every message that takes
/// a number says "1 day" and "2 days" (and "0 days"), and no message
/// set with 1 reads "1 days".
#[test]
fn english_plurals_agree_with_their_numbers() {
    let plural = plural_messages();
    assert!(
        plural.len() > 50,
        "only {} plural messages found",
        plural.len()
    );
    for (key, vars) in &plural {
        let one = english_with(key, vars, &1);
        let two = english_with(key, vars, &2);
        let zero = english_with(key, vars, &0);
        assert_ne!(one, two, "{key}: 1 and 2 read alike");
        assert_eq!(one_with_a_plural(&one), None, "{key}: {one}");
        assert!(
            one.contains("1 ") && two.contains("2 ") && zero.contains("0 "),
            "{key}: {one} / {two} / {zero}"
        );
    }
    for key in keys(Lang::En) {
        let vars = messages(Lang::En)
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .unwrap_or_default();
        let one = english_with(&key, &vars, &1);
        assert_eq!(one_with_a_plural(&one), None, "{key}: {one}");
    }
    // Digits a number does not write stay text: no category, no change.
    assert_eq!(
        Words::new(Lang::En).tf("plan.days_left", &[("n", &"0571")]),
        "0571 days left"
    );
    assert_eq!(
        Words::new(Lang::En).tf("plan.days_left", &[("n", &1)]),
        "1 day left"
    );
    assert_eq!(
        Words::new(Lang::En).tf("review.days", &[("n", &12393)]),
        "12393 working days"
    );
    assert_eq!(
        Words::new(Lang::ZhHans).tf("plan.days_left", &[("n", &1)]),
        "还剩 1 天"
    );
}

/// No key is put together at run time, where the check above cannot see
/// it: no `t(&format!(…))`, and no `format!` whose text begins like a
/// key (`"month.{m}"`). A key chosen by a value is a `match` or a table
/// of literal keys (see `dates::words::month_name`). The one exception
/// is the command line's (`clap.…`, see below).
#[test]
fn no_key_is_built_with_format() {
    let namespaces = namespaces();
    let mut built = Vec::new();
    for (path, text) in source_files() {
        for call in ["t(&format!(", "tf(&format!("] {
            // The call itself, not `report(&format!(` or `fit(…)`.
            let called = text.match_indices(call).any(|(i, _)| {
                !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            // This test file names the calls it looks for.
            if called && !path.ends_with("i18n/tests.rs") {
                built.push(format!("{}: {call}", path.display()));
            }
        }
        for rest in text.split("format!(\"").skip(1) {
            let head: String = rest
                .chars()
                .take_while(|c| *c != '{' && *c != '"')
                .collect();
            let namespace = head.split('.').next().unwrap_or("");
            let key_like = head.ends_with('.')
                && head
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
            // The command line's words follow clap's own ids, looked
            // up where present (`lookup`) with clap's words kept
            // otherwise; tests/i18n.rs reads the help in each language.
            if key_like && namespaces.contains(namespace) && namespace != "clap" {
                built.push(format!("{}: format!(\"{head}…", path.display()));
            }
        }
    }
    assert!(built.is_empty(), "keys built at run time: {built:#?}");
}

#[test]
fn arguments_are_values_never_read_for_placeholders() {
    let label = "{id}{region} { $n }";
    let text = Words::new(Lang::En).tf(
        "plan.title",
        &[("region", &label), ("benefit", &"{benefit}")],
    );
    assert_eq!(text, "Renewal plan · {id}{region} { $n } · {benefit}");
    // No isolation marks around values.
    assert!(
        !Words::new(Lang::En)
            .tf("plan.days_left", &[("n", &3)])
            .contains('\u{2068}')
    );
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    assert_eq!(clean("妈妈\u{1b}[2J\u{7}"), "妈妈[2J");
    assert_eq!(clean("a\tb\nc\r"), "a b\nc");
    assert_eq!(clean("\u{202E}abc"), "abc");
    let mut out = Vec::new();
    {
        let mut w = DisplayWriter::new(&mut out, Words::new(Lang::ZhHans));
        std::io::Write::write_all(&mut w, "x\u{1b}]0;title\u{7}y\n".as_bytes()).unwrap();
    }
    assert_eq!(String::from_utf8(out).unwrap(), "x]0;titley\n");
}

#[test]
fn languages_from_flags_and_locales() {
    assert_eq!(Lang::parse("zh-Hant"), Some(Lang::ZhHant));
    assert_eq!(Lang::parse("zh_TW.UTF-8"), Some(Lang::ZhHant));
    assert_eq!(Lang::parse("zh_HK"), Some(Lang::ZhHant));
    assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::ZhHans));
    assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::parse("fr_FR"), None);
    assert_eq!(Lang::from_env(None, Some("en_GB.UTF-8")), Lang::En);
    assert_eq!(
        Lang::from_env(Some("zh_TW.UTF-8"), Some("en_GB.UTF-8")),
        Lang::ZhHant
    );
    assert_eq!(Lang::from_env(Some(""), Some("C.UTF-8")), Lang::ZhHans);
}

#[test]
fn each_words_value_speaks_its_language() {
    assert_eq!(
        Words::new(Lang::En).tf("plan.days_left", &[("n", &3)]),
        "3 days left"
    );
    assert_eq!(
        Words::new(Lang::En).name("青海省海西州", Some("Haixi, Qinghai")),
        "青海省海西州 (Haixi, Qinghai)"
    );
    assert_eq!(Words::new(Lang::En).name("其他", None), "其他");
    assert_eq!(
        Words::new(Lang::ZhHant).data("门诊慢特病续期"),
        "門診慢特病續期"
    );
    assert_eq!(
        Words::new(Lang::ZhHant).name("审核期间", Some("review")),
        "審核期間"
    );
    assert_eq!(
        Words::new(Lang::ZhHans).tf("plan.days_left", &[("n", &3)]),
        "还剩 3 天"
    );
    assert_eq!(Words::new(Lang::ZhHans).data("门诊"), "门诊");
}

/// The help popup at 80x24 has 78 columns inside its border: every line
/// of the keys' help fits whole in each language, so none is cut (the
/// English line for numbers was cut at "(2").
#[test]
fn every_help_line_fits_the_popup_at_80_columns() {
    use unicode_width::UnicodeWidthStr;
    for lang in Lang::ALL {
        for key in keys(lang)
            .iter()
            .filter(|k| k.starts_with("tui.help.line."))
        {
            let line = Words::new(lang).t(key);
            assert!(
                line.width() <= 78,
                "{}: {key} is {} columns: {line}",
                lang.code(),
                line.width()
            );
        }
    }
}
