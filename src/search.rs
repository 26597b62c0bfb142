//! Finding a choice from what a person typed: an id, the Chinese name, an
//! alias, full pinyin (`haixi`), pinyin initials (`tnb` for 糖尿病), or an
//! unambiguous part of any of them. Keys are computed once per index, so a
//! keystroke only compares strings.

use pinyin::ToPinyin;

use crate::dates::to_half_width;

/// How well a query met a key; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchLevel {
    Exact,
    Prefix,
    Contains,
}

/// What a query resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    One(usize),
    /// Several choices match equally well: the person must say which.
    Ambiguous(Vec<usize>),
    /// Nothing matches; the nearest choices, best first.
    NotFound(Vec<usize>),
}

/// A text to match against, for one choice.
#[derive(Debug, Clone)]
struct Key {
    text: String,
    /// Ids and names outrank pinyin and aliases when both match exactly.
    primary: bool,
    /// An id or name, or the pinyin of one: not an alias.
    named: bool,
    /// Pinyin made from an alias: an exact match on it alone does not settle
    /// a choice that another's name also fits (the aliases themselves are
    /// the data's word and do).
    alias_pinyin: bool,
}

/// The longest query searched, in characters. No name is near this long;
/// a longer query (a paste gone wrong, a 50 MB line) matches nothing and is
/// never compared, since fuzzy matching costs query × key length.
pub const MAX_QUERY_CHARS: usize = 100;

/// The longest text kept as a key, in characters: data from a policy pack
/// can hold a name of any length, and every keystroke compares with it.
pub const MAX_KEY_CHARS: usize = 200;

/// Whether `text` is longer than a query may be.
pub fn too_long(text: &str) -> bool {
    text.chars().nth(MAX_QUERY_CHARS).is_some()
}

fn cut(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Vec<Key>>,
}

/// Lowercase, half-width, without spaces or separators people type freely.
pub fn normalize(text: &str) -> String {
    to_half_width(text)
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '-' | '_' | '\'' | '·' | '（' | '）' | '(' | ')')
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Full pinyin without tones and the initials, for the Chinese characters in
/// `text`; other characters are kept as they are.
pub fn pinyin_keys(text: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (c, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None if c.is_alphanumeric() => {
                full.extend(c.to_lowercase());
                initials.extend(c.to_lowercase());
            }
            None => {}
        }
    }
    (normalize(&full), normalize(&initials))
}

