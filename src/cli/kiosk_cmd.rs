//! `renew kiosk check`: what would go wrong at the counter, found before a
//! visitor finds it — the printer, the print file's folder, the data
//! folder's privacy, the data pack, the idle and countdown times, the quit
//! key and the terminal's size. Exit 0 only when all is well.

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Subcommand;

use super::DataProblems;
use crate::config::{Config, QuitKey};
use crate::i18n::Words;

#[derive(Debug, Subcommand)]
pub enum KioskCommand {
    /// Check the kiosk's config, printer, folders, data and terminal.
    Check,
}

/// What the check looks at, gathered by the shell.
pub struct KioskSetup<'a> {
    pub config: &'a Config,
    /// The config file could not be used (`config` is then the default).
    pub config_error: Option<&'a crate::config::ConfigError>,
    /// The config file read (or that would be read), if any.
    pub config_path: Option<PathBuf>,
    /// `--kiosk` on the command line.
    pub kiosk_flag: bool,
    pub data_dir: Option<PathBuf>,
    pub policy_dir: Option<PathBuf>,
    /// The terminal's columns and rows, when run on one.
    pub terminal: Option<(u16, u16)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Ok,
    Note,
    Bad,
}

struct Report<'a> {
    out: &'a mut dyn Write,
    bad: usize,
    words: Words,
}

impl Report<'_> {
    fn line(&mut self, mark: Mark, text: String) -> std::io::Result<()> {
        let glyph = match mark {
            Mark::Ok => "✓",
            Mark::Note => "○",
            Mark::Bad => {
                self.bad += 1;
                "✗"
            }
        };
        writeln!(self.out, "{glyph} {text}")
    }
}

/// `renew kiosk check`: each thing that would go wrong at the counter, a
/// line each (✓ well, ✗ wrong, ○ said), in the operator's language; exit
/// 0 only when nothing is wrong.
pub fn check(setup: &KioskSetup, words: Words, out: &mut dyn Write) -> Result<()> {
    let mut r = Report { out, bad: 0, words };
    config_file(&mut r, setup)?;
    printer(&mut r, &setup.config.print)?;
    data_folder(&mut r, setup.data_dir.as_deref())?;
    // The data: --policy-dir, the installed pack, or the data built in.
    pack(&mut r, setup)?;
    timers(&mut r, &setup.config.kiosk)?;
    terminal(&mut r, setup.terminal)?;
    if r.bad == 0 {
        writeln!(r.out, "{}", words.t("kiosk.all_well"))?;
        Ok(())
    } else {
        writeln!(r.out, "{}", words.tf("kiosk.problems", &[("n", &r.bad)]))?;
        Err(DataProblems.into())
    }
}

/// The config file read, missing or broken, and whether kiosk mode is on.
fn config_file(r: &mut Report, setup: &KioskSetup) -> Result<()> {
    let words = r.words;
    match (&setup.config_path, setup.config_error) {
        (_, Some(e)) => r.line(
            Mark::Bad,
            words.tf(
                "kiosk.config_broken",
                &[("problem", &super::config_error_text(e, words))],
            ),
        )?,
        (Some(p), None) if p.exists() => r.line(
            Mark::Ok,
            words.tf("kiosk.config_read", &[("path", &p.display())]),
        )?,
        (Some(p), None) => r.line(
            Mark::Bad,
            words.tf("kiosk.config_missing", &[("path", &p.display())]),
        )?,
        (None, None) => r.line(Mark::Bad, words.t("kiosk.config_none").to_string())?,
    }
    if !(setup.config.kiosk.enabled || setup.kiosk_flag) {
        r.line(Mark::Bad, words.t("kiosk.not_enabled").to_string())?;
    }

    Ok(())
}

/// The printer program and the print file's folder.
fn printer(r: &mut Report, print: &crate::config::PrintConfig) -> Result<()> {
    let words = r.words;
    match print.command.first() {
        Some(program) => match find_program(program) {
            Ok(path) => r.line(
                Mark::Ok,
                words.tf("kiosk.printer_ok", &[("program", &path.display())]),
            )?,
            Err(ProgramProblem::Missing) => r.line(
                Mark::Bad,
                words.tf("kiosk.printer_missing", &[("program", program)]),
            )?,
            Err(ProgramProblem::NotExecutable(path)) => r.line(
                Mark::Bad,
                words.tf(
                    "kiosk.printer_not_executable",
                    &[("program", &path.display())],
                ),
            )?,
        },
        None if print.file.is_none() => {
            r.line(Mark::Note, words.t("kiosk.no_printer").to_string())?
        }
        None => {}
    }
    if let Some(file) = &print.file {
        let folder = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if writable_dir(&folder) {
            r.line(
                Mark::Ok,
                words.tf("kiosk.print_file_ok", &[("folder", &folder.display())]),
            )?;
        } else {
            r.line(
                Mark::Bad,
                words.tf(
                    "kiosk.print_file_not_writable",
                    &[("folder", &folder.display()), ("file", &file.display())],
                ),
            )?;
        }
    }
    Ok(())
}

