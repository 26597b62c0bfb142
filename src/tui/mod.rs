//! The wizard: a terminal UI in the Elm shape. `app` holds the state and
//! `update`; `view` draws; this module is the thin shell that owns the
//! terminal, reads events and performs effects (saving).

pub mod app;
pub mod input;
pub mod layout;
pub mod theme;
pub mod view;

use std::io::{self, Stdout};
use std::time::Duration;

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
use self::theme::Theme;
use crate::checklist::Checklist;
use crate::checklist::store::Store;
use crate::policy::PolicySet;

/// Performs one effect against the store; the result comes back as a message.
pub fn perform(effect: Effect, store: Option<&Store>, now: DateTime<Utc>) -> Option<Msg> {
    let Some(store) = store else {
        return match effect {
            Effect::Quit => None,
            _ => Some(Msg::Saved(Err(crate::i18n::t("tui.no_store").to_string()))),
        };
    };
    match effect {
        Effect::Quit => None,
        Effect::Save {
            existing: Some(id),
            label,
            answers,
            plan,
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
        } => {
            let c = Checklist::new(store.new_id(), &label, &answers, &plan, now);
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
}

/// Runs the wizard until the person quits.
pub fn run(policy: PolicySet, today: NaiveDate, options: Options) -> Result<()> {
    let store = options
        .data_dir
        .as_deref()
        .map(Store::open)
        .transpose()
        .ok()
        .flatten();
    let (saved, problems) = match &store {
        Some(s) => s.list(Utc::now()).unwrap_or_default(),
        None => (Vec::new(), Vec::new()),
    };
    let mut app = App::new(policy, today, saved, problems);

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

    while !app.quit {
        terminal.draw(|f| view::draw(f, &app, &options.theme))?;
        if !event::poll(Duration::from_millis(500))? {
            continue;
        }
        let msg = match event::read()? {
            Event::Key(k) => Msg::Key(k),
            Event::Mouse(m) => Msg::Mouse(m),
            Event::Paste(p) => Msg::Paste(p),
            Event::Resize(w, h) => Msg::Resize(w, h),
            _ => continue,
        };
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in app::update(&mut app, msg) {
                if let Some(reply) = perform(effect, store.as_ref(), Utc::now()) {
                    queue.push(reply);
                }
            }
        }
    }
    Ok(())
}
