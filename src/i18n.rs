//! The words the program itself says (not policy data), one file per
//! language in `assets/i18n/`: Simplified Chinese, Traditional Chinese and
//! English. The language is per thread (set once at start-up), so tests can
//! draw one screen per language side by side.
//!
//! Policy data stays in its source language (Simplified Chinese). In
//! Traditional mode it is converted for display (OpenCC, Taiwan standard);
//! in English mode names carry the English gloss the data provides.

use crate::text::is_invisible_or_bidi;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    ZhHans,
    ZhHant,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// `zh-Hans`, `zh-Hant`, `en` and the usual spellings of locales
    /// (`zh_CN.UTF-8`, `zh_TW`, `zh-HK`, `en_US.UTF-8`, `C`).
    pub fn parse(text: &str) -> Option<Lang> {
        let t = text.trim().to_ascii_lowercase().replace('_', "-");
        let t = t.split('.').next().unwrap_or("");
        match t {
            "zh-hans" | "zh-cn" | "zh-sg" | "zh" | "zh-hans-cn" => Some(Lang::ZhHans),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant-hk" => {
                Some(Lang::ZhHant)
            }
            _ if t.starts_with("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// From `LC_ALL`, then `LANG`; Simplified Chinese when neither says.
    pub fn from_env(lc_all: Option<&str>, lang: Option<&str>) -> Lang {
        [lc_all, lang]
            .into_iter()
            .flatten()
            .filter(|v| !v.is_empty())
            .find_map(Lang::parse)
            .unwrap_or(Lang::ZhHans)
    }

    fn source(self) -> &'static str {
        match self {
            Lang::ZhHans => include_str!("../assets/i18n/zh-Hans.ftl"),
            Lang::ZhHant => include_str!("../assets/i18n/zh-Hant.ftl"),
            Lang::En => include_str!("../assets/i18n/en.ftl"),
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::ZhHans) };
    static ASCII: Cell<bool> = const { Cell::new(false) };
}

/// `--ascii` for this thread: text shown to people (through [`data`] and
/// [`name`]) has its ambiguous-width marks replaced by ASCII ([`ascii_fold`]).
pub fn set_ascii(on: bool) {
    ASCII.with(|c| c.set(on));
}

pub(crate) fn ascii() -> bool {
    ASCII.with(Cell::get)
}

/// The marks a terminal may draw one or two columns wide (East Asian
/// Width "ambiguous", and the symbols beside them) as ASCII, for `--ascii`:
/// quotes, dots, dashes, arrows, ellipses, ticks and boxes. Chinese
/// characters and full-width punctuation, always two columns, stay.
pub(crate) fn ascii_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '“' | '”' | '„' => out.push('"'),
            '‘' | '’' => out.push('\''),
            '·' | '•' | '・' => out.push('-'),
            '–' | '—' | '―' | '─' => out.push('-'),
            '…' => out.push_str("..."),
            '↑' => out.push('^'),
            '↓' => out.push('v'),
            '←' => out.push('<'),
            '→' => out.push('>'),
            '►' | '▶' => out.push('>'),
            '☐' | '□' => out.push_str("[ ]"),
            '☑' | '■' => out.push_str("[x]"),
            '✓' | '✔' => out.push('v'),
            '✗' | '✘' | '×' => out.push('x'),
            '●' => out.push('*'),
            '○' => out.push('o'),
            '☎' => out.push('*'),
            '█' => out.push('#'),
            '░' => out.push('-'),
            '│' => out.push('|'),
            '§' => out.push('S'),
            '°' => out.push_str(" deg"),
            c => out.push(c),
        }
    }
    out
}

/// Sets the language for this thread.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

pub(crate) fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// One language's messages: the Fluent bundle, and each message id with the
/// variables its text uses (for the tests that keep the files in step).
struct Catalog {
    /// Only the messages asked for so far: each is parsed the first time
    /// (see [`entry_source`]), not the whole file at start-up.
    bundle: Mutex<FluentBundle<FluentResource>>,
    /// Formatted texts handed out as `&'static str` by [`t`].
    plain: Mutex<HashMap<String, &'static str>>,
}

fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS: [OnceLock<Catalog>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CATALOGS[i].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Terminals and files get the text as it is, without U+2068/U+2069.
        bundle.set_use_isolating(false);
        Catalog {
            bundle: Mutex::new(bundle),
            plain: Mutex::new(HashMap::new()),
        }
    })
}