/// The data folder: private to the kiosk's user.
fn data_folder(r: &mut Report, data_dir: Option<&std::path::Path>) -> Result<()> {
    let words = r.words;
    match data_dir {
        None => r.line(Mark::Bad, words.t("cli.no_data_dir").to_string())?,
        Some(dir) => match std::fs::symlink_metadata(dir) {
            Err(_) => r.line(
                Mark::Ok,
                words.tf("kiosk.data_dir_new", &[("dir", &dir.display())]),
            )?,
            Ok(m) => {
                let mode = m.permissions().mode() & 0o777;
                // SAFETY: getuid cannot fail.
                let me = unsafe { libc::getuid() };
                if m.file_type().is_symlink() || !m.is_dir() {
                    r.line(
                        Mark::Bad,
                        words.tf("kiosk.data_dir_not_dir", &[("dir", &dir.display())]),
                    )?;
                } else if mode & 0o077 != 0 || m.uid() != me {
                    r.line(
                        Mark::Bad,
                        words.tf(
                            "kiosk.data_dir_not_private",
                            &[("dir", &dir.display()), ("mode", &format!("{mode:03o}"))],
                        ),
                    )?;
                } else {
                    r.line(
                        Mark::Ok,
                        words.tf("kiosk.data_dir_ok", &[("dir", &dir.display())]),
                    )?;
                }
            }
        },
    }
    Ok(())
}

/// Idle reset, countdown, quit key.
fn timers(r: &mut Report, k: &crate::config::KioskConfig) -> Result<()> {
    let words = r.words;
    let idle_mark = if (30..=600).contains(&k.idle_seconds) {
        Mark::Ok
    } else {
        Mark::Bad
    };
    r.line(
        idle_mark,
        words.tf(
            if idle_mark == Mark::Ok {
                "kiosk.idle_ok"
            } else if k.idle_seconds < 30 {
                "kiosk.idle_short"
            } else {
                "kiosk.idle_long"
            },
            &[("n", &k.idle_seconds)],
        ),
    )?;
    let countdown_mark = if k.countdown_seconds >= 5 {
        Mark::Ok
    } else {
        Mark::Bad
    };
    r.line(
        countdown_mark,
        words.tf(
            if countdown_mark == Mark::Ok {
                "kiosk.countdown_ok"
            } else {
                "kiosk.countdown_short"
            },
            &[("n", &k.countdown_seconds)],
        ),
    )?;
    match QuitKey::parse(&k.quit_key) {
        Some(QuitKey::Ctrl(c)) => r.line(
            Mark::Ok,
            words.tf(
                "kiosk.quit_key",
                &[("key", &format!("Ctrl-{}", c.to_ascii_uppercase()))],
            ),
        )?,
        Some(QuitKey::F(n)) => r.line(
            Mark::Ok,
            words.tf("kiosk.quit_key", &[("key", &format!("F{n}"))]),
        )?,
        None => r.line(
            Mark::Bad,
            words.tf("kiosk.quit_key_bad", &[("key", &k.quit_key)]),
        )?,
    }
    Ok(())
}

/// The terminal it starts on.
fn terminal(r: &mut Report, size: Option<(u16, u16)>) -> Result<()> {
    let words = r.words;
    let (min_w, min_h) = crate::tui::layout::MIN_SIZE;
    match size {
        Some((w, h)) if w >= min_w && h >= min_h => r.line(
            Mark::Ok,
            words.tf("kiosk.terminal_ok", &[("w", &w), ("h", &h)]),
        )?,
        Some((w, h)) => r.line(
            Mark::Bad,
            words.tf(
                "kiosk.terminal_small",
                &[("w", &w), ("h", &h), ("min_w", &min_w), ("min_h", &min_h)],
            ),
        )?,
        None => r.line(
            Mark::Note,
            words.tf(
                "kiosk.terminal_unknown",
                &[("min_w", &min_w), ("min_h", &min_h)],
            ),
        )?,
    }
    Ok(())
}

