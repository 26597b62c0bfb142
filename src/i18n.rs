//! The words the program itself says (not policy data), one file per
//! language in `assets/i18n/`: Simplified Chinese, Traditional Chinese and
//! English. The language is per thread (set once at start-up), so tests can
//! draw one screen per language side by side.
//!
//! Policy data stays in its source language (Simplified Chinese). In
//! Traditional mode it is converted for display (OpenCC, Taiwan standard);
//! in English mode names carry the English gloss the data provides.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

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
            Lang::ZhHans => include_str!("../assets/i18n/zh-Hans.json"),
            Lang::ZhHant => include_str!("../assets/i18n/zh-Hant.json"),
            Lang::En => include_str!("../assets/i18n/en.json"),
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::ZhHans) };
}

/// Sets the language for this thread.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

fn table(lang: Lang) -> &'static HashMap<String, String> {
    static TABLES: [OnceLock<HashMap<String, String>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    // Every file is checked by a test; an unreadable one falls back to keys.
    TABLES[i].get_or_init(|| serde_json::from_str(lang.source()).unwrap_or_default())
}

/// The text for `key` in this thread's language; Simplified Chinese when a
/// translation is missing (a test keeps them complete), else the key.
pub fn t(key: &str) -> &'static str {
    table(lang())
        .get(key)
        .or_else(|| table(Lang::ZhHans).get(key))
        .map(String::as_str)
        .unwrap_or_else(|| Box::leak(key.to_string().into_boxed_str()))
}

/// The text for `key` when some language file has it.
pub fn lookup(key: &str) -> Option<&'static str> {
    table(lang())
        .get(key)
        .or_else(|| table(Lang::ZhHans).get(key))
        .map(String::as_str)
}

/// `t(key)` with `{name}` placeholders replaced.
pub fn tf(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut text = t(key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// Every key of a language's file.
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let mut k: Vec<&str> = table(lang).keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

/// Characters that are invisible or turn text around on screen: zero-width
/// spaces and joiners, the word joiner and invisible operators, the
/// byte-order mark, and the bidirectional marks, embeddings, overrides and
/// isolates. They hide or reorder what a person reads (a phone number shown
/// backwards, two names that look the same).
pub fn is_invisible_or_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Text safe to put on a terminal or in an export: control characters
/// (an escape sequence in a label or a data file, C1 controls), bidirectional
/// controls and zero-width characters are dropped, tabs become spaces, line
/// breaks stay.
pub fn clean(text: &str) -> String {
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
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
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
    if lang() != Lang::ZhHant {
        return text;
    }
    static CONVERTER: OnceLock<Option<ferrous_opencc::OpenCC>> = OnceLock::new();
    match CONVERTER.get_or_init(|| {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2tw).ok()
    }) {
        Some(cc) => taiwan_quotes(&cc.convert(&text)),
        None => taiwan_quotes(&text),
    }
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
pub fn to_simplified(text: &str) -> String {
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
pub fn name(zh: &str, en: Option<&str>) -> String {
    match (lang(), en) {
        (Lang::En, Some(gloss)) => clean(&format!("{zh} ({gloss})")),
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

    #[test]
    fn every_language_file_parses_with_the_same_keys() {
        let reference = keys(Lang::ZhHans);
        assert!(reference.len() > 100);
        for lang in [Lang::ZhHant, Lang::En] {
            let parsed: HashMap<String, String> =
                serde_json::from_str(lang.source()).expect("parses");
            let have = keys(lang);
            let missing: Vec<_> = reference
                .iter()
                .filter(|k| !parsed.contains_key(**k))
                .collect();
            let extra: Vec<_> = have.iter().filter(|k| !reference.contains(k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(
                extra.is_empty(),
                "{} has keys zh-Hans lacks: {extra:?}",
                lang.code()
            );
            for k in &reference {
                let (a, b) = (&table(Lang::ZhHans)[*k], &parsed[*k]);
                let holes = |s: &str| {
                    let mut v: Vec<String> = s
                        .split('{')
                        .skip(1)
                        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                        .collect();
                    v.sort();
                    v
                };
                assert_eq!(
                    holes(a),
                    holes(b),
                    "{}: {k} placeholders differ",
                    lang.code()
                );
                assert!(!b.trim().is_empty(), "{}: {k} is empty", lang.code());
            }
        }
    }

    #[test]
    fn every_key_used_in_src_exists() {
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(src)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for pattern in ["t(\"", "tf(\""] {
                    for (i, _) in text.match_indices(pattern) {
                        let before = text[..i].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                            continue;
                        }
                        let rest = &text[i + pattern.len()..];
                        let key = &rest[..rest.find('"').unwrap()];
                        if key.contains('.') && !table(Lang::ZhHans).contains_key(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys missing from zh-Hans.json: {missing:#?}"
        );
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
