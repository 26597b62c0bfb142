//! The wizard driven without a terminal, as the shell drives it: messages
//! through `update`, effects performed against a temp store, screens drawn
//! on `TestBackend` and read back as text. The wizard runs on the fixture
//! policy set (`tests/fixtures/policy/`, see `src/policy/fixture.rs`): 甲乙丙
//! 丁市 of 示例省 and the generic entry, so an edit of `data/` changes no
//! screen here.

#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use renewal_assistant::checklist::store::Store;
use renewal_assistant::config::PrintConfig;
use renewal_assistant::config::QuitKey;
use renewal_assistant::i18n::{Lang, Words};
use renewal_assistant::policy::PolicySet;
use renewal_assistant::tui::app::{App, Effect, Kiosk, Msg, Page, Question, update};
use renewal_assistant::tui::theme::Theme;
use renewal_assistant::tui::{perform, view};

pub const THEME: Theme = Theme {
    color: true,
    ascii: false,
    high_contrast: false,
};

/// The words the wizard speaks unless a test says: Simplified Chinese.
pub const ZH: Words = Words::new(Lang::ZhHans);

pub struct Harness {
    pub app: App,
    pub store: Store,
    pub printer: PrintConfig,
    pub _tmp: tempfile::TempDir,
    pub quit: bool,
}

/// A walk-up kiosk: 120 s idle with a 20 s countdown, Ctrl-Q twice quits.
pub const KIOSK: Kiosk = Kiosk {
    idle_secs: 120,
    countdown_secs: 20,
    allow_save: true,
    quit_key: QuitKey::Ctrl('q'),
};

/// The fixture policy set: a national file and a few made-up regions, one
/// for each rule shape (`src/policy/fixture.rs` lists them).
pub const FIXTURE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/policy");

/// Its regions, for the binary as a policy pack (`RENEW_POLICY_DIR`): they
/// join the shipped regions and national file.
pub const FIXTURE_REGIONS: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/policy/regions");

