//! No import cycle between the top-level modules of `src/` (issue 24).
//!
//! Every path the library's own code names (`use crate::x`, `crate::x::f`,
//! `use crate::{x, y::z}`, and `super::x` where `super` is the crate root)
//! is an arrow from the file's top-level module to `x`. Test code
//! (`#[cfg(test)]` items and the files they declare) is left out: a test
//! of the plan may well render a document. Comments and string literals
//! are skipped. The arrows must form no cycle: the test names each module
//! of a cycle and every line that makes one of its arrows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Arrows between top-level modules: (from, to) → the `file:line`s making it.
type Arrows = BTreeMap<(String, String), Vec<String>>;

#[test]
fn no_import_cycle_between_top_level_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let arrows = arrows_of_tree(&src);
    assert!(
        arrows.len() > 20,
        "the scan found too few arrows to be reading src/: {arrows:?}"
    );
    let cycles = cycles(&arrows);
    let mut report = String::new();
    for cycle in &cycles {
        report.push_str(&format!("cycle: {}\n", cycle.join(", ")));
        for ((from, to), lines) in &arrows {
            if cycle.contains(from) && cycle.contains(to) {
                report.push_str(&format!("  {from} -> {to}: {}\n", lines.join(" ")));
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles in src/:\n{report}");
}

/// The scanner finds the arrows of every way of naming a module, and none
/// in comments, strings or test code; a cycle of three is found.
#[test]
fn the_scan_sees_every_form_and_a_cycle() {
    let code = r##"
//! Talks of crate::doc_comment.
use crate::{alpha, beta::{One, two}};
use crate::gamma::Thing;
/* crate::in_block */
fn f() -> u8 { crate::delta::g(); let _ = "crate::in_string"; let _ = r#"crate::raw"#; let c = '"'; super::epsilon::h() }
#[cfg(test)]
mod tests {
    use crate::in_tests;
}
#[cfg(all(test, unix))]
use crate::in_test_use;
fn after<'a>(x: &'a str) { crate::zeta::k(x) }
"##;
    let names = paths_named(code, &["top".to_string()]);
    let found: BTreeSet<&str> = names.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(
        found,
        BTreeSet::from(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"])
    );
    // `super` inside `top::inner` is `top`: no arrow out.
    assert!(paths_named("use super::sibling;", &["top".into(), "inner".into()]).is_empty());

    let mut arrows = Arrows::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        arrows.insert((from.into(), to.into()), vec![]);
    }
    assert_eq!(cycles(&arrows), vec![vec!["a", "b", "c"]]);
}

/// Every arrow of the library's code under `src`.
fn arrows_of_tree(src: &Path) -> Arrows {
    let mut files = Vec::new();
    walk(src, &mut files);
    let test_files = test_files(src, &files);
    let mut arrows = Arrows::new();
    for file in &files {
        let rel = file.strip_prefix(src).unwrap();
        if ["lib.rs", "main.rs"].contains(&rel.to_str().unwrap())
            || test_files.iter().any(|t| file.starts_with(t))
        {
            continue;
        }
        let path = module_path(rel);
        let text = std::fs::read_to_string(file).unwrap();
        for (to, line) in paths_named(&text, &path) {
            if to != path[0] && top_level(src, &to) {
                arrows
                    .entry((path[0].clone(), to))
                    .or_default()
                    .push(format!("{}:{line}", rel.display()));
            }
        }
    }
    arrows
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Whether `name` is a module of the crate root (`src/name.rs` or `src/name/`).
fn top_level(src: &Path, name: &str) -> bool {
    src.join(format!("{name}.rs")).is_file() || src.join(name).is_dir()
}

/// `a/b.rs` → [a, b]; `a/mod.rs` → [a]; `a.rs` → [a].
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_str().unwrap().trim_end_matches(".rs").to_string())
        .collect();
    if parts.len() > 1 && parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The files (and folders) that `#[cfg(test)] mod x;` declares: test code.
fn test_files(src: &Path, files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let code = blank_comments_and_strings(&text);
        let dir = match file.file_name().unwrap().to_str().unwrap() {
            "mod.rs" | "lib.rs" | "main.rs" => file.parent().unwrap().to_path_buf(),
            _ => file.with_extension(""),
        };
        for item in test_items(&code) {
            let words: Vec<&str> = item.split_whitespace().collect();
            if let [.., "mod", name] = words[..] {
                let name = name.trim_end_matches(';');
                out.push(dir.join(format!("{name}.rs")));
                out.push(dir.join(name));
            }
        }
    }
    assert!(out.iter().any(|p| p.starts_with(src)));
    out
}

/// The text of each `#[cfg(test)]` item (a `mod x;` or a braced item).
fn test_items(code: &str) -> Vec<String> {
    let (mut out, mut rest) = (Vec::new(), code);
    while let Some((start, end)) = next_test_item(rest) {
        out.push(rest[start..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// Where the next item under a `cfg` naming `test` (not `not(test)`)
/// starts (at its attribute) and ends, in `code` already blanked.
fn next_test_item(code: &str) -> Option<(usize, usize)> {
    let b = code.as_bytes();
    let mut from = 0;
    loop {
        let at = from + code[from..].find("#[cfg(")?;
        let close = at + code[at..].find(']')?;
        let attr = &code[at..close];
        from = close;
        let names_test = attr
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .any(|w| w == "test");
        if !names_test || attr.contains("not(") {
            continue;
        }
        let mut i = close + 1;
        // Further attributes, then the item: to its `;` or its braces.
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) == Some(&b'#') {
                i += code[i..].find(']')? + 1;
            } else {
                break;
            }
        }
        let head = code[i..].split([';', '{']).next().unwrap_or("");
        let is_use = head.split_whitespace().any(|w| w == "use");
        let mut depth = 0usize;
        while i < b.len() {
            match b[i] {
                b';' if depth == 0 => return Some((at, i + 1)),
                b'{' if !is_use => depth += 1,
                b'}' if !is_use => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((at, i + 1));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        return Some((at, b.len()));
    }
}

/// The top-level modules `text` names from the file of module `path`,
/// each with its line, outside comments, strings and test items.
fn paths_named(text: &str, path: &[String]) -> Vec<(String, usize)> {
    let mut code = blank_comments_and_strings(text);
    while let Some((start, end)) = next_test_item(&code) {
        let blank: String = code[start..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(start..end, &blank);
    }
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            for name in top_of_group(group) {
                out.push((name, line_of(at)));
            }
        } else {
            out.push((ident(rest), line_of(at)));
        }
    }
    // `super::` from this file's module: the crate root after as many
    // `super`s as the module is deep.
    for (at, _) in code.match_indices("super::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r.trim_start();
        }
        if ups == path.len() {
            if let Some(group) = rest.strip_prefix('{') {
                out.extend(top_of_group(group).into_iter().map(|n| (n, line_of(at))));
            } else {
                out.push((ident(rest), line_of(at)));
            }
        }
    }
    out.retain(|(name, _)| !name.is_empty() && name != "self");
    out
}

/// The first name of each path in a `{…}` group (the text after its `{`).
fn top_of_group(group: &str) -> Vec<String> {
    group_items(group)
        .iter()
        .map(|i| {
            i.trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

/// `text` with comments, string and character literals blanked (newlines
/// kept, so lines still count).
fn blank_comments_and_strings(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    blank(&mut out, c[i]);
                    i += 1;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    blank(&mut out, c[i]);
                    i += 1;
                }
                blank(&mut out, c[i]);
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        } else if c[i] == 'r'
            && (next == Some('"') || next == Some('#'))
            && !c[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            while j < c.len() && !(c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')))
            {
                j += 1;
            }
            let end = (j + 1 + hashes).min(c.len());
            for &ch in &c[i..end] {
                blank(&mut out, ch);
            }
            i = end;
        } else if c[i] == '"' {
            blank(&mut out, c[i]);
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            if i < c.len() {
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '\'' && (c.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A character literal ('"', '\''); a lifetime has no closing quote.
            let mut j = i + 1;
            if c[j] == '\\' {
                j += 1;
            }
            j += 1;
            while j < c.len() && c[j] != '\'' {
                j += 1;
            }
            let end = (j + 1).min(c.len());
            for &ch in &c[i..end] {
                blank(&mut out, ch);
            }
            i = end;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The strongly connected groups of more than one module, each sorted,
/// in order (Tarjan).
fn cycles(arrows: &Arrows) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in arrows.keys() {
        next.entry(from).or_default().push(to);
        next.entry(to).or_default();
    }
    struct Walk<'a> {
        next: &'a BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for &w in &self.next[v] {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let at = self.stack.iter().rposition(|&w| w == v).unwrap();
                let mut group: Vec<String> = self.stack.drain(at..).map(str::to_string).collect();
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        next: &next,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for &v in next.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found.sort();
    walk.found
}

/// The screens do not import `tui::app` (issue 24): they read what they
/// draw from `screens::Ctx` and ask the App through `screens::Action`, so
/// the arrow runs one way, `app` → `screens`. Test code is left out.
#[test]
fn screens_do_not_import_the_app() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let screens = src.join("tui").join("screens");
    let mut files = Vec::new();
    walk(&screens, &mut files);
    assert!(files.len() > 5, "too few screens found: {files:?}");
    // Nor do the modules of `tui` the screens import: the kiosk's rules,
    // the command lists and the messages (the kiosk's did until its
    // decisions were carried out by `app/kiosk_session.rs`).
    for module in ["kiosk.rs", "commands.rs", "message.rs"] {
        files.push(src.join("tui").join(module));
    }
    let mut found = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        for line in names_of(&text, &module_path(rel), &["tui", "app"]) {
            found.push(format!("{}:{line}", rel.display()));
        }
    }
    assert!(
        found.is_empty(),
        "screens (or what they import) importing tui::app: {found:?}"
    );
}

/// The scan sees `tui::app` named from a screen in every form.
#[test]
fn the_screen_scan_sees_every_form() {
    let path: Vec<String> = ["tui", "screens", "home"].map(String::from).to_vec();
    let app = ["tui", "app"];
    for code in [
        "use crate::tui::app::App;",
        "use crate::tui::{app::{App, Level}, view};",
        "use crate::{tui::{app, kiosk}};",
        "fn f(a: &crate::tui::app::App) {}",
        "use super::super::app::App;",
        "use super::super::{app, view};",
    ] {
        assert_eq!(names_of(code, &path, &app), vec![1], "{code}");
    }
    let mod_path: Vec<String> = ["tui", "screens"].map(String::from).to_vec();
    assert_eq!(names_of("use super::app::Level;", &mod_path, &app), vec![1]);
    for code in [
        "use crate::tui::kiosk::Kiosk;",
        "use super::Ctx; // crate::tui::app",
        "let s = \"crate::tui::app\";",
        "use crate::tui::application;",
        "#[cfg(test)]\nmod tests { use crate::tui::app::App; }",
    ] {
        assert!(names_of(code, &path, &app).is_empty(), "{code}");
    }
}

/// The lines of `text` (the file of module `path`) that name the module
/// `target` or anything in it, outside comments, strings and test items.
fn names_of(text: &str, path: &[String], target: &[&str]) -> Vec<usize> {
    let mut code = blank_comments_and_strings(text);
    while let Some((start, end)) = next_test_item(&code) {
        let blank: String = code[start..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(start..end, &blank);
    }
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut lines = Vec::new();
    let starts = code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
        .map(|(at, _)| at);
    for at in starts {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == '$') {
            continue;
        }
        let mut rest = &code[at..];
        let mut prefix: Vec<String> = Vec::new();
        if let Some(r) = rest.strip_prefix("crate::") {
            rest = r;
        } else {
            let mut ups = 0;
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r.trim_start();
            }
            prefix = path[..path.len().saturating_sub(ups)].to_vec();
        }
        let hit = expand(&prefix, rest)
            .iter()
            .any(|p| p.len() >= target.len() && p.iter().zip(target).all(|(a, b)| a == b));
        if hit {
            lines.push(line_of(at));
        }
    }
    lines.sort();
    lines.dedup();
    lines
}

/// The paths `rest` (the text after a `crate::` or `super::`) names,
/// each as its segments after `prefix`, groups `{…}` expanded.
fn expand(prefix: &[String], rest: &str) -> Vec<Vec<String>> {
    let mut path = prefix.to_vec();
    let mut rest = rest.trim_start();
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let mut out = Vec::new();
            for item in group_items(group) {
                out.extend(expand(&path, &item));
            }
            return out;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            return vec![path];
        }
        rest = rest[name.len()..].trim_start();
        if name != "self" {
            path.push(name);
        }
        match rest.strip_prefix("::") {
            Some(r) => rest = r.trim_start(),
            None => return vec![path],
        }
    }
}

/// The items of a `{…}` group (the text after its `{`), nested groups kept.
fn group_items(group: &str) -> Vec<String> {
    let (mut depth, mut item, mut out) = (0, String::new(), Vec::new());
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut item));
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
    out.push(item);
    out
}