mod entries {
    include!(concat!(env!("OUT_DIR"), "/embedded_i18n.rs"));
}

/// The source of message `id` in `lang`'s file: its lines up to the next
/// entry or comment, as `build.rs` found them (a message refers to no other,
/// so it parses alone as it does in the file:
/// `each_message_read_alone_formats_as_in_the_whole_file`).
fn entry_source(lang: Lang, id: &str) -> Option<&'static str> {
    let table: &[(u32, u32, u32)] = match lang {
        Lang::ZhHans => &entries::ZH_HANS,
        Lang::ZhHant => &entries::ZH_HANT,
        Lang::En => &entries::EN,
    };
    let source = lang.source();
    let at = table
        .binary_search_by(|&(start, id_end, _)| source[start as usize..id_end as usize].cmp(id))
        .ok()?;
    let (start, _, end) = table[at];
    source.get(start as usize..end as usize)
}

/// The Fluent id of a dotted key: `plan.title` is `plan-title`./// The Fluent id of a dotted key: `plan.title` is `plan-title`.
fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
}

/// The text of `key` in `lang` with these arguments, if that file has it.
/// Arguments are values: their text is never read for placeholders.
fn format(lang: Lang, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let id = fluent_id(key);
    let mut bundle = catalog(lang)
        .bundle
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if !bundle.has_message(&id) {
        // A test parses every file without errors; were one broken, the
        // entries that do parse are still used (and missing ones fall back).
        let resource = match FluentResource::try_new(entry_source(lang, &id)?.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    let pattern = bundle.get_message(&id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The text for `key` in this thread's language; Simplified Chinese when a
/// translation is missing (a test keeps them complete), else the key.
pub fn t(key: &str) -> &'static str {
    let lang = lang();
    let cat = catalog(lang);
    let mut plain = cat.plain.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(text) = plain.get(key) {
        return text;
    }
    let text = format(lang, key, None)
        .or_else(|| format(Lang::ZhHans, key, None))
        .unwrap_or_else(|| key.to_string());
    let text: &'static str = Box::leak(text.into_boxed_str());
    plain.insert(key.to_string(), text);
    text
}

/// The text for `key` when some language file has it.
pub(crate) fn lookup(key: &str) -> Option<&'static str> {
    (has_key(lang(), key) || has_key(Lang::ZhHans, key)).then(|| t(key))
}

fn has_key(lang: Lang, key: &str) -> bool {
    entry_source(lang, &fluent_id(key)).is_some()
}

/// `t(key)` with its `{ $name }` variables set to these values. A value is
/// put in as it is: a label typed as `{id}` stays `{id}`.
pub fn tf(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, fluent_value(value.to_string()));
    }
    format(lang(), key, Some(&fluent_args))
        .or_else(|| format(Lang::ZhHans, key, Some(&fluent_args)))
        .unwrap_or_else(|| key.to_string())
}

/// An argument as Fluent takes it: a whole number written as the program
/// writes one (no sign but a minus, no leading zero, no grouping) is a
/// Fluent number, so a message can choose its words by plural category
/// (`[one] { $n } day *[other] { $n } days`) and it prints the same digits;
/// anything else (an area code `0571`, a range `1–5`, a label) is text.
fn fluent_value(text: String) -> FluentValue<'static> {
    match text.parse::<i64>() {
        Ok(n) if text.len() <= 15 && n.to_string() == text => FluentValue::from(n),
        _ => FluentValue::from(text),
    }
}

/// Every key of a language's file, dotted as the code writes them.
pub fn keys(lang: Lang) -> Vec<String> {
    let mut k: Vec<String> = messages(lang).into_iter().map(|(k, _)| k).collect();
    k.sort_unstable();
    k
}

/// Every message of a language's file: its dotted key and the variables its
/// text uses, sorted.
fn messages(lang: Lang) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    fn vars(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    vars(&v.value, out);
                }
            }
        }
    }
    fn inline(i: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    let resource = match FluentResource::try_new(lang.source().to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => {
                let mut v = Vec::new();
                if let Some(p) = &m.value {
                    vars(p, &mut v);
                }
                v.sort();
                v.dedup();
                Some((m.id.name.replace('-', "."), v))
            }
            _ => None,
        })
        .collect()
}

