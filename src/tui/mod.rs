//! The wizard: a terminal UI in the Elm shape. `app` holds the state and
//! `update`; `view` draws; this module is the thin shell that owns the
//! terminal, reads events and performs effects (saving, printing).

pub mod app;
pub mod input;
pub mod layout;
pub mod qr;
pub mod theme;
pub mod view;

use std::io::{self, Stdout, Write};
use std::process::{Command, Stdio};
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

use self::app::{App, Effect, Kiosk, Msg};
use self::theme::Theme;
use crate::checklist::Checklist;
use crate::checklist::store::Store;
use crate::config::PrintConfig;
use crate::policy::PolicySet;

/// Sends the sheet to the configured printer command (its input; the
/// command runs without a shell, so nothing in the sheet is ever run) or
/// writes it to the configured file.
pub fn print(sheet: &str, config: &PrintConfig) -> Result<(), String> {
    // The printer is an output edge: clean the text and show it in the language.
    let sheet = &crate::i18n::data(sheet);
    if let Some((program, args)) = config.command.split_first() {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{program}: {e}"))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(sheet.as_bytes())
                .map_err(|e| e.to_string())?;
        }
        let status = child.wait().map_err(|e| e.to_string())?;
        return if status.success() {
            Ok(())
        } else {
            Err(format!("{program}: {status}"))
        };
    }
    if let Some(path) = &config.file {
        return std::fs::write(path, sheet).map_err(|e| format!("{}: {e}", path.display()));
    }
    Err(crate::i18n::t("tui.no_printer").to_string())
}

/// Performs one effect; the result comes back as a message.
pub fn perform(
    effect: Effect,
    store: Option<&Store>,
    printer: &PrintConfig,
    now: DateTime<Utc>,
) -> Option<Msg> {
    if let Effect::Print(sheet) = &effect {
        return Some(Msg::Printed(print(sheet, printer)));
    }
    let Some(store) = store else {
        return match effect {
            Effect::Quit => None,
            _ => Some(Msg::Saved(Err(crate::i18n::t("tui.no_store").to_string()))),
        };
    };
    match effect {
        Effect::Quit | Effect::Print(_) => None,
        Effect::Save {
            existing: Some(id),
            label,
            answers,
            plan,
            ..
        } => {
            let result = store.update(&id, now, |c| {
                c.answers = answers;
                c.label = label;
                c.refresh(&plan, now);
                c.updated_at = now;
                (true, ())
            });
            Some(Msg::Saved(
                result.map(|(c, _)| c).map_err(|e| e.to_string()),
            ))
        }
        Effect::Save {
            existing: None,
            label,
            answers,
            plan,
            ticked,
        } => {
            let mut c = Checklist::new(store.new_id(), &label, &answers, &plan, now);
            for id in ticked {
                if let Ok(i) = c.find_item(&id) {
                    c.set_done(i, true, now);
                }
            }
            Some(Msg::Saved(
                store.create(&c).map(|_| c).map_err(|e| e.to_string()),
            ))
        }
        Effect::SetDone { id, item, done } => {
            let result = store.update(&id, now, |c| match c.find_item(&item) {
                Ok(i) => (c.set_done(i, done, now), ()),
                Err(_) => (false, ()),
            });
            Some(Msg::Stored(
                result.map(|(c, _)| c).map_err(|e| e.to_string()),
            ))
        }
    }
}

/// Restores the terminal: leaves the alternate screen, turns off mouse
/// capture and raw mode. Safe to call more than once.
pub fn restore_terminal() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
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
}

/// Runs the wizard until the person (or, at a kiosk, the operator) quits.
pub fn run(policy: PolicySet, today: NaiveDate, options: Options) -> Result<()> {
    let store = options
        .data_dir
        .as_deref()
        .map(Store::open)
        .transpose()
        .ok()
        .flatten();
    // A kiosk never shows what earlier visitors saved.
    let (saved, problems) = match (&store, options.kiosk) {
        (Some(s), None) => s.list(Utc::now()).unwrap_or_default(),
        _ => (Vec::new(), Vec::new()),
    };
    let mut app = App::new(policy, today, saved, problems);
    app.kiosk = options.kiosk;
    app.can_print = options.print.configured();
    if options.pack_problems > 0 {
        app.message = Some((
            app::Level::Error,
            crate::i18n::tf("tui.pack_problems", &[("n", &options.pack_problems)]),
        ));
    }

    // A panic must leave a usable terminal behind.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        default_hook(info);
    }));
    enable_raw_mode()?;
    let _guard = TerminalGuard;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app::update(&mut app, Msg::Resize(size.width, size.height));
    if std::env::var_os("RENEW_TEST_PANIC").is_some() {
        terminal.draw(|f| view::draw(f, &app, &options.theme))?;
        panic!("RENEW_TEST_PANIC is set: panicking on purpose to test terminal restore");
    }

    // SIGTERM and SIGHUP (a closed terminal window, an operator's kill) end
    // the loop like a quit: the guard restores the terminal, and every tick
    // was saved the moment it was made.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, std::sync::Arc::clone(&stop))?;
    }
    let started = Instant::now();
    let store = if app.kiosk.is_some() && !options.kiosk.is_some_and(|k| k.allow_save) {
        None
    } else {
        store
    };
    while !app.quit && !stop.load(std::sync::atomic::Ordering::Relaxed) {
        let elapsed = started.elapsed().as_millis() as u64;
        app::update(&mut app, Msg::Tick(elapsed));
        terminal.draw(|f| view::draw(f, &app, &options.theme))?;
        if !event::poll(Duration::from_millis(250))? {
            continue;
        }
        let msg = match event::read()? {
            Event::Key(k) => Msg::Key(k),
            Event::Mouse(m) => Msg::Mouse(m),
            Event::Paste(p) => Msg::Paste(p),
            Event::Resize(w, h) => Msg::Resize(w, h),
            _ => continue,
        };
        app::update(&mut app, Msg::Tick(started.elapsed().as_millis() as u64));
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in app::update(&mut app, msg) {
                if let Some(reply) = perform(effect, store.as_ref(), &options.print, Utc::now()) {
                    queue.push(reply);
                }
            }
        }
    }
    Ok(())
}
