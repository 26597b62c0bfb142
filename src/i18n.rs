//! The words the program itself says (not policy data), one file per
//! language in `assets/i18n/`. `t("key")` looks a key up; `{name}`
//! placeholders are filled by `tf`.

use std::collections::HashMap;
use std::sync::OnceLock;

static ZH_HANS: &str = include_str!("../assets/i18n/zh-Hans.json");

fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    // The file is checked by a test; an unreadable table falls back to keys.
    TABLE.get_or_init(|| serde_json::from_str(ZH_HANS).unwrap_or_default())
}

/// The text for `key`, or the key itself when it is missing (a test keeps
/// every key used in the code present in the file).
pub fn t(key: &str) -> &str {
    table().get(key).map(String::as_str).unwrap_or(key)
}

/// `t(key)` with `{name}` placeholders replaced.
pub fn tf(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut text = t(key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// Every key in the language file.
pub fn keys() -> impl Iterator<Item = &'static str> {
    table().keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses_and_every_key_used_in_src_exists() {
        let parsed: HashMap<String, String> =
            serde_json::from_str(ZH_HANS).expect("zh-Hans.json parses");
        assert!(!parsed.is_empty());
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
                        if key.contains('.') && !parsed.contains_key(key) {
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
    fn placeholders_are_filled() {
        assert_eq!(tf("plan.days_left", &[("n", &3)]), "还剩 3 天");
    }
}