/// Text safe to put on a terminal or in an export: control characters
/// (an escape sequence in a label or a data file, C1 controls), bidirectional
/// controls and zero-width characters are dropped, tabs become spaces, line
/// breaks stay.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() || is_invisible_or_bidi(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Pretty JSON for programs, with the text as the data holds it but no
/// character a terminal would act on or hide raw in the output: controls
/// (C0, DEL, C1), bidirectional controls, zero-width characters and the
/// line/paragraph separators are written as `\uXXXX` escapes, which every
/// JSON reader turns back into the same text.
pub(crate) fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' || is_invisible_or_bidi(c) || is_line_separator(c))
    {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        // Outside strings JSON has only ASCII punctuation, digits, letters
        // and whitespace, so every such character is inside a string.
        if c != '\n' && (c.is_control() || is_invisible_or_bidi(c) || is_line_separator(c)) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text as shown in this thread's language, made safe by `clean`, and
/// converted to Traditional characters in zh-Hant.
pub fn data(text: &str) -> String {
    let text = clean(text);
    if ascii() {
        // After the Traditional conversion, whose 「」 are two columns wide.
        return ascii_fold(&to_script(text));
    }
    to_script(text)
}

/// Traditional characters in zh-Hant; the text as it is otherwise.
fn to_script(text: String) -> String {
    if lang() != Lang::ZhHant {
        return text;
    }
    static CONVERTER: OnceLock<Option<ferrous_opencc::OpenCC>> = OnceLock::new();
    match CONVERTER.get_or_init(|| {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2tw).ok()
    }) {
        Some(cc) => one_form(&taiwan_quotes(&cc.convert(&text))),
        None => taiwan_quotes(&text),
    }
}

/// One written form where the converter gives two for one word: 复审
/// ("review") is 複審 in standard Traditional; after 进行 the character
/// table gives 復審 (as in 恢復), so a page said both.
fn one_form(text: &str) -> String {
    text.replace("復審", "複審")
}

/// Policy text is converted character by character (OpenCC `s2tw`), not
/// phrase by phrase: the Taiwan phrase table (`s2twp`) would turn 审核通过
/// into 稽核透過 and the service counter 窗口 into 視窗, changing what the
/// words mean and making official names unrecognisable at the counter.
/// Only the quotation marks follow the Taiwan convention.
fn taiwan_quotes(text: &str) -> String {
    text.replace('“', "「")
        .replace('”', "」")
        .replace('‘', "『")
        .replace('’', "』")
}

/// What a person typed, in Simplified characters, so a search typed with a
/// Traditional input method (青島, 糖尿病) finds the Simplified data.
/// ASCII (ids, pinyin) is returned as it is, without loading a dictionary.
pub(crate) fn to_simplified(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    static CONVERTER: OnceLock<Option<ferrous_opencc::OpenCC>> = OnceLock::new();
    match CONVERTER.get_or_init(|| {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::Tw2s).ok()
    }) {
        Some(cc) => cc.convert(text),
        None => text.to_string(),
    }
}

/// A name from the data: in English with its gloss when the data has one
/// (`青海省海西州 (Haixi, Qinghai)`), else as `data` shows it.
pub(crate) fn name(zh: &str, en: Option<&str>) -> String {
    match (lang(), en) {
        (Lang::En, Some(gloss)) if ascii() => ascii_fold(&clean(&format!("{zh} ({gloss})"))),
        (Lang::En, Some(gloss)) => clean(&format!("{zh} ({gloss})")),
        // A place the data gives no English for: its reading from the
        // place index (石家庄 (Shijiazhuang)).
        (Lang::En, None) => match crate::places::latin_name(zh) {
            Some(latin) => name(zh, Some(&latin)),
            None => data(zh),
        },
        _ => data(zh),
    }
}

