//! The optional config file: kiosk settings, language and theme for a
//! machine that should not need flags. TOML, read once at start-up:
//! `--config FILE`, else env `RENEW_CONFIG`, else `config.toml` in the
//! platform's config dir for the app. A missing file means defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// zh-Hans, zh-Hant or en.
    pub lang: Option<String>,
    /// default, high-contrast.
    pub theme: Option<String>,
    pub ascii: bool,
    pub kiosk: KioskConfig,
    pub print: PrintConfig,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KioskConfig {
    pub enabled: bool,
    /// Seconds without a key before the session is wiped.
    pub idle_seconds: u64,
    /// The last seconds of that, shown as a visible countdown.
    pub countdown_seconds: u64,
    /// Offer "save a checklist on this machine" (never saved unless chosen).
    pub allow_save: bool,
    /// The operator's key, pressed twice (or held) to quit: `ctrl-q`, `ctrl-x`, `f10`…
    pub quit_key: String,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            enabled: false,
            idle_seconds: 120,
            countdown_seconds: 20,
            allow_save: true,
            quit_key: "ctrl-q".into(),
        }
    }
}

/// Where the printable sheet goes. The command is a program and its
/// arguments, run without a shell; the sheet is written to its input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrintConfig {
    pub command: Vec<String>,
    pub file: Option<PathBuf>,
    /// How long the command may take before it is stopped (default 30 s).
    pub timeout_seconds: Option<u64>,
}

impl PrintConfig {
    pub(crate) fn configured(&self) -> bool {
        !self.command.is_empty() || self.file.is_some()
    }

    /// The printer's time limit: a command that hangs is stopped after it.
    pub(crate) fn timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.timeout_seconds.unwrap_or(30))
    }
}

/// The default location of the config file.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "renewal-assistant")
        .map(|p| p.config_dir().join("config.toml"))
}

/// Reads `path`; a missing file is the default config, a broken one an
/// error that names the file and what is wrong.
/// Only a regular file of at most [`MAX_CONFIG_BYTES`] is read: a device
/// (`/dev/zero`) or a FIFO is refused at once, never read without end or
/// waited on.
pub fn load(path: &Path) -> Result<Config, String> {
    use crate::files::{ReadError, read_regular_text};
    match read_regular_text(path, MAX_CONFIG_BYTES, true) {
        Ok(text) => parse(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// A config file is a few lines; anything bigger is not one.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024;

pub fn parse(text: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| e.to_string())?;
    if config.kiosk.idle_seconds < 10 {
        return Err("kiosk.idle_seconds: at least 10".into());
    }
    if config.kiosk.countdown_seconds >= config.kiosk.idle_seconds {
        return Err("kiosk.countdown_seconds: must be less than idle_seconds".into());
    }
    if let Some(t) = config.print.timeout_seconds
        && !(1..=600).contains(&t)
    {
        return Err(format!("print.timeout_seconds: {t}: between 1 and 600"));
    }
    if QuitKey::parse(&config.kiosk.quit_key).is_none() {
        return Err(format!(
            "kiosk.quit_key: {:?}: use ctrl-<letter> or f1–f12",
            config.kiosk.quit_key
        ));
    }
    Ok(config)
}

/// The operator's quit key at a kiosk (`[kiosk] quit_key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitKey {
    Ctrl(char),
    F(u8),
}

impl QuitKey {
    /// `ctrl-q`, `ctrl-x`, `f10` …
    pub fn parse(text: &str) -> Option<QuitKey> {
        let t = text.trim().to_ascii_lowercase();
        if let Some(c) = t.strip_prefix("ctrl-").or_else(|| t.strip_prefix("ctrl+")) {
            let mut chars = c.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_lowercase() && c != 'c' && c != 'm' => {
                    Some(QuitKey::Ctrl(c))
                }
                _ => None,
            };
        }
        match t.strip_prefix('f')?.parse::<u8>() {
            Ok(n) if (1..=12).contains(&n) => Some(QuitKey::F(n)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_a_full_file() {
        assert_eq!(parse("").unwrap(), Config::default());
        let c = parse(
            r#"
lang = "en"
theme = "high-contrast"
[kiosk]
enabled = true
idle_seconds = 90
countdown_seconds = 15
allow_save = false
quit_key = "f10"
[print]
command = ["lp", "-d", "front desk"]
"#,
        )
        .unwrap();
        assert!(c.kiosk.enabled && !c.kiosk.allow_save);
        assert_eq!((c.kiosk.idle_seconds, c.kiosk.countdown_seconds), (90, 15));
        assert_eq!(c.print.command, vec!["lp", "-d", "front desk"]);
        assert!(c.print.configured());
    }

    #[test]
    fn mistakes_are_named() {
        assert!(
            parse("[kiosk]\nidle_seconds = 5")
                .unwrap_err()
                .contains("idle_seconds")
        );
        assert!(
            parse("[kiosk]\nidle_seconds = 30\ncountdown_seconds = 30")
                .unwrap_err()
                .contains("countdown")
        );
        assert!(
            parse("[kiosk]\nquit_key = \"q\"")
                .unwrap_err()
                .contains("quit_key")
        );
        assert!(parse("kiosk = 1").is_err());
        assert!(
            parse("[print]\ntimeout_seconds = 0")
                .unwrap_err()
                .contains("timeout_seconds")
        );
        assert!(parse("[print]\ntimeout_seconds = 5").is_ok());
        assert!(
            parse("[kiosk]\nenabeld = true")
                .unwrap_err()
                .contains("enabeld")
        );
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(
            load(&tmp.path().join("none.toml")).unwrap(),
            Config::default()
        );
    }
}
