//! The wizard: a terminal UI in the Elm shape. `app` holds the state and
//! `update`; `view` draws; this module is the thin shell that owns the
//! terminal, reads events and hands effects to `effects` (the store, the
//! sheet's file) and `printer` (the print command, run apart).

pub mod app;
pub(crate) mod commands;
pub mod document_view;
mod effects;
pub mod input;
pub mod kiosk;
pub mod layout;
pub mod message;
pub mod overlays;
mod printer;

pub use effects::perform;
pub(crate) use printer::print;
pub mod qr;
pub mod screens;
pub mod theme;
pub mod view;

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use self::app::{App, Effect, Msg};
use self::kiosk::Kiosk;
use self::theme::Theme;
use crate::checklist::store::Store;
use crate::config::PrintConfig;
use crate::i18n::Words;
use crate::policy::PolicySet;

/// Restores the terminal: leaves the alternate screen, turns off mouse
/// capture and raw mode. Safe to call more than once, and on a terminal
/// that is gone (every write then fails and is ignored).
pub(crate) fn restore_terminal() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Puts the terminal into the wizard's mode: raw, alternate screen, mouse.
fn enter_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Ends every print command still running when dropped.
struct PrintersGuard;

impl Drop for PrintersGuard {
    fn drop(&mut self) {
        printer::end_all();
    }
}

/// Restores the terminal when dropped, on every path out of `run`.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub struct Options {
    pub theme: Theme,
    pub data_dir: Option<std::path::PathBuf>,
    pub kiosk: Option<Kiosk>,
    pub print: PrintConfig,
    /// Files of a policy pack that could not be loaded.
    pub pack_problems: usize,
    /// The language and marks the wizard speaks in.
    pub words: Words,
}

/// The wizard's first state, as the shell builds it. A kiosk gets no store
/// to list from (and none at all when saving is not allowed), so nothing an
/// earlier visitor saved can ever be shown.
pub fn start(
    policy: PolicySet,
    today: NaiveDate,
    data_dir: Option<&std::path::Path>,
    kiosk: Option<Kiosk>,
    now: DateTime<Utc>,
    words: Words,
) -> (App, Option<Store>) {
    match kiosk {
        Some(k) => {
            // Nothing on disk until a visitor saves: a kiosk that saved
            // nothing leaves nothing, not even an empty folder or a lock.
            let store = if k.allow_save {
                data_dir.map(Store::unopened)
            } else {
                None
            };
            (App::for_kiosk(policy, today, k, words), store)
        }
        None => {
            // A store that cannot be opened or read is said, never shown as
            // an empty list.
            let mut error = None;
            let store = match data_dir.map(Store::open).transpose() {
                Ok(store) => store,
                Err(e) => {
                    error = Some(e);
                    None
                }
            };
            let (saved, problems) = match store.as_ref().map(|s| s.list(now)).transpose() {
                Ok(listed) => listed.unwrap_or_default(),
                Err(e) => {
                    error = Some(e);
                    Default::default()
                }
            };
            let mut app = App::new(policy, today, saved, problems, words);
            if let Some(e) = error {
                app.set_message(app::Level::Error, app::Message::StoreUnreadable(e));
            }
            (app, store)
        }
    }
}

/// What the shell's loop waits for: input from the terminal thread, or the
/// outcome of work done off the loop (printing).
enum ShellEvent {
    Input(Event),
    /// The terminal cannot be read any more (closed, or an error).
    InputGone,
    Reply(Box<Msg>),
}

/// Reads terminal input on its own thread, so the loop always sees the
/// stop flag and a closed terminal, even when a read never returns (on a
/// hung-up tty crossterm's reader spins without producing an event).
fn spawn_input(tx: mpsc::Sender<ShellEvent>) {
    std::thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(e) => ShellEvent::Input(e),
                Err(_) => ShellEvent::InputGone,
            };
            let gone = matches!(event, ShellEvent::InputGone);
            if tx.send(event).is_err() || gone {
                return;
            }
        }
    });
}

/// Whether the controlling terminal has hung up (window closed, ssh dropped).
#[cfg(unix)]
fn terminal_gone() -> bool {
    [libc::STDIN_FILENO, libc::STDOUT_FILENO].iter().any(|&fd| {
        let mut p = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd, no timeout; poll only writes `revents`.
        let n = unsafe { libc::poll(&mut p, 1, 0) };
        n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    })
}

#[cfg(not(unix))]
fn terminal_gone() -> bool {
    false
}

