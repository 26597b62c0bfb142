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

/// What is wrong with a config file, as facts: the words, in the
/// operator's language, are chosen where it is shown
/// (`cli::config_error_text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// A device, a FIFO, a folder: not a file to read.
    NotRegular,
    /// Larger than [`MAX_CONFIG_BYTES`].
    TooBig,
    /// The system could not read it: its reason.
    Unreadable(String),
    /// Not the TOML expected (a typo in a key, a value of the wrong
    /// kind): the line when known, and the TOML reader's own words.
    Syntax {
        line: Option<usize>,
        detail: String,
    },
    IdleTooShort(u64),
    CountdownNotLess {
        countdown: u64,
        idle: u64,
    },
    PrintTimeout(u64),
    /// The quit key as written (not one of ctrl-<letter>, f1–f12).
    QuitKey(String),
}

/// A config file that cannot be used: which file, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub problem: ConfigProblem,
}

/// Reads `path`; a missing file is the default config, a broken one an
/// error that names the file and what is wrong.
/// Only a regular file of at most [`MAX_CONFIG_BYTES`] is read: a device
/// (`/dev/zero`) or a FIFO is refused at once, never read without end or
/// waited on.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    use crate::files::{ReadError, read_regular_text};
    let problem = match read_regular_text(path, MAX_CONFIG_BYTES, true) {
        Ok(text) => match parse(&text) {
            Ok(config) => return Ok(config),
            Err(p) => p,
        },
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Config::default());
        }
        Err(ReadError::NotRegular) => ConfigProblem::NotRegular,
        Err(ReadError::TooBig { .. }) => ConfigProblem::TooBig,
        Err(ReadError::Io(e)) => ConfigProblem::Unreadable(e.to_string()),
    };
    Err(ConfigError {
        path: path.to_path_buf(),
        problem,
    })
}

/// A config file is a few lines; anything bigger is not one.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024;

pub fn parse(text: &str) -> Result<Config, ConfigProblem> {
    let config: Config = toml::from_str(text).map_err(|e| ConfigProblem::Syntax {
        line: e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
        detail: e.message().trim().to_string(),
    })?;
    if config.kiosk.idle_seconds < 10 {
        return Err(ConfigProblem::IdleTooShort(config.kiosk.idle_seconds));
    }
    if config.kiosk.countdown_seconds >= config.kiosk.idle_seconds {
        return Err(ConfigProblem::CountdownNotLess {
            countdown: config.kiosk.countdown_seconds,
            idle: config.kiosk.idle_seconds,
        });
    }
    if let Some(t) = config.print.timeout_seconds
        && !(1..=600).contains(&t)
    {
        return Err(ConfigProblem::PrintTimeout(t));
    }
    if QuitKey::parse(&config.kiosk.quit_key).is_none() {
        return Err(ConfigProblem::QuitKey(config.kiosk.quit_key.clone()));
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
        assert_eq!(
            parse("[kiosk]\nidle_seconds = 5").unwrap_err(),
            ConfigProblem::IdleTooShort(5)
        );
        assert_eq!(
            parse("[kiosk]\nidle_seconds = 30\ncountdown_seconds = 30").unwrap_err(),
            ConfigProblem::CountdownNotLess {
                countdown: 30,
                idle: 30
            }
        );
        assert_eq!(
            parse("[kiosk]\nquit_key = \"q\"").unwrap_err(),
            ConfigProblem::QuitKey("q".into())
        );
        assert!(matches!(
            parse("kiosk = 1").unwrap_err(),
            ConfigProblem::Syntax { line: Some(1), .. }
        ));
        assert_eq!(
            parse("[print]\ntimeout_seconds = 0").unwrap_err(),
            ConfigProblem::PrintTimeout(0)
        );
        assert!(parse("[print]\ntimeout_seconds = 5").is_ok());
        match parse("lang = \"en\"\n\n[kiosk]\nenabeld = true").unwrap_err() {
            ConfigProblem::Syntax { line, detail } => {
                assert_eq!(line, Some(4));
                assert!(detail.contains("enabeld"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(
            load(&tmp.path().join("none.toml")).unwrap(),
            Config::default()
        );
    }
}
