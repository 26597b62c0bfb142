//! What each screen's keys do, listed once per screen (as gitui's
//! `commands()`): a command's keys, the words of its hint in the footer and
//! of its lines in the help, and whether it is enabled now. The one list
//! feeds the key dispatch (`lookup`), the footer (`footer`) and the help
//! (`help_lines`), so adding a key is one entry in a screen's `commands`,
//! its arm in that screen's `run` and its words.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Words;

/// What a command does: the screens' `run` and `app` match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cmd {
    /// Every screen's: the help popup, quitting, one step back.
    Help,
    Quit,
    Back,
    /// Move in the list (or scroll): the key says how far.
    Move,
    /// Enter on the highlighted row: open, choose, change or confirm.
    Activate,
    /// A digit highlights (or chooses) that row.
    Number,
    /// Letters and editing keys go into the text field shown.
    Type,
    /// The caret in the text field.
    Caret,
    /// A key while a number is being typed ends it (the question lists).
    EndNumber,
    /// A letter that picks an option (y / n, the scheme's initials).
    Letter,
    // The home list's.
    Delete,
    Rename,
    EditAnswers,
    Note,
    Undo,
    New,
    // The result's.
    Tabs,
    Tick,
    Progress,
    Print,
    Qr,
    SaveHere,
    NextPerson,
    Learn,
    /// F2-F4 on a checklist opened from the list: they are the list's.
    ListKeys,
    // The renewal cycle's.
    Pick,
    Scroll,
    // The popups'.
    Close,
    Yes,
    No,
}

/// A key a command answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// This key, with any modifiers.
    Code(KeyCode),
    /// This letter in either case, with any modifiers.
    Char(char),
    /// This letter without Ctrl or Alt.
    Plain(char),
    /// Ctrl and this letter, in either case.
    Ctrl(char),
    /// Any digit 0-9.
    Digit,
    /// Any character.
    AnyChar,
    /// Any key at all.
    Any,
}

impl Key {
    fn matches(self, k: &KeyEvent) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let same =
            |c: char| matches!(k.code, KeyCode::Char(x) if x.to_lowercase().eq(c.to_lowercase()));
        match self {
            Key::Code(code) => k.code == code,
            Key::Char(c) => same(c),
            Key::Plain(c) => {
                same(c)
                    && !k
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }
            Key::Ctrl(c) => ctrl && same(c),
            Key::Digit => matches!(k.code, KeyCode::Char(c) if c.is_ascii_digit()),
            Key::AnyChar => matches!(k.code, KeyCode::Char(_)),
            Key::Any => true,
        }
    }

    /// The more particular a key, the earlier it is tried: Ctrl-D deletes
    /// before any character filters.
    fn rank(self) -> u8 {
        match self {
            Key::Ctrl(_) => 0,
            Key::Code(_) | Key::Char(_) | Key::Plain(_) => 1,
            Key::Digit => 2,
            Key::AnyChar => 3,
            Key::Any => 4,
        }
    }

    /// A key event this key answers to (for tests).
    #[cfg(test)]
    pub(crate) fn example(self) -> KeyEvent {
        match self {
            Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::Char(c) | Key::Plain(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Digit => KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE),
            Key::AnyChar => KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE),
            Key::Any => KeyEvent::new(KeyCode::Insert, KeyModifiers::NONE),
        }
    }
}

/// A line of the help popup. Their order here is the help's; the kiosk's
/// lines have their own place where the kiosk's help orders them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum HelpLine {
    Move,
    Enter,
    Numbers,
    Type,
    Edit,
    Back,
    Tabs,
    Tick,
    Page,
    QrKiosk,
    PrintKiosk,
    NextPerson,
    New,
    Help,
    Quit,
    /// Clicks: not a key, always listed.
    Mouse,
    Qr,
    Print,
    SaveHere,
    ListFilter,
    Delete,
    RenameEdit,
    Note,
    Progress,
    PrintFile,
}

impl HelpLine {
    /// The words of the line; some are said apart at a kiosk.
    fn words_key(self, kiosk: bool) -> &'static str {
        match self {
            HelpLine::Move => "tui.help.line.move",
            HelpLine::Enter if kiosk => "tui.help.line.enter_kiosk",
            HelpLine::Enter => "tui.help.line.enter",
            HelpLine::Numbers => "tui.help.line.numbers",
            HelpLine::Type => "tui.help.line.type",
            HelpLine::Edit => "tui.help.line.edit",
            HelpLine::Back => "tui.help.line.back",
            HelpLine::Tabs => "tui.help.line.tabs",
            HelpLine::Tick if kiosk => "tui.help.line.tick_kiosk",
            HelpLine::Tick => "tui.help.line.tick",
            HelpLine::Page => "tui.help.line.page",
            HelpLine::QrKiosk => "tui.help.line.qr_kiosk",
            HelpLine::PrintKiosk => "tui.help.line.print_kiosk",
            HelpLine::NextPerson => "tui.help.line.next_person",
            HelpLine::New => "tui.help.line.new",
            HelpLine::Help => "tui.help.line.help",
            HelpLine::Quit => "tui.help.line.quit",
            HelpLine::Mouse => "tui.help.line.mouse",
            HelpLine::Qr => "tui.help.line.qr",
            HelpLine::Print => "tui.help.line.print",
            HelpLine::SaveHere => "tui.help.line.save_here",
            HelpLine::ListFilter => "tui.help.line.list_filter",
            HelpLine::Delete => "tui.help.line.delete",
            HelpLine::RenameEdit => "tui.help.line.rename_edit",
            HelpLine::Note => "tui.help.line.note",
            HelpLine::Progress => "tui.help.line.progress",
            HelpLine::PrintFile => "tui.help.line.print_file",
        }
    }
}

