//! Typed text made comparable: what a Chinese keyboard or input method
//! types in full-width forms (１２, ｑ, 。) read as their ASCII forms, and
//! the normal form that names and queries are compared in, for dates,
//! numbers, labels and searches alike.

/// Full-width digits, letters and punctuation (U+FF01–U+FF5E) and the
/// ideographic space to their ASCII forms; 。 to `.` (a date typed as
/// 2026。3。31).
pub(crate) fn to_half_width(text: &str) -> String {
    text.chars().map(half_width).collect()
}

/// One character as [`to_half_width`] maps it.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '。' => '.',
        _ => c,
    }
}

/// Lowercase, half-width, without spaces or separators people type freely:
/// the form names and typed text are compared in.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(half_width) {
        if c.is_whitespace() || matches!(c, '-' | '_' | '\'' | '·' | '（' | '）' | '(' | ')') {
            continue;
        }
        // Chinese characters have no case: they skip the search through
        // the lowercase table (the names of every region and place a
        // start compares went through it character by character).
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
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

/// The most characters of a value quoted in a message; a longer one is
/// cut to its start and end.
const QUOTE_CHARS: usize = 80;

/// `value` whole when short; else its first and last characters around
/// `…`, with its length in characters: a 900 KB value in a bad file is
/// named, not echoed.
pub(crate) fn cut_long(value: &str) -> String {
    let n = value.chars().count();
    if n <= QUOTE_CHARS {
        return value.to_string();
    }
    let head: String = value.chars().take(QUOTE_CHARS / 2).collect();
    let tail: String = value.chars().skip(n - QUOTE_CHARS / 4).collect();
    format!("{head}…{tail} ({n} characters)")
}

/// `message` with each value quoted in it (between `"…"` or backticks, as
/// serde and our checks quote them) cut by [`cut_long`], and whatever is
/// left unquoted and still long cut too.
pub(crate) fn cut_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest.as_bytes()[open] as char;
        out.push_str(&rest[..=open]);
        let inner = &rest[open + 1..];
        // The closing quote, skipping escaped ones (`\"` in a Debug string).
        let mut close = None;
        let mut escaped = false;
        for (i, c) in inner.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                c if c == quote && !escaped => {
                    close = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        match close {
            Some(i) => {
                out.push_str(&cut_long(&inner[..i]));
                out.push(quote);
                rest = &inner[i + 1..];
            }
            None => {
                out.push_str(&cut_long(inner));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    if out.chars().count() > 4 * QUOTE_CHARS {
        return cut_long_at(&out, 4 * QUOTE_CHARS);
    }
    out
}

/// As [`cut_long`] with room for `max` characters.
fn cut_long_at(text: &str, max: usize) -> String {
    let n = text.chars().count();
    let head: String = text.chars().take(max / 2).collect();
    let tail: String = text.chars().skip(n - max / 4).collect();
    format!("{head}…{tail} ({n} characters)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quoted_values_are_cut_with_their_length() {
        let long = "x".repeat(1000);
        let said = cut_quoted(&format!(
            "unknown variant `a{long}b`, expected one of `web`, `app`"
        ));
        assert!(said.starts_with("unknown variant `axxx"), "{said}");
        assert!(said.contains("xxb (1002 characters)`"), "{said}");
        assert!(said.ends_with("expected one of `web`, `app`"), "{said}");
        let said = cut_quoted(&format!(r#"id "{long}\"q" is taken"#));
        assert!(said.contains("(1003 characters)\" is taken"), "{said}");
        // Short messages are left as they are.
        assert_eq!(cut_quoted("is \"empty\""), "is \"empty\"");
        assert!(cut_quoted(&long).chars().count() < 400);
    }

    #[test]
    fn full_width_forms_read_as_ascii() {
        assert_eq!(to_half_width("２０２６－０３－３１"), "2026-03-31");
        assert_eq!(to_half_width("ｑ\u{3000}Ａ"), "q A");
        assert_eq!(to_half_width("2026。3。31"), "2026.3.31");
        assert_eq!(to_half_width("糖尿病"), "糖尿病", "Chinese text is kept");
    }

    #[test]
    fn normalized_text_drops_case_width_and_free_separators() {
        assert_eq!(normalize(" Ｑing-Dao（青岛） "), "qingdao青岛");
        assert_eq!(normalize("fx_exact"), "fxexact");
    }

    /// `normalize` as it was written before its shortcuts for ASCII and
    /// Chinese characters.
    fn normalize_plainly(text: &str) -> String {
        to_half_width(text)
            .chars()
            .filter(|c| {
                !c.is_whitespace() && !matches!(c, '-' | '_' | '\'' | '·' | '（' | '）' | '(' | ')')
            })
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn the_shortcuts_change_nothing() {
        let cjk: String = ('\u{4DF0}'..='\u{A010}').collect();
        assert_eq!(normalize(&cjk), normalize_plainly(&cjk));
        let ascii: String = ('\0'..='\u{7F}').collect();
        assert_eq!(normalize(&ascii), normalize_plainly(&ascii));
    }

    proptest::proptest! {
        #[test]
        fn normalize_is_lowercasing_every_character(text in "\\PC*") {
            proptest::prop_assert_eq!(normalize(&text), normalize_plainly(&text));
        }
    }
}