/// Signals the loop reacts to, each a flag set by its handler.
struct Signals {
    /// SIGTERM, SIGHUP, SIGINT, SIGQUIT: end cleanly.
    stop: Arc<AtomicBool>,
    /// SIGTSTP from outside: give the terminal back, then stop.
    suspend: Arc<AtomicBool>,
    /// SIGCONT: we are running again (after our own stop or anyone's).
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> Result<Signals> {
        let s = Signals {
            stop: Arc::new(AtomicBool::new(false)),
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::*;
            for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
                signal_hook::flag::register(signal, Arc::clone(&s.stop))?;
            }
            signal_hook::flag::register(SIGTSTP, Arc::clone(&s.suspend))?;
            signal_hook::flag::register(SIGCONT, Arc::clone(&s.resumed))?;
        }
        Ok(s)
    }
}

/// Gives the terminal back and stops the process as Ctrl-Z does; when the
/// shell continues it (`fg`), takes the terminal again.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) {
    restore_terminal();
    #[cfg(unix)]
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    resume(terminal);
}

/// Takes the terminal again after a stop, and redraws everything. (Not
/// `Terminal::clear`: it asks the terminal where the cursor is, and the
/// answer would have to come through the input thread's reader.)
fn resume(terminal: &mut Terminal<CrosstermBackend<Stdout>>) {
    let _ = enter_terminal();
    let _ = execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    );
    if let Ok(fresh) = Terminal::new(CrosstermBackend::new(io::stdout())) {
        *terminal = fresh;
    }
}

/// Runs the wizard until the person (or, at a kiosk, the operator) quits,
/// a stop signal comes, or the terminal goes away.
pub fn run(policy: PolicySet, today: NaiveDate, options: Options) -> Result<()> {
    let (mut app, store) = start(
        policy,
        today,
        options.data_dir.as_deref(),
        options.kiosk,
        Utc::now(),
        options.words,
    );
    app.set_can_print(options.print.configured());
    if options.pack_problems > 0 {
        app.set_message(
            app::Level::Error,
            app::Message::PackProblems(options.pack_problems),
        );
    }

    // A panic must leave a usable terminal behind.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        default_hook(info);
    }));
    // Before the terminal changes mode, so a signal never finds it half set.
    let signals = Signals::register()?;
    // Dropped last, on every way out: no print command outlives the program.
    let _printers = PrintersGuard;
    let _guard = TerminalGuard;
    enter_terminal()?;
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app::update(&mut app, Msg::Resize(size.width, size.height));
    // A hook for tests/pty.rs only: a release build has no way to panic on purpose.
    #[cfg(debug_assertions)]
    if std::env::var_os("RENEW_TEST_PANIC").is_some() {
        terminal.draw(|f| view::draw(f, &app, &options.theme))?;
        panic!("RENEW_TEST_PANIC is set: panicking on purpose to test terminal restore");
    }

    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    let started = Instant::now();
    // Every tick is saved the moment it is made, so every way out of this
    // loop (quit, a stop signal, a vanished terminal) loses nothing.
    while !app.quit_requested() && !signals.stop.load(Ordering::Relaxed) {
        if signals.suspend.swap(false, Ordering::Relaxed) {
            suspend(&mut terminal);
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            resume(&mut terminal);
        }
        if terminal_gone() {
            break;
        }
        app::update(&mut app, Msg::Tick(started.elapsed().as_millis() as u64));
        if terminal
            .draw(|f| view::draw(f, &app, &options.theme))
            .is_err()
        {
            // Nothing can be shown any more: the terminal is gone.
            break;
        }
        let msg = match rx.recv_timeout(Duration::from_millis(250)) {
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) | Ok(ShellEvent::InputGone) => break,
            Ok(ShellEvent::Reply(msg)) => *msg,
            Ok(ShellEvent::Input(event)) => match event {
                Event::Key(k) => Msg::Key(k),
                Event::Mouse(m) => Msg::Mouse(m),
                Event::Paste(p) => Msg::Paste(p),
                Event::Resize(w, h) => Msg::Resize(w, h),
                _ => continue,
            },
        };
        app::update(&mut app, Msg::Tick(started.elapsed().as_millis() as u64));
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in app::update(&mut app, msg) {
                match effect {
                    // Printing may take long or hang: it runs apart, with a
                    // time limit, and its outcome comes back as a message.
                    Effect::Print(sheet) => {
                        let tx = tx.clone();
                        let printer = options.print.clone();
                        let words = app.words();
                        std::thread::spawn(move || {
                            let _ = tx.send(ShellEvent::Reply(Box::new(Msg::Printed(print(
                                &sheet, &printer, words,
                            )))));
                        });
                    }
                    Effect::Suspend => suspend(&mut terminal),
                    effect => {
                        if let Some(reply) =
                            perform(&app, effect, store.as_ref(), &options.print, Utc::now())
                        {
                            queue.push(reply);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