/// A writer for people: it buffers text and on flush writes it through
/// `data` (control characters dropped, Traditional in zh-Hant), so a
/// character split across writes is never cut.
pub struct DisplayWriter<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> DisplayWriter<W> {
    pub fn new(inner: W) -> Self {
        DisplayWriter {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for DisplayWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let text = String::from_utf8_lossy(&self.pending).into_owned();
            self.pending.clear();
            self.inner.write_all(data(&text).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for DisplayWriter<W> {
    fn drop(&mut self) {
        let _ = std::io::Write::flush(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 26: zh-Hant said 復審 in 需进行复审 and 複審 elsewhere.
    #[test]
    fn review_is_written_one_way_in_traditional() {
        set_lang(Lang::ZhHant);
        let said = data("到期人员需进行复审。续期（复审）时");
        set_lang(Lang::ZhHans);
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
            set_lang(lang);
            for key in keys(lang) {
                assert!(
                    !t(&key).trim().is_empty(),
                    "{}: {key} is empty",
                    lang.code()
                );
            }
        }
        set_lang(Lang::ZhHans);
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
        let namespaces: std::collections::BTreeSet<String> = keys(Lang::ZhHans)
            .iter()
            .map(|k| k.split('.').next().unwrap_or("").to_string())
            .collect();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut missing = Vec::new();
        let mut seen = 0;
        let mut stack = vec![std::path::PathBuf::from(src)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for literal in text.split('"').skip(1).step_by(2) {
                    let key_like = literal.contains('.')
                        && literal.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'
                        })
                        && literal.split('.').all(|p| !p.is_empty());
                    let namespace = literal.split('.').next().unwrap_or("");
                    if !key_like || !namespaces.contains(namespace) || NOT_KEYS.contains(&literal) {
                        continue;
                    }
                    seen += 1;
                    for lang in Lang::ALL {
                        if !has_key(lang, literal) {
                            missing.push(format!(
                                "{} ({}): {literal}",
                                path.display(),
                                lang.code()
                            ));
                        }
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
        let args: Vec<(&str, &dyn std::fmt::Display)> =
            vars.iter().map(|v| (v.as_str(), n)).collect();
        tf(key, &args)
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
        set_lang(Lang::En);
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
        assert_eq!(tf("plan.days_left", &[("n", &"0571")]), "0571 days left");
        assert_eq!(tf("plan.days_left", &[("n", &1)]), "1 day left");
        assert_eq!(tf("review.days", &[("n", &12393)]), "12393 working days");
        set_lang(Lang::ZhHans);
        assert_eq!(tf("plan.days_left", &[("n", &1)]), "还剩 1 天");
    }

    /// No key is put together at run time, where the check above cannot see
    /// it: no `t(&format!(…))`, and no `format!` whose text begins like a
    /// key (`"month.{m}"`). A key chosen by a value is a `match` or a table
    /// of literal keys (see `dates::words::month_name`). The one exception
    /// is the command line's (`clap.…`, see below).
    #[test]
    fn no_key_is_built_with_format() {
        let namespaces: std::collections::BTreeSet<String> = keys(Lang::ZhHans)
            .iter()
            .map(|k| k.split('.').next().unwrap_or("").to_string())
            .collect();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut built = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(src)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for call in ["t(&format!(", "tf(&format!("] {
                    // The call itself, not `report(&format!(` or `fit(…)`.
                    let called = text.match_indices(call).any(|(i, _)| {
                        !text[..i]
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_')
                    });
                    if called && !path.ends_with("i18n.rs") {
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
        }
        assert!(built.is_empty(), "keys built at run time: {built:#?}");
    }

    #[test]
    fn arguments_are_values_never_read_for_placeholders() {
        set_lang(Lang::En);
        let label = "{id}{region} { $n }";
        let text = tf(
            "plan.title",
            &[("region", &label), ("benefit", &"{benefit}")],
        );
        assert_eq!(text, "Renewal plan · {id}{region} { $n } · {benefit}");
        // No isolation marks around values.
        assert!(!tf("plan.days_left", &[("n", &3)]).contains('\u{2068}'));
        set_lang(Lang::ZhHans);
    }

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(clean("妈妈\u{1b}[2J\u{7}"), "妈妈[2J");
        assert_eq!(clean("a\tb\nc\r"), "a b\nc");
        assert_eq!(clean("\u{202E}abc"), "abc");
        let mut out = Vec::new();
        {
            let mut w = DisplayWriter::new(&mut out);
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
    fn per_thread_language_and_data_display() {
        set_lang(Lang::En);
        assert_eq!(tf("plan.days_left", &[("n", &3)]), "3 days left");
        assert_eq!(
            name("青海省海西州", Some("Haixi, Qinghai")),
            "青海省海西州 (Haixi, Qinghai)"
        );
        assert_eq!(name("其他", None), "其他");
        set_lang(Lang::ZhHant);
        assert_eq!(data("门诊慢特病续期"), "門診慢特病續期");
        assert_eq!(name("审核期间", Some("review")), "審核期間");
        set_lang(Lang::ZhHans);
        assert_eq!(tf("plan.days_left", &[("n", &3)]), "还剩 3 天");
        assert_eq!(data("门诊"), "门诊");
    }
}