fn pack(r: &mut Report, setup: &KioskSetup) -> Result<()> {
    let words = r.words;
    let base = crate::policy::PolicySet::embedded()?;
    if let Some(dir) = &setup.policy_dir {
        let (_, mut problems) = crate::policy::pack::read_pack(dir, &base);
        problems.extend(crate::policy::holidays::read_holidays(dir).1);
        if problems.is_empty() {
            r.line(
                Mark::Ok,
                words.tf("kiosk.policy_dir_ok", &[("dir", &dir.display())]),
            )?;
        } else {
            r.line(
                Mark::Bad,
                words.tf(
                    "kiosk.pack_bad",
                    &[("dir", &dir.display()), ("n", &problems.len())],
                ),
            )?;
            super::data_cmd::print_problems(&problems, words, r.out)?;
        }
        return Ok(());
    }
    let installed = match &setup.data_dir {
        Some(d) => crate::packs::PackStore::new(d).current(),
        None => Ok(None),
    };
    match installed {
        Ok(None) => r.line(
            Mark::Ok,
            words.tf("kiosk.embedded_data", &[("version", &base.version())]),
        )?,
        Ok(Some((dir, manifest))) => match crate::packs::check_pack(&dir, &base) {
            Ok(_) => r.line(
                Mark::Ok,
                words.tf(
                    "kiosk.pack_ok",
                    &[("name", &manifest.name), ("version", &manifest.version)],
                ),
            )?,
            Err(problems) => {
                r.line(
                    Mark::Bad,
                    words.tf(
                        "kiosk.pack_bad",
                        &[("dir", &dir.display()), ("n", &problems.len())],
                    ),
                )?;
                super::data_cmd::print_problems(&problems, words, r.out)?;
            }
        },
        Err(e) => r.line(
            Mark::Bad,
            words.tf("data.installed_unreadable", &[("reason", &e)]),
        )?,
    }
    Ok(())
}

enum ProgramProblem {
    Missing,
    NotExecutable(PathBuf),
}

/// A program as the printer runs it (no shell): a path, or a name looked
/// up in `PATH`.
fn find_program(program: &str) -> Result<PathBuf, ProgramProblem> {
    let candidates: Vec<PathBuf> = if program.contains('/') {
        vec![PathBuf::from(program)]
    } else {
        std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).map(|d| d.join(program)).collect())
            .unwrap_or_default()
    };
    let mut not_executable = None;
    for path in candidates {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() && executable(&path) => return Ok(path),
            Ok(m) if m.is_file() => {
                not_executable.get_or_insert(path);
            }
            _ => {}
        }
    }
    Err(not_executable.map_or(ProgramProblem::Missing, ProgramProblem::NotExecutable))
}

fn executable(path: &Path) -> bool {
    access(path, libc::X_OK)
}

fn writable_dir(path: &Path) -> bool {
    path.is_dir() && access(path, libc::W_OK | libc::X_OK)
}

/// `access(2)`: what this user may do, as the kernel decides (ACLs,
/// read-only mounts and root included).
fn access(path: &Path, mode: libc::c_int) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a NUL-terminated path that lives through the call.
    unsafe { libc::access(c.as_ptr(), mode) == 0 }
}

impl KioskSetup<'_> {
    /// The terminal on standard output, when there is one.
    pub fn terminal_size() -> Option<(u16, u16)> {
        use std::io::IsTerminal;
        std::io::stdout()
            .is_terminal()
            .then(crossterm::terminal::size)
            .and_then(Result::ok)
    }
}

/// `renew kiosk check` from `run_command`, without the shell's arguments:
/// the config named by `RENEW_CONFIG` or in its default place, the policy
/// folder of `RENEW_POLICY_DIR`. (The binary passes its own arguments to
/// [`check`].)
pub fn check_from_env(data_dir: Option<PathBuf>, words: Words, out: &mut dyn Write) -> Result<()> {
    let path = std::env::var_os("RENEW_CONFIG")
        .map(PathBuf::from)
        .or_else(crate::config::default_path);
    let (config, config_error) = match path.as_deref().map(crate::config::load).transpose() {
        Ok(c) => (c.unwrap_or_default(), None),
        Err(e) => (Config::default(), Some(e)),
    };
    check(
        &KioskSetup {
            config: &config,
            config_error: config_error.as_ref(),
            config_path: path,
            kiosk_flag: false,
            data_dir,
            policy_dir: std::env::var_os("RENEW_POLICY_DIR").map(PathBuf::from),
            terminal: KioskSetup::terminal_size(),
        },
        words,
        out,
    )
}
