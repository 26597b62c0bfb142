//! Finding a choice from what a person typed: an id, the Chinese name, an
//! alias, full pinyin (`haixi`), pinyin initials (`tnb` for 糖尿病), or an
//! unambiguous part of any of them. Keys are computed once per index, so a
//! keystroke only compares strings. This module only matches: it knows
//! nothing of policy (`policy::index` builds the indexes of its data).

use std::borrow::Cow;

use pinyin::{ToPinyin, ToPinyinMulti};

use crate::text::normalize;

mod keys;
#[cfg(test)]
use keys::MAX_KEY_CHARS;
use keys::{Key, cut};

/// How well a query met a key; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MatchLevel {
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

/// The longest query searched, in characters. No name is near this long;
/// a longer query (a paste gone wrong, a 50 MB line) matches nothing and is
/// never compared, since fuzzy matching costs query × key length.
pub(crate) const MAX_QUERY_CHARS: usize = 100;

/// Whether `text` is longer than a query may be.
pub(crate) fn too_long(text: &str) -> bool {
    text.chars().nth(MAX_QUERY_CHARS).is_some()
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every entry's keys, one entry after another; empty for the embedded
    /// index, whose keys are read from its tables as they are compared.
    keys: Vec<Key>,
    /// Where each entry's keys end (in `keys`, or in the embedded tables).
    ends: Cow<'static, [u32]>,
    /// Per entry, where it goes among entries that match equally well,
    /// lower first (a larger place before a smaller one); 0 unless set.
    ranks: Cow<'static, [u8]>,
    /// Whether the keys are the embedded tables' (`embedded_region_index`).
    embedded: bool,
}

/// One key of an entry as compared: its text and flags (see [`Key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyView<'a> {
    text: &'a str,
    primary: bool,
    named: bool,
    alias_pinyin: bool,
    abbreviation: bool,
}

impl<'a> KeyView<'a> {
    fn of(key: &'a Key) -> KeyView<'a> {
        KeyView {
            text: &key.text,
            primary: key.primary,
            named: key.named,
            alias_pinyin: key.alias_pinyin,
            abbreviation: key.abbreviation,
        }
    }
}

/// Two indexes are equal when their entries have the same keys and ranks,
/// however they are stored.
impl PartialEq for SearchIndex {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self.ranks == other.ranks
            && (0..self.len()).all(|i| self.entry(i).eq(other.entry(i)))
    }
}

impl Eq for SearchIndex {}

/// Full pinyin without tones and the initials, for the Chinese characters in
/// `text`; other characters are kept as they are. Place names in it are read
/// as places are (长沙 changsha, 重庆 chongqing, 厦门 xiamen: the generated
/// readings of `data/places.json`), any other character by its common
/// reading; ü is written `v` (吕梁 lvliang).
pub(crate) fn pinyin_keys(text: &str) -> (String, String) {
    keys::read_with(text, crate::places::reading_at_start, |c| {
        c.to_pinyin().map(|p| (p.plain(), p.first_letter()))
    })
}

/// A query in the form keys are compared in: normalized, Traditional
/// characters read as Simplified, ü as `v` (lüliang, lvliang).
fn query_text(query: &str) -> String {
    normalize(&crate::i18n::to_simplified(query)).replace('ü', "v")
}

/// The most forms a query mixing characters and pinyin is read in.
const MAX_FORMS: usize = 16;