impl SearchIndex {
    /// `primary` are ids and names; `secondary` are aliases. Pinyin keys are
    /// made for every name and alias that has Chinese in it.
    pub fn add(&mut self, primary: &[&str], secondary: &[&str]) {
        let mut keys = Vec::new();
        for (texts, is_primary) in [(primary, true), (secondary, false)] {
            for text in texts {
                let text = cut(text, MAX_KEY_CHARS);
                let n = normalize(text);
                if n.is_empty() {
                    continue;
                }
                keys.push(Key {
                    text: n.clone(),
                    primary: is_primary,
                    named: is_primary,
                    alias_pinyin: false,
                });
                if !text.is_ascii() {
                    let (full, initials) = pinyin_keys(text);
                    for k in [full, initials] {
                        if !k.is_empty() && k != n {
                            keys.push(Key {
                                text: k,
                                primary: false,
                                named: is_primary,
                                alias_pinyin: !is_primary,
                            });
                        }
                    }
                }
            }
        }
        self.entries.push(keys);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best level at which `query` meets choice `i`, and whether that
    /// was on a primary key.
    fn score(&self, i: usize, query: &str) -> Option<(MatchLevel, bool)> {
        self.entries[i]
            .iter()
            .filter_map(|k| {
                let level = if k.text == query {
                    MatchLevel::Exact
                } else if k.text.starts_with(query) {
                    MatchLevel::Prefix
                } else if k.text.contains(query) {
                    MatchLevel::Contains
                } else {
                    return None;
                };
                // A name or id outranks an alias only when both match exactly:
                // a partial match on either is just as ambiguous.
                Some((level, level != MatchLevel::Exact || !k.primary))
            })
            .min()
            .map(|(level, secondary)| (level, !secondary))
    }

    /// Every choice matching `query`, best first, stable within a level.
    /// An empty query matches everything in order.
    pub fn filter(&self, query: &str) -> Vec<usize> {
        if too_long(query) {
            return Vec::new();
        }
        let q = normalize(&crate::i18n::to_simplified(query));
        if q.is_empty() {
            return (0..self.entries.len()).collect();
        }
        let mut hits: Vec<(MatchLevel, bool, usize)> = (0..self.entries.len())
            .filter_map(|i| self.score(i, &q).map(|(l, p)| (l, !p, i)))
            .collect();
        hits.sort();
        hits.into_iter().map(|(_, _, i)| i).collect()
    }

    /// Resolves `query` to one choice when it is unambiguous: an exact id or
    /// name wins over everything; otherwise the single best match.
    pub fn resolve(&self, query: &str) -> Resolution {
        if too_long(query) {
            // Nothing is that long; the nearest to its start, cheaply.
            let q = normalize(cut(query, MAX_QUERY_CHARS));
            return Resolution::NotFound(self.nearest(&q));
        }
        let q = normalize(&crate::i18n::to_simplified(query));
        if q.is_empty() {
            return Resolution::NotFound(self.nearest(&q));
        }
        let scored: Vec<(MatchLevel, bool, usize)> = (0..self.entries.len())
            .filter_map(|i| self.score(i, &q).map(|(l, p)| (l, p, i)))
            .collect();
        let Some(best) = scored.iter().map(|(l, p, _)| (*l, !*p)).min() else {
            return Resolution::NotFound(self.nearest(&q));
        };
        let top: Vec<usize> = scored
            .iter()
            .filter(|(l, p, _)| (*l, !*p) == best)
            .map(|(_, _, i)| *i)
            .collect();
        if top.len() == 1 {
            let one = top[0];
            // `tnb` is exactly the pinyin of an alias (糖尿病) of one choice but
            // also part of another's name (1型糖尿病): either may be meant.
            let on_alias_only = !self.entries[one]
                .iter()
                .any(|k| !k.alias_pinyin && k.text == q);
            if on_alias_only {
                let mut also: Vec<usize> = (0..self.entries.len())
                    .filter(|&i| {
                        i != one
                            && self.entries[i]
                                .iter()
                                .any(|k| k.named && k.text.contains(&q))
                    })
                    .collect();
                if !also.is_empty() {
                    also.insert(0, one);
                    return Resolution::Ambiguous(also);
                }
            }
            Resolution::One(one)
        } else {
            Resolution::Ambiguous(top)
        }
    }

    /// Up to five choices whose keys are closest to `query`.
    fn nearest(&self, query: &str) -> Vec<usize> {
        let mut scored: Vec<(i64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, keys)| {
                let best = keys
                    .iter()
                    .map(|k| {
                        (strsim::normalized_damerau_levenshtein(&k.text, query) * 1000.0) as i64
                    })
                    .max()
                    .unwrap_or(0);
                (-best, i)
            })
            .collect();
        scored.sort();
        scored.into_iter().take(5).map(|(_, i)| i).collect()
    }
}

/// The regions, searchable by id, name, short name, aliases and province.
pub fn region_index(policy: &crate::policy::PolicySet) -> SearchIndex {
    let mut idx = SearchIndex::default();
    for r in &policy.regions {
        let mut secondary: Vec<&str> = r.aliases.iter().map(String::as_str).collect();
        secondary.push(&r.province);
        secondary.extend(r.name_en.as_deref());
        idx.add(&[&r.id, &r.name, &r.short_name], &secondary);
    }
    idx
}

/// A region's diseases, searchable by id, name, aliases and English gloss.
pub fn disease_index(region: &crate::policy::Region) -> SearchIndex {
    let mut idx = SearchIndex::default();
    for d in &region.diseases {
        let mut secondary: Vec<&str> = d.aliases.iter().map(String::as_str).collect();
        secondary.extend(d.name_en.as_deref());
        idx.add(&[&d.id, &d.name], &secondary);
    }
    idx
}

