//! The words the program itself says (not policy data), one file per
//! language in `assets/i18n/`: Simplified Chinese, Traditional Chinese and
//! English. Whatever writes words for people takes a [`Words`] value (the
//! language and whether marks are folded to ASCII), chosen once at start-up
//! and passed down, so tests draw one screen per language side by side.
//!
//! Policy data stays in its source language (Simplified Chinese). In
//! Traditional mode it is converted for display (OpenCC, Taiwan standard);
//! in English mode names carry the English gloss the data provides.

use crate::text::is_invisible_or_bidi;
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

/// The words text is written in: a language, and whether the marks a
/// terminal may draw at either width are folded to ASCII (`--ascii`).
/// Chosen once at start-up and passed by value to everything that writes
/// for people; the Fluent catalogues behind it are shared and immutable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Words {
    pub lang: Lang,
    pub ascii: bool,
}

impl Words {
    /// `lang`'s words, marks as they are.
    pub const fn new(lang: Lang) -> Words {
        Words { lang, ascii: false }
    }

    /// The same words with the marks folded to ASCII, or not.
    pub const fn with_ascii(self, ascii: bool) -> Words {
        Words { ascii, ..self }
    }

    /// The text for `key`; Simplified Chinese when a translation is missing
    /// (a test keeps them complete), else the key.
    pub fn t(self, key: &str) -> &'static str {
        let cat = catalog(self.lang);
        let mut plain = cat.plain.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(text) = plain.get(key) {
            return text;
        }
        let text = format(self.lang, key, None)
            .or_else(|| format(Lang::ZhHans, key, None))
            .unwrap_or_else(|| key.to_string());
        let text: &'static str = Box::leak(text.into_boxed_str());
        plain.insert(key.to_string(), text);
        text
    }

    /// `t(key)` with its `{ $name }` variables set to these values. A value
    /// is put in as it is: a label typed as `{id}` stays `{id}`.
    pub fn tf(self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, fluent_value(value.to_string()));
        }
        format(self.lang, key, Some(&fluent_args))
            .or_else(|| format(Lang::ZhHans, key, Some(&fluent_args)))
            .unwrap_or_else(|| key.to_string())
    }

    /// The text for `key` when some language file has it.
    pub fn lookup(self, key: &str) -> Option<&'static str> {
        (has_key(self.lang, key) || has_key(Lang::ZhHans, key)).then(|| self.t(key))
    }

    /// Text as shown in these words: made safe by [`clean`], converted to
    /// Traditional characters in zh-Hant, marks folded under `--ascii`.
    pub fn data(self, text: &str) -> String {
        let text = to_script(self.lang, clean(text));
        if self.ascii {
            // After the Traditional conversion, whose 「」 are two columns wide.
            return ascii_fold(&text);
        }
        text
    }

    /// A name from the data: in English with its gloss when the data has
    /// one (`青海省海西州 (Haixi, Qinghai)`), else as [`Words::data`] shows it.
    pub fn name(self, zh: &str, en: Option<&str>) -> String {
        match (self.lang, en) {
            (Lang::En, Some(gloss)) if self.ascii => ascii_fold(&clean(&format!("{zh} ({gloss})"))),
            (Lang::En, Some(gloss)) => clean(&format!("{zh} ({gloss})")),
            // A place the data gives no English for: its reading from the
            // place index (石家庄 (Shijiazhuang)).
            (Lang::En, None) => match crate::places::latin_name(zh) {
                Some(latin) => self.name(zh, Some(&latin)),
                None => self.data(zh),
            },
            _ => self.data(zh),
        }
    }
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

/// The Fluent id of a dotted key: `plan.title` is `plan-title`.
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

fn has_key(lang: Lang, key: &str) -> bool {
    entry_source(lang, &fluent_id(key)).is_some()
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
    // Text with nothing to drop or replace (most of it) is copied whole,
    // not character by character.
    let changed = |c: char| c != '\n' && (c.is_control() || is_invisible_or_bidi(c));
    let Some(first) = text.find(changed) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    out.extend(text[first..].chars().filter_map(|c| match c {
        '\n' => Some('\n'),
        '\t' => Some(' '),
        c if c.is_control() || is_invisible_or_bidi(c) => None,
        c => Some(c),
    }));
    out
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

/// Traditional characters in zh-Hant; the text as it is otherwise.
fn to_script(lang: Lang, text: String) -> String {
    if lang != Lang::ZhHant {
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

/// A writer for people: it buffers text and on flush writes it through
/// [`Words::data`] (control characters dropped, Traditional in zh-Hant), so a
/// character split across writes is never cut.
pub struct DisplayWriter<W: std::io::Write> {
    inner: W,
    words: Words,
    pending: Vec<u8>,
}

impl<W: std::io::Write> DisplayWriter<W> {
    pub fn new(inner: W, words: Words) -> Self {
        DisplayWriter {
            inner,
            words,
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
            // Valid UTF-8 (all the program writes) is taken, not copied.
            let text = String::from_utf8(std::mem::take(&mut self.pending))
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            self.inner.write_all(self.words.data(&text).as_bytes())?;
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
mod tests;