/// The query as typed and, when it mixes Chinese characters with pinyin
/// (长sha, 厦men), every way of reading its characters, each in full
/// pinyin (长sha: changsha, zhangsha). A polyphonic character takes each of
/// its readings, so the key of the place it is in (changsha) is met.
fn query_forms(q: &str) -> Vec<String> {
    let mut forms = vec![q.to_string()];
    let has_han = q.chars().any(|c| c.to_pinyin().is_some());
    if !(has_han && q.chars().any(|c| c.is_ascii_alphabetic())) {
        return forms;
    }
    let mut read = vec![String::new()];
    for c in q.chars() {
        let readings: Vec<&str> = match c.to_pinyin_multi() {
            Some(multi) => {
                let mut r: Vec<&str> = multi.into_iter().map(|p| p.plain()).collect();
                r.dedup();
                r
            }
            None => {
                read.iter_mut().for_each(|f| f.push(c));
                continue;
            }
        };
        let mut next = Vec::new();
        for f in &read {
            for r in &readings {
                if next.len() < MAX_FORMS {
                    next.push(format!("{f}{}", r.replace('ü', "v")));
                }
            }
        }
        read = next;
    }
    for f in read {
        if !forms.contains(&f) {
            forms.push(f);
        }
    }
    forms
}

/// How `key` meets `query`, if it does.
fn meets(key: &str, query: &str) -> Option<MatchLevel> {
    if key == query {
        Some(MatchLevel::Exact)
    } else if key.starts_with(query) {
        Some(MatchLevel::Prefix)
    } else if key.contains(query) {
        Some(MatchLevel::Contains)
    } else {
        None
    }
}

impl SearchIndex {
    /// `primary` are ids and names; `secondary` are aliases. Pinyin keys are
    /// made for every name and alias that has Chinese in it.
    pub(crate) fn add(&mut self, primary: &[&str], secondary: &[&str]) {
        self.add_keys(primary, secondary, true);
    }

    /// [`add`](Self::add), with or without pinyin-initial keys: a place
    /// listed only so its Chinese name is asked about (天津河西区) must not
    /// make the initials of a place with data (hx, 海西) ambiguous.
    pub(crate) fn add_keys(&mut self, primary: &[&str], secondary: &[&str], initials: bool) {
        self.add_with(primary, secondary, initials, &pinyin_keys);
    }

    /// [`add`](Self::add) with the readings `read` gives (full pinyin and
    /// initials of a text): generated ones, where a vocabulary has them.
    pub(crate) fn add_read(
        &mut self,
        primary: &[&str],
        secondary: &[&str],
        read: &dyn Fn(&str) -> (String, String),
    ) {
        self.add_with(primary, secondary, true, read);
    }

    fn add_with(
        &mut self,
        primary: &[&str],
        secondary: &[&str],
        initials: bool,
        read: &dyn Fn(&str) -> (String, String),
    ) {
        debug_assert!(!self.embedded, "the embedded index is made at build time");
        self.keys
            .extend(keys::entry_keys(primary, secondary, initials, read));
        let end = u32::try_from(self.keys.len()).expect("fewer than 2^32 keys");
        self.ends.to_mut().push(end);
        self.ranks.to_mut().push(0);
    }

    /// How many entries there are.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Entry `i`'s keys.
    fn entry(&self, i: usize) -> impl Iterator<Item = KeyView<'_>> + '_ {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        (start..self.ends[i] as usize).map(move |k| self.key(k))
    }