/// The two schemes, in `Scheme::ALL` order.
pub fn scheme_index() -> SearchIndex {
    let mut idx = SearchIndex::default();
    for s in crate::policy::Scheme::ALL {
        idx.add(&[s.id(), s.name()], s.aliases());
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diseases() -> SearchIndex {
        let mut idx = SearchIndex::default();
        idx.add(&["hypertension", "高血压"], &["高血压病"]);
        idx.add(&["diabetes", "糖尿病"], &[]);
        idx.add(&["type1-diabetes", "1型糖尿病"], &[]);
        idx.add(&["cancer", "恶性肿瘤门诊治疗"], &["癌症", "肿瘤"]);
        idx.add(&["other", "其他病种"], &["其他"]);
        idx
    }

    #[test]
    fn pinyin_of_chinese_names() {
        assert_eq!(pinyin_keys("糖尿病"), ("tangniaobing".into(), "tnb".into()));
        assert_eq!(pinyin_keys("海西"), ("haixi".into(), "hx".into()));
        assert_eq!(pinyin_keys("1型糖尿病").1, "1xtnb");
    }

    #[test]
    fn ids_names_pinyin_and_initials() {
        let idx = diseases();
        assert_eq!(idx.resolve("gxy"), Resolution::One(0));
        assert_eq!(idx.resolve("tnb"), Resolution::One(1));
        assert_eq!(idx.resolve("TangNiaoBing"), Resolution::One(1));
        assert_eq!(idx.resolve("糖尿病"), Resolution::One(1));
        assert_eq!(idx.resolve("diabetes"), Resolution::One(1));
        assert_eq!(idx.resolve("癌症"), Resolution::One(3));
        assert_eq!(idx.resolve("肿瘤"), Resolution::One(3));
        assert_eq!(
            idx.resolve("ｔｎｂ"),
            Resolution::One(1),
            "full-width letters"
        );
    }

    #[test]
    fn exact_beats_partial_and_ties_are_ambiguous() {
        let mut idx = SearchIndex::default();
        idx.add(&["qingdao", "青岛"], &[]);
        idx.add(&["qinghai-haixi", "海西"], &["青海"]);
        assert_eq!(idx.resolve("青"), Resolution::Ambiguous(vec![0, 1]));
        assert_eq!(idx.resolve("青岛"), Resolution::One(0));
        assert_eq!(idx.resolve("qd"), Resolution::One(0));
        assert_eq!(idx.resolve("haixi"), Resolution::One(1));
        assert_eq!(idx.resolve("hx"), Resolution::One(1));
    }

    #[test]
    fn traditional_typing_finds_simplified_names() {
        let mut idx = SearchIndex::default();
        idx.add(&["qingdao", "青岛"], &[]);
        idx.add(&["haixi", "海西"], &[]);
        assert_eq!(idx.resolve("青島"), Resolution::One(0));
        assert_eq!(idx.filter("青島"), vec![0]);
        assert_eq!(diseases().resolve("腫瘤"), Resolution::One(3));
    }

    #[test]
    fn unknown_lists_the_nearest() {
        let idx = diseases();
        match idx.resolve("diabetis") {
            Resolution::NotFound(near) => assert_eq!(near[0], 1),
            other => panic!("{other:?}"),
        }
        assert!(matches!(idx.resolve(""), Resolution::NotFound(_)));
    }

    #[test]
    fn filter_ranks_exact_then_prefix_then_contains() {
        let idx = diseases();
        assert_eq!(idx.filter("tnb"), vec![1, 2]);
        assert_eq!(idx.filter(""), vec![0, 1, 2, 3, 4]);
        assert!(idx.filter("zzzz").is_empty());
    }

    #[test]
    fn queries_and_keys_are_bounded() {
        let mut idx = SearchIndex::default();
        let long_name = format!("{}tail", "x".repeat(MAX_KEY_CHARS + 50));
        idx.add(&["short"], &[long_name.as_str()]);
        idx.add(&["haixi"], &[]);
        // Only the first MAX_KEY_CHARS of a key are searched.
        assert!(idx.filter("tail").is_empty());
        assert_eq!(idx.filter("xxx"), vec![0]);
        // A query longer than MAX_QUERY_CHARS matches nothing, even a key it
        // is a part of, and is not compared character by character.
        let long_query = "x".repeat(MAX_QUERY_CHARS + 1);
        assert!(idx.filter(&long_query).is_empty());
        assert!(matches!(idx.resolve(&long_query), Resolution::NotFound(_)));
        assert!(matches!(
            idx.resolve(&"海".repeat(10_000_000)),
            Resolution::NotFound(_)
        ));
        assert_eq!(idx.filter(&"x".repeat(MAX_QUERY_CHARS)), vec![0]);
    }
}