/// One command of a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Command {
    pub cmd: Cmd,
    pub keys: &'static [Key],
    /// The words of its hint in the footer, when it has one now. Commands
    /// sharing a hint (F2-F4) show it once.
    pub hint: Option<&'static str>,
    /// Its lines in the help.
    pub help: &'static [HelpLine],
    /// Whether its keys do it now; a disabled command's keys go on to the
    /// next command that takes them, and its hint is not shown.
    pub enabled: bool,
    /// Where its hint goes in the footer: by this, then by the list.
    pub order: u8,
}

impl Command {
    pub(crate) fn new(cmd: Cmd, keys: &'static [Key], help: &'static [HelpLine]) -> Command {
        Command {
            cmd,
            keys,
            hint: None,
            help,
            enabled: true,
            order: 0,
        }
    }

    pub(crate) fn hint(mut self, words_key: &'static str) -> Command {
        self.hint = Some(words_key);
        self
    }

    pub(crate) fn hint_if(mut self, shown: bool, words_key: &'static str) -> Command {
        self.hint = shown.then_some(words_key);
        self
    }

    pub(crate) fn enabled(mut self, enabled: bool) -> Command {
        self.enabled = enabled;
        self
    }

    pub(crate) fn order(mut self, order: u8) -> Command {
        self.order = order;
        self
    }
}

/// Keys several screens share: moving in a list by a row, a page or to an
/// end; the caret in a text field; up and down a short list.
pub(crate) const LIST_KEYS: &[Key] = &[
    Key::Code(KeyCode::Up),
    Key::Code(KeyCode::Down),
    Key::Code(KeyCode::PageUp),
    Key::Code(KeyCode::PageDown),
    Key::Code(KeyCode::Home),
    Key::Code(KeyCode::End),
];
pub(crate) const CARET_KEYS: &[Key] = &[
    Key::Code(KeyCode::Left),
    Key::Code(KeyCode::Right),
    Key::Code(KeyCode::Home),
    Key::Code(KeyCode::End),
];
pub(crate) const UP_DOWN_TAB: &[Key] = &[
    Key::Code(KeyCode::Up),
    Key::Code(KeyCode::Down),
    Key::Code(KeyCode::Tab),
];
pub(crate) const ENTER_SPACE: &[Key] = &[Key::Code(KeyCode::Enter), Key::Char(' ')];

/// Where the footer puts the commands every screen has.
pub(crate) const ORDER_BACK: u8 = 80;
pub(crate) const ORDER_HELP: u8 = 85;
pub(crate) const ORDER_LAST: u8 = 88;
pub(crate) const ORDER_QUIT: u8 = 90;

/// The enabled command `k` is for: of those whose key takes it, the most
/// particular key first, then the first in the list.
pub(crate) fn lookup(list: &[Command], k: &KeyEvent) -> Option<Cmd> {
    list.iter()
        .filter(|c| c.enabled)
        .flat_map(|c| c.keys.iter().map(move |key| (key, c.cmd)))
        .filter(|(key, _)| key.matches(k))
        .min_by_key(|(key, _)| key.rank())
        .map(|(_, cmd)| cmd)
}

/// The footer's hints: those of the enabled commands, each once.
pub(crate) fn footer(words: Words, list: &[Command]) -> String {
    let mut shown: Vec<&Command> = list
        .iter()
        .filter(|c| c.enabled && c.hint.is_some())
        .collect();
    shown.sort_by_key(|c| c.order);
    let mut hints: Vec<&'static str> = Vec::new();
    for c in shown {
        if let Some(h) = c.hint
            && !hints.contains(&h)
        {
            hints.push(h);
        }
    }
    hints
        .iter()
        .map(|h| words.t(h))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The help's lines: every line of every command the lists offer (enabled
/// or not), in the help's order, and the mouse's.
pub(crate) fn help_lines(words: Words, lists: &[Command], kiosk: bool) -> Vec<String> {
    let mut lines: Vec<HelpLine> = lists
        .iter()
        .flat_map(|c| c.help.iter().copied())
        .chain([HelpLine::Mouse])
        .collect();
    lines.sort();
    lines.dedup();
    lines
        .into_iter()
        .map(|l| words.t(l.words_key(kiosk)).to_string())
        .collect()
}

#[cfg(test)]
mod tests;
