//! Printing the sheet, at the edge of the shell: the configured command
//! gets it on its input (run without a shell, so nothing in the sheet is
//! ever run), or it is written to the configured file. The command runs in
//! a process group of its own, so whatever it starts (a shell's `sleep &`,
//! a spooler's helper) can be ended with it: on its time limit, when it
//! exits leaving children, and when the program itself ends. Ending a group
//! is SIGTERM, then SIGKILL after a grace period for anything that ignores it.

use std::io::Write as _;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::PrintConfig;
use crate::files::{Existing, write_private};
use crate::i18n::Words;
use crate::tui::app::PrintFailure;

/// Sends the sheet to the configured printer command or writes it to the
/// configured file. A command that has not finished within the configured
/// time limit is killed with its group and reported; the caller never waits
/// longer than that. The sheet is printed in `words`.
pub(crate) fn print(sheet: &str, config: &PrintConfig, words: Words) -> Result<(), PrintFailure> {
    // The printer is an output edge: clean the text and show it in the language.
    let sheet = words.data(sheet);
    if let Some((program, args)) = config.command.split_first() {
        let mut command = Command::new(program);
        command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = in_own_group(&mut command)
            .spawn()
            .map_err(|e| failed(program, e))?;
        let group = Group::of(&child);
        // A printer that does not read must not block us: write on a thread,
        // and give up on the whole job at the deadline.
        let writer = child
            .stdin
            .take()
            .map(|mut stdin| std::thread::spawn(move || stdin.write_all(sheet.as_bytes())));
        let deadline = Instant::now() + config.timeout();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() >= deadline => {
                    // The whole group: what the command started too.
                    group.end(&mut child);
                    return Err(PrintFailure::Timeout {
                        program: program.clone(),
                        seconds: config.timeout().as_secs(),
                    });
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => {
                    group.end(&mut child);
                    return Err(failed(program, e));
                }
            }
        };
        // Nothing it started outlives the command.
        group.end(&mut child);
        if let Some(Ok(Err(e))) = writer.map(|w| w.join()) {
            return Err(failed(program, e));
        }
        return if status.success() {
            Ok(())
        } else {
            Err(failed(program, status))
        };
    }
    if let Some(path) = &config.file {
        // Only its owner can read it: a sheet names a visitor's disease and dates.
        return write_private(path, sheet.as_bytes(), Existing::Replace).map_err(|e| {
            PrintFailure::File {
                path: path.clone(),
                reason: e.to_string(),
            }
        });
    }
    Err(PrintFailure::NoPrinter)
}

/// The printer command and the system's reason it failed.
fn failed(program: &str, reason: impl std::fmt::Display) -> PrintFailure {
    PrintFailure::Program {
        program: program.to_string(),
        reason: reason.to_string(),
    }
}

/// How long a group has between SIGTERM and SIGKILL.
pub(crate) const GRACE: Duration = Duration::from_secs(2);

/// The groups of print commands still running, so the program's exit can
/// end them (the threads that wait for them do not outlive the process).
static LIVE: Mutex<Vec<i32>> = Mutex::new(Vec::new());

/// Makes the command start a process group of its own (its id is the pid).
pub(crate) fn in_own_group(command: &mut Command) -> &mut Command {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    command
}

/// A running print command's group, ended when dropped.
pub(crate) struct Group {
    pgid: i32,
}

impl Group {
    /// The group `child` leads (it was spawned with [`in_own_group`]).
    pub(crate) fn of(child: &Child) -> Group {
        let pgid = child.id() as i32;
        if let Ok(mut live) = LIVE.lock() {
            live.push(pgid);
        }
        Group { pgid }
    }

    /// Ends every process left in the group; `leader` is reaped meanwhile
    /// so it does not linger as a zombie that keeps the group alive.
    pub(crate) fn end(self, leader: &mut Child) {
        end_group(self.pgid, Some(leader));
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        if let Ok(mut live) = LIVE.lock() {
            live.retain(|&g| g != self.pgid);
        }
    }
}

/// Ends the groups of every print command still running: the program is
/// about to exit, and nothing it started may outlive it.
pub(crate) fn end_all() {
    let groups: Vec<i32> = LIVE.lock().map(|l| l.clone()).unwrap_or_default();
    for pgid in groups {
        end_group(pgid, None);
    }
}

#[cfg(unix)]
fn end_group(pgid: i32, mut leader: Option<&mut Child>) {
    if pgid <= 1 {
        return;
    }
    let alive = |leader: &mut Option<&mut Child>| {
        if let Some(child) = leader.as_mut() {
            let _ = child.try_wait();
        }
        // SAFETY: kill with signal 0 only asks whether the group exists.
        unsafe { libc::kill(-pgid, 0) == 0 }
    };
    // SAFETY: signals to a group this program created; no memory involved.
    unsafe { libc::kill(-pgid, libc::SIGTERM) };
    let deadline = Instant::now() + GRACE;
    while alive(&mut leader) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if alive(&mut leader) {
        // SAFETY: as above.
        unsafe { libc::kill(-pgid, libc::SIGKILL) };
    }
    if let Some(child) = leader {
        let _ = child.wait();
    }
}

#[cfg(not(unix))]
fn end_group(_pgid: i32, leader: Option<&mut Child>) {
    if let Some(child) = leader {
        let _ = child.kill();
        let _ = child.wait();
    }
}