/// The fixture policy set, validated as the shipped data is.
pub fn fixture_policy() -> PolicySet {
    PolicySet::from_dir(std::path::Path::new(FIXTURE_DIR))
        .unwrap_or_else(|e| panic!("the fixture policy set: {e}"))
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

impl Harness {
    /// A walk-up kiosk: 120 s idle with a 20 s countdown, Ctrl-Q twice quits.
    pub fn kiosk() -> Harness {
        Harness::kiosk_in(tempfile::tempdir().unwrap(), KIOSK)
    }

    /// A walk-up kiosk speaking `words`.
    pub fn kiosk_speaking(words: Words) -> Harness {
        Harness::start_with(
            fixture_policy(),
            tempfile::tempdir().unwrap(),
            Some(KIOSK),
            words,
        )
    }

    /// A kiosk as the shell starts it, over a data dir that may already
    /// hold checklists saved there by others.
    pub fn kiosk_in(tmp: tempfile::TempDir, kiosk: Kiosk) -> Harness {
        Harness::start_with(fixture_policy(), tmp, Some(kiosk), ZH)
    }

    /// The shell's clock: milliseconds since start.
    pub fn tick(&mut self, ms: u64) -> &mut Self {
        self.send(Msg::Tick(ms));
        self
    }

    /// The screen with every style change marked, for theme snapshots:
    /// `{fg/bg/modifiers}` before each run of cells in one style.
    pub fn styled_screen(&self, theme: &Theme) -> String {
        self.read_screen(theme, true)
    }

    /// Draws the app and reads the screen back as a person does: one line
    /// per row, a wide character once (the cell after it is covered), and
    /// with `styles` a mark wherever the style changes.
    fn read_screen(&self, theme: &Theme, styles: bool) -> String {
        let (w, h) = self.app.size();
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| view::draw(f, &self.app, theme)).unwrap();
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..h {
            let mut line = String::new();
            let mut last = None;
            let mut x = 0;
            while x < w {
                let cell = &buffer[(x, y)];
                let style = (cell.fg, cell.bg, cell.modifier);
                if styles && last != Some(style) {
                    line.push_str(&format!(
                        "{{{:?}/{:?}/{:?}}}",
                        cell.fg, cell.bg, cell.modifier
                    ));
                    last = Some(style);
                }
                line.push_str(cell.symbol());
                x += (unicode_width::UnicodeWidthStr::width(cell.symbol()) as u16).max(1);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The checklist shown on the result screen.
    pub fn checklist(&self) -> &renewal_assistant::checklist::Checklist {
        self.app.result().unwrap().checklist().unwrap()
    }

    /// Whether the app is on this screen.
    pub fn on(&self, screen: Page) -> bool {
        self.app.page() == screen
    }

    /// On the first question, nothing answered.
    pub fn at_start(&self) -> bool {
        self.on(Page::Question(Question::Region)) && self.app.draft().region.is_none()
    }

    pub fn new() -> Harness {
        Harness::speaking(ZH)
    }

    /// The wizard speaking `words`.
    pub fn speaking(words: Words) -> Harness {
        Harness::in_dir_speaking(tempfile::tempdir().unwrap(), words)
    }

    pub fn in_dir(tmp: tempfile::TempDir) -> Harness {
        Harness::in_dir_speaking(tmp, ZH)
    }

    /// The wizard speaking `words`, over a data dir that may already hold
    /// checklists.
    pub fn in_dir_speaking(tmp: tempfile::TempDir, words: Words) -> Harness {
        Harness::start_with(fixture_policy(), tmp, None, words)
    }

    /// A walk-up kiosk on other policy data than the fixture set.
    pub fn kiosk_with(policy: PolicySet) -> Harness {
        Harness::kiosk_with_speaking(policy, ZH)
    }

    /// A walk-up kiosk on other policy data, speaking `words`.
    pub fn kiosk_with_speaking(policy: PolicySet, words: Words) -> Harness {
        Harness::start_with(policy, tempfile::tempdir().unwrap(), Some(KIOSK), words)
    }

    /// The wizard on other policy data than the fixture set.
    pub fn with_policy(policy: PolicySet) -> Harness {
        Harness::with_policy_speaking(policy, ZH)
    }

    /// The wizard on other policy data, speaking `words`.
    pub fn with_policy_speaking(policy: PolicySet, words: Words) -> Harness {
        Harness::start_with(policy, tempfile::tempdir().unwrap(), None, words)
    }

    /// The wizard on other policy data, over a data dir that may already
    /// hold checklists.
    pub fn in_dir_with(policy: PolicySet, tmp: tempfile::TempDir) -> Harness {
        Harness::in_dir_with_speaking(policy, tmp, ZH)
    }

    /// The wizard on other policy data, over a data dir that may already
    /// hold checklists, speaking `words`.
    pub fn in_dir_with_speaking(
        policy: PolicySet,
        tmp: tempfile::TempDir,
        words: Words,
    ) -> Harness {
        Harness::start_with(policy, tmp, None, words)
    }

    /// Starts the wizard the way the shell does (`tui::start`).
    fn start_with(
        policy: PolicySet,
        tmp: tempfile::TempDir,
        kiosk: Option<Kiosk>,
        words: Words,
    ) -> Harness {
        let now = Utc.with_ymd_and_hms(2026, 1, 15, 9, 0, 0).unwrap();
        let (mut app, _) =
            renewal_assistant::tui::start(policy, today(), Some(tmp.path()), kiosk, now, words);
        // Effects go to a store here even where the shell has none, so a
        // test can see that nothing was written.
        let store = Store::open(tmp.path()).unwrap();
        // A sheet saved under a bare name goes to the temp dir, never the
        // directory the tests run in.
        app.set_sheet_dir(tmp.path().to_path_buf());
        update(&mut app, Msg::Resize(80, 24));
        Harness {
            app,
            store,
            printer: PrintConfig::default(),
            _tmp: tmp,
            quit: false,
        }
    }

    /// Applies a message and performs the effects it asks for, as the shell does.
    pub fn send(&mut self, msg: Msg) {
        let now = Utc.with_ymd_and_hms(2026, 1, 15, 9, 0, 0).unwrap();
        let mut queue = vec![msg];
        while let Some(m) = queue.pop() {
            for effect in update(&mut self.app, m) {
                if effect == Effect::Quit {
                    self.quit = true;
                }
                if let Some(reply) =
                    perform(&self.app, effect, Some(&self.store), &self.printer, now)
                {
                    queue.push(reply);
                }
            }
        }
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
        self
    }

    /// Types text one character at a time, as a keyboard (or an IME) does.
    pub fn typed(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    pub fn enter(&mut self) -> &mut Self {
        self.key(KeyCode::Enter)
    }

    pub fn esc(&mut self) -> &mut Self {
        self.key(KeyCode::Esc)
    }

    pub fn click(&mut self, column: u16, row: u16) -> &mut Self {
        self.send(Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
        self
    }

    pub fn resize(&mut self, w: u16, h: u16) -> &mut Self {
        self.send(Msg::Resize(w, h));
        self
    }

    pub fn screen(&self) -> String {
        self.screen_with(&THEME)
    }

    pub fn screen_with(&self, theme: &Theme) -> String {
        self.read_screen(theme, false)
    }

    pub fn saved_files(&self) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(self.store.dir()).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
            {
                out.push(serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap());
            }
        }
        out
    }

    /// Answers every question for 甲市 (the fixture's `fx-exact`) / 职工 /
    /// 糖尿病 / 2026-03-31 / 否.
    pub fn answer_all(&mut self) -> &mut Self {
        self.typed("js")
            .enter()
            .typed("1")
            .enter()
            .typed("tnb")
            .enter()
            .typed("2026-03-31")
            .enter()
            .enter()
    }
}

/// The day every run of the binary takes for today, unless a test says
/// otherwise (`--today` wins over it).
pub const TODAY: &str = "2026-01-15";

/// Makes `cmd` hermetic: nothing of this machine's environment reaches it
/// (HOME and its config, LANG and LC_*, RENEW_*, ACCESSIBLE, NO_COLOR are
/// all cleared); `PATH` is kept, `HOME` and the data folder are `dir` (HOME
/// is set, not just cleared: without it the config is looked up in the
/// account's home directory), the locale is UTF-8 C (Simplified Chinese)
/// and today is [`TODAY`]. A test adds what it needs (`RENEW_POLICY_DIR`,
/// another `LANG`) after this.
pub fn hermetic<'a>(
    cmd: &'a mut std::process::Command,
    dir: &std::path::Path,
) -> &'a mut std::process::Command {
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("RENEW_DATA_DIR", dir)
        .env("LANG", "C.UTF-8")
        .env("RENEW_TODAY", TODAY)
}

/// The `renew` binary, hermetic (see [`hermetic`]), its home and data in `dir`.
pub fn renew_in(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("renew"));
    hermetic(&mut cmd, dir);
    assert_cmd::Command::from_std(cmd)
}

/// The region files of a policy folder (`data/` or a fixture), sorted by
/// name: (file name, text).
pub fn region_files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir.join("regions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The national file of a policy folder.
pub fn national_file(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("national.json")).unwrap()
}

/// A policy set from these texts, validated, or every problem found.
pub fn load_files(
    national: &str,
    regions: &[(String, String)],
) -> Result<PolicySet, Vec<renewal_assistant::policy::Problem>> {
    PolicySet::from_files(
        ("national.json", national),
        regions.iter().map(|(f, t)| (f.as_str(), t.as_str())),
    )
    .map_err(|renewal_assistant::policy::LoadError::Invalid(p)| p)
}

/// What a run gave: its exit code (-1 when a signal ended it), its output
/// and its error output.
pub fn outcome(out: std::process::Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
