//! The keys a search compares a query with, made from a choice's names and
//! their readings. Pure and free of the crate's other modules (but
//! `text::normalize`), so `build.rs` compiles it in and makes the keys of
//! the embedded data and every place with this very code: a plan asked by
//! pinyin then builds no index at start-up (see `search::embedded_region_index`).

use std::borrow::Cow;

use crate::text::normalize;

/// The longest text kept as a key, in characters: data from a policy pack
/// can hold a name of any length, and every keystroke compares with it.
pub(crate) const MAX_KEY_CHARS: usize = 200;

pub(crate) fn cut(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// A text to match against, for one choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Key {
    pub text: Cow<'static, str>,
    /// Ids and names outrank pinyin and aliases when both match exactly.
    pub primary: bool,
    /// An id or name, or the pinyin of one: not an alias.
    pub named: bool,
    /// Pinyin made from an alias: an exact match on it alone does not settle
    /// a choice that another's name also fits (the aliases themselves are
    /// the data's word and do).
    pub alias_pinyin: bool,
    /// A one-character alias (京, 青, 晋: a province's abbreviation): it
    /// settles a choice only when no other name begins with it (晋 could
    /// be 山西 or 晋城).
    pub abbreviation: bool,
}

impl Key {
    /// The flags as one byte (for the table `build.rs` writes).
    #[allow(dead_code)] // build.rs uses it
    pub(crate) fn flags(&self) -> u8 {
        u8::from(self.primary)
            | u8::from(self.named) << 1
            | u8::from(self.alias_pinyin) << 2
            | u8::from(self.abbreviation) << 3
    }

    pub(crate) fn with_flags(text: Cow<'static, str>, flags: u8) -> Key {
        Key {
            text,
            primary: flags & 1 != 0,
            named: flags & 2 != 0,
            alias_pinyin: flags & 4 != 0,
            abbreviation: flags & 8 != 0,
        }
    }
}

/// Full pinyin without tones and the initials of `text`: place names in it
/// as `reading_at_start` reads them (the longest place name at the start,
/// with its syllables separated by spaces), any other character by
/// `char_pinyin` (its plain reading and first letter); other alphanumeric
/// characters are kept as they are. ü is written `v`.
pub(crate) fn read_with<'r>(
    text: &str,
    reading_at_start: impl Fn(&str) -> Option<(&'r str, &'r str)>,
    char_pinyin: impl Fn(char) -> Option<(&'r str, &'r str)>,
) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((phrase, reading)) = reading_at_start(rest) {
            for syllable in reading.split(' ') {
                full.push_str(syllable);
                initials.extend(syllable.chars().next());
            }
            rest = &rest[phrase.len()..];
            continue;
        }
        match char_pinyin(c) {
            Some((plain, first)) => {
                full.push_str(plain);
                initials.push_str(first);
            }
            None if c.is_alphanumeric() => {
                full.extend(c.to_lowercase());
                initials.extend(c.to_lowercase());
            }
            None => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    (normalize(&full).replace('ü', "v"), normalize(&initials))
}

/// The keys of one choice: `primary` are ids and names, `secondary` are
/// aliases; each name with Chinese in it gets its full pinyin (and with u
/// for ü) and, when `initials`, its pinyin initials, read by `read`.
pub(crate) fn entry_keys(
    primary: &[&str],
    secondary: &[&str],
    initials: bool,
    read: &dyn Fn(&str) -> (String, String),
) -> Vec<Key> {
    let mut keys = Vec::new();
    for (texts, is_primary) in [(primary, true), (secondary, false)] {
        for text in texts {
            let text = cut(text, MAX_KEY_CHARS);
            let n = normalize(text);
            if n.is_empty() {
                continue;
            }
            keys.push(Key {
                text: Cow::Owned(n.clone()),
                primary: is_primary,
                named: is_primary,
                alias_pinyin: false,
                abbreviation: !is_primary && n.chars().count() == 1 && !n.is_ascii(),
            });
            if !text.is_ascii() {
                let (full, first_letters) = read(text);
                let first_letters = if initials {
                    first_letters
                } else {
                    String::new()
                };
                // ü typed as u too (luliang for 吕梁, as many do).
                let with_u = if full.contains('v') {
                    full.replace('v', "u")
                } else {
                    String::new()
                };
                for k in [full, with_u, first_letters] {
                    if !k.is_empty() && k != n {
                        keys.push(Key {
                            text: Cow::Owned(k),
                            primary: false,
                            named: is_primary,
                            alias_pinyin: !is_primary,
                            abbreviation: false,
                        });
                    }
                }
            }
        }
    }
    keys
}
