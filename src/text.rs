//! Typed text made comparable: what a Chinese keyboard or input method
//! types in full-width forms (１２, ｑ, 。) read as their ASCII forms, and
//! the normal form that names and queries are compared in, for dates,
//! numbers, labels and searches alike.

/// Full-width digits, letters and punctuation (U+FF01–U+FF5E) and the
/// ideographic space to their ASCII forms; 。 to `.` (a date typed as
/// 2026。3。31).
pub(crate) fn to_half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            _ => c,
        })
        .collect()
}

/// Lowercase, half-width, without spaces or separators people type freely:
/// the form names and typed text are compared in.
pub(crate) fn normalize(text: &str) -> String {
    to_half_width(text)
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '-' | '_' | '\'' | '·' | '（' | '）' | '(' | ')')
        })
        .flat_map(char::to_lowercase)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