    /// Key `k` of all entries' keys.
    fn key(&self, k: usize) -> KeyView<'_> {
        if !self.embedded {
            return KeyView::of(&self.keys[k]);
        }
        let start = if k == 0 {
            0
        } else {
            embedded::KEY_ENDS[k - 1] as usize
        };
        let flags = embedded::KEY_FLAGS[k];
        // The flags as a key reads them (`Key::flags` wrote them).
        let key = Key::with_flags(Cow::Borrowed(""), flags);
        KeyView {
            text: &embedded::TEXT[start..embedded::KEY_ENDS[k] as usize],
            primary: key.primary,
            named: key.named,
            alias_pinyin: key.alias_pinyin,
            abbreviation: key.abbreviation,
        }
    }

    /// Puts the entry added last at `rank` among equal matches (lower
    /// first): `cs` lists 长沙 before the smaller places it also fits.
    pub(crate) fn rank_last(&mut self, rank: u8) {
        if let Some(r) = self.ranks.to_mut().last_mut() {
            *r = rank;
        }
    }

    /// The best level at which `query` meets choice `i`, and whether that
    /// was on a primary key.
    fn score(&self, i: usize, query: &str) -> Option<(MatchLevel, bool)> {
        self.entry(i)
            .filter_map(|k| {
                let level = meets(k.text, query)?;
                // A name or id outranks an alias only when both match exactly:
                // a partial match on either is just as ambiguous.
                Some((level, level != MatchLevel::Exact || !k.primary))
            })
            .min()
            .map(|(level, secondary)| (level, !secondary))
    }

    /// Where choice `i` goes in a filtered list for `query`, lower first:
    /// a name, id or the pinyin of a name met exactly, then an alias met
    /// exactly, then a name that begins with or contains the query, and
    /// only then an alias that does. (`xi` lists 西安 and 海西 before 青岛,
    /// whose alias 西海岸新区 merely begins with it.)
    fn list_rank(&self, i: usize, query: &str) -> Option<u8> {
        self.entry(i)
            .filter_map(|k| {
                let level = meets(k.text, query)?;
                Some(match (level, k.named) {
                    (MatchLevel::Exact, true) => 0,
                    (MatchLevel::Exact, false) => 1,
                    (MatchLevel::Prefix, true) => 2,
                    (MatchLevel::Contains, true) => 3,
                    (MatchLevel::Prefix, false) => 4,
                    (MatchLevel::Contains, false) => 5,
                })
            })
            .min()
    }

    /// Every choice matching `query`, best first (see `list_rank`), stable
    /// within a rank. An empty query matches everything in order.
    pub fn filter(&self, query: &str) -> Vec<usize> {
        if too_long(query) {
            return Vec::new();
        }
        let q = query_text(query);
        if q.is_empty() {
            return (0..self.len()).collect();
        }
        let forms = query_forms(&q);
        let mut hits: Vec<(u8, u8, usize)> = (0..self.len())
            .filter_map(|i| {
                let best = forms.iter().filter_map(|f| self.list_rank(i, f)).min()?;
                Some((best, self.ranks[i], i))
            })
            .collect();
        hits.sort_unstable();
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
        let q = query_text(query);
        if q.is_empty() {
            return Resolution::NotFound(self.nearest(&q));
        }
        let forms = query_forms(&q);
        if forms.len() > 1 {
            return self.resolve_forms(&forms);
        }
        self.resolve_one(&q)
    }

    /// A query read in several forms (长sha: changsha, zhangsha): what the
    /// forms find together; one choice when they agree on it.
    fn resolve_forms(&self, forms: &[String]) -> Resolution {
        let mut found: Vec<usize> = Vec::new();
        for f in forms {
            match self.resolve_one(f) {
                Resolution::One(i) => found.push(i),
                Resolution::Ambiguous(list) => found.extend(list),
                Resolution::NotFound(_) => {}
            }
        }
        let mut seen = std::collections::HashSet::new();
        found.retain(|i| seen.insert(*i));
        match found.len() {
            0 => Resolution::NotFound(self.nearest(&forms[0])),
            1 => Resolution::One(found[0]),
            _ => {
                found.sort_by_key(|&i| (self.ranks[i], i));
                Resolution::Ambiguous(found)
            }
        }
    }

    fn resolve_one(&self, q: &str) -> Resolution {
        let q = q.to_string();
        // A key met exactly is the best match there is: where one is, the
        // entries met exactly are the best, scored as `score` scores them,
        // and no key needs to be searched for the query.
        let mut scored: Vec<(MatchLevel, bool, usize)> = (0..self.len())
            .filter_map(|i| {
                let secondary = self.entry(i).filter(|k| k.text == q).map(|k| !k.primary);
                secondary.min().map(|s| (MatchLevel::Exact, !s, i))
            })
            .collect();
        if scored.is_empty() {
            scored = (0..self.len())
                .filter_map(|i| self.score(i, &q).map(|(l, p)| (l, p, i)))
                .collect();
        }
        let Some(best) = scored.iter().map(|(l, p, _)| (*l, !*p)).min() else {
            return Resolution::NotFound(self.nearest(&q));
        };
        let mut top: Vec<usize> = scored
            .iter()
            .filter(|(l, p, _)| (*l, !*p) == best)
            .map(|(_, _, i)| *i)
            .collect();
        top.sort_by_key(|&i| (self.ranks[i], i));
        if top.len() == 1 {
            let one = top[0];
            // `tnb` is exactly the pinyin of an alias (糖尿病) of one choice but
            // also part of another's name (1型糖尿病): either may be meant.
            let exact = || self.entry(one).filter(|k| k.text == q);
            let on_alias_only = !exact().any(|k| !k.alias_pinyin && !k.abbreviation);
            let abbreviation_only = exact().all(|k| k.abbreviation);
            if on_alias_only {
                let fits = |k: KeyView<'_>| {
                    k.named
                        && if abbreviation_only {
                            k.text.starts_with(&q)
                        } else {
                            k.text.contains(&q)
                        }
                };
                let mut also: Vec<usize> = (0..self.len())
                    .filter(|&i| i != one && self.entry(i).any(fits))
                    .collect();
                if !also.is_empty() {
                    also.sort_by_key(|&i| (self.ranks[i], i));
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
        let mut scored: Vec<(i64, usize)> = (0..self.len())
            .map(|i| {
                let best = self
                    .entry(i)
                    .map(|k| {
                        (strsim::normalized_damerau_levenshtein(k.text, query) * 1000.0) as i64
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

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_index.rs"));
}

/// `policy::index::region_index` of the embedded data (every region file and every
/// place), with each choice's key (a region id or a place code): made at
/// build time from the same files with the same code (`build.rs`,
/// [`keys`]), so a query that is no exact name is answered without
/// reading every region file or reading every name's pinyin
/// (`embedded_index_is_the_index_of_the_embedded_data` checks they agree).
pub(crate) fn embedded_region_index() -> (SearchIndex, Vec<&'static str>) {
    // Its keys stay in the tables: nothing is built for them at start-up.
    let index = SearchIndex {
        keys: Vec::new(),
        ends: Cow::Borrowed(&embedded::ENTRY_ENDS),
        ranks: Cow::Borrowed(&embedded::RANKS),
        embedded: true,
    };
    (index, embedded::CHOICE_KEYS.split('\n').collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_index_is_the_index_of_the_embedded_data() {
        let policy = crate::policy::PolicySet::embedded().unwrap();
        let choices = crate::policy::choices(&policy);
        let region_index_of = crate::policy::index::region_index_of;
        let (index, keys) = embedded_region_index();
        let at_run_time = region_index_of(&policy, &choices);
        assert_eq!(index.len(), choices.len());
        for (i, c) in choices.iter().enumerate() {
            assert_eq!(keys[i], c.key, "choice {i}");
            assert!(index.entry(i).eq(at_run_time.entry(i)), "{}", c.key);
            assert_eq!(index.ranks[i], at_run_time.ranks[i], "{}", c.key);
        }
        assert_eq!(index, at_run_time);
        // The data as loaded uses it; the data with a pack's file does not.
        assert_eq!(policy.region_index(&choices), at_run_time);
        let text = include_str!("../tests/fixtures/policy/regions/fx-exact.json");
        let file = crate::policy::inherit::RegionText {
            file: "fx-exact.json".into(),
            text: std::borrow::Cow::Borrowed(text),
        };
        let packed = policy.clone().with_files(vec![(file, "fx-exact".into())]);
        let packed_choices = crate::policy::choices(&packed);
        let packed_index = packed.region_index(&packed_choices);
        assert_eq!(packed_index, region_index_of(&packed, &packed_choices));
        assert_ne!(packed_index, index);
        // Pinyin, initials and Chinese keys are all there.
        for q in [
            "changsha",
            "cs",
            "haixi",
            "hx",
            "shijiazhuang",
            "sjz",
            "长沙",
            "xiamen",
        ] {
            assert_eq!(index.resolve(q), at_run_time.resolve(q), "{q}");
        }
    }

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
    fn a_one_character_alias_settles_only_what_no_other_name_begins_with() {
        let mut idx = SearchIndex::default();
        idx.add(&["110000", "北京市", "北京"], &["京"]);
        idx.add(&["320100", "南京市", "南京"], &[]);
        idx.add(&["140000", "山西省", "山西"], &["晋"]);
        idx.add(&["140500", "晋城市", "晋城"], &[]);
        assert_eq!(idx.resolve("京"), Resolution::One(0), "南京 ends with 京");
        assert_eq!(idx.resolve("晋"), Resolution::Ambiguous(vec![2, 3]));
        assert_eq!(idx.filter("晋")[0], 2);
    }

    /// Issue 14: `xi` listed 青岛 (its alias 西海岸新区 begins with xi)
    /// above 海西 and 西安, whose own names hold it.
    #[test]
    fn a_name_match_lists_before_an_alias_match() {
        let mut idx = SearchIndex::default();
        idx.add(
            &["shandong-qingdao", "山东省青岛市", "青岛"],
            &["西海岸新区", "山东省"],
        );
        idx.add(&["qinghai-haixi", "青海省海西州", "海西"], &["海西州"]);
        idx.add(&["610100", "西安市", "西安"], &[]);
        assert_eq!(idx.filter("xi"), vec![2, 1, 0]);
        // Exact initials of a name before an alias that merely begins so.
        let mut idx = SearchIndex::default();
        idx.add(&["a", "青岛"], &["海西岸"]);
        idx.add(&["b", "海西"], &[]);
        assert_eq!(idx.filter("hx"), vec![1, 0]);
        // An alias met exactly still comes before a name that only contains it.
        assert_eq!(diseases().filter("肿瘤"), vec![3]);
        let mut idx = SearchIndex::default();
        idx.add(&["a", "西海岸新区管委会"], &[]);
        idx.add(&["b", "青岛"], &["西海岸"]);
        assert_eq!(idx.filter("西海岸"), vec![1, 0]);
    }

    /// Issue 20: place names are read as places (长沙 changsha, not
    /// zhangsha), in any name that holds them; ü is typed v or u.
    #[test]
    fn place_names_are_read_by_their_own_reading() {
        assert_eq!(pinyin_keys("长沙"), ("changsha".into(), "cs".into()));
        assert_eq!(pinyin_keys("重庆市"), ("chongqingshi".into(), "cqs".into()));
        assert_eq!(pinyin_keys("福建省厦门市").0, "fujianshengxiamenshi");
        assert_eq!(pinyin_keys("青海省海西州").0, "qinghaishenghaixizhou");
        assert_eq!(pinyin_keys("吕梁").0, "lvliang");
        let mut idx = SearchIndex::default();
        idx.add(&["430100", "长沙市", "长沙"], &[]);
        idx.add(&["141100", "吕梁市", "吕梁"], &[]);
        for q in [
            "changsha",
            "chang sha",
            "chang'sha",
            "cs",
            "长sha",
            "长s",
            "chang沙",
        ] {
            assert_eq!(idx.resolve(q), Resolution::One(0), "{q}");
            assert_eq!(idx.filter(q), vec![0], "{q}");
        }
        for q in ["lvliang", "luliang", "lüliang", "吕liang"] {
            assert_eq!(idx.resolve(q), Resolution::One(1), "{q}");
        }
        assert!(matches!(idx.resolve("zhangsha"), Resolution::NotFound(_)));
    }

    /// Places that answer a query equally are listed larger first, as
    /// ranked, whatever their order in the index.
    #[test]
    fn equal_matches_list_by_rank() {
        let mut idx = SearchIndex::default();
        idx.add(&["a", "潮汕"], &[]);
        idx.rank_last(3);
        idx.add(&["b", "长沙"], &[]);
        idx.rank_last(1);
        idx.add(&["c", "赤水"], &[]);
        idx.rank_last(2);
        assert_eq!(idx.filter("cs"), vec![1, 2, 0]);
        assert_eq!(idx.resolve("cs"), Resolution::Ambiguous(vec![1, 2, 0]));
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
