//! A one-line text field that knows CJK: the caret moves by characters and
//! its screen column is measured in display width.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    /// Caret position in characters.
    pub caret: usize,
    /// The text was put there for the person (a default, the saved value):
    /// the first character typed replaces it; Enter, an arrow or any other
    /// editing key keeps it.
    pub prefilled: bool,
}

/// The most a field takes; a paste longer than this is cut.
pub(crate) const MAX_CHARS: usize = 60;

impl TextInput {
    pub(crate) fn with(text: &str) -> TextInput {
        let text: String = text.chars().take(MAX_CHARS).collect();
        let caret = text.chars().count();
        TextInput {
            prefilled: !text.is_empty(),
            text,
            caret,
        }
    }

    /// Empties the field (Ctrl-U, as in a shell).
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.caret = 0;
        self.prefilled = false;
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map(|(b, _)| b)
            .unwrap_or(self.text.len())
    }

    /// Inserts text at the caret; control characters are dropped. Into a
    /// pre-filled field, the text replaces what was there.
    pub(crate) fn insert(&mut self, s: &str) {
        if std::mem::take(&mut self.prefilled) {
            self.text.clear();
            self.caret = 0;
        }
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let clean: String = s.chars().filter(|c| !c.is_control()).take(room).collect();
        let at = self.byte_at(self.caret);
        self.text.insert_str(at, &clean);
        self.caret += clean.chars().count();
    }

    pub(crate) fn backspace(&mut self) {
        if self.caret > 0 {
            let start = self.byte_at(self.caret - 1);
            let end = self.byte_at(self.caret);
            self.text.replace_range(start..end, "");
            self.caret -= 1;
        }
    }

    pub fn delete(&mut self) {
        let len = self.text.chars().count();
        if self.caret < len {
            let start = self.byte_at(self.caret);
            let end = self.byte_at(self.caret + 1);
            self.text.replace_range(start..end, "");
        }
    }

    pub(crate) fn left(&mut self) {
        self.caret = self.caret.saturating_sub(1);
    }

    pub(crate) fn right(&mut self) {
        self.caret = (self.caret + 1).min(self.text.chars().count());
    }

    pub(crate) fn home(&mut self) {
        self.caret = 0;
    }

    pub(crate) fn end(&mut self) {
        self.caret = self.text.chars().count();
    }

    /// The editing keys every field shares (typing, Backspace, Delete, the
    /// arrows, Home, End, and as in a shell Ctrl-A / Ctrl-E to the start /
    /// end, Ctrl-U to clear); true when the key was one of them.
    pub(crate) fn edit(&mut self, k: &KeyEvent) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let typed = matches!(k.code, KeyCode::Char(_))
            && !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !typed {
            // Any other key keeps the pre-filled text as text to edit.
            self.prefilled = false;
        }
        match k.code {
            KeyCode::Char('u' | 'U') if ctrl => self.clear(),
            KeyCode::Char('a' | 'A') if ctrl => self.home(),
            KeyCode::Char('e' | 'E') if ctrl => self.end(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            KeyCode::Char(c)
                if !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.insert(&c.to_string())
            }
            _ => return false,
        }
        true
    }

    /// Display columns from the start of the text to the caret.
    pub(crate) fn caret_column(&self) -> u16 {
        let before = &self.text[..self.byte_at(self.caret)];
        u16::try_from(before.width()).unwrap_or(u16::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_caret_moves_by_characters_and_measures_by_width() {
        let mut t = TextInput::default();
        t.insert("糖尿");
        assert_eq!((t.caret, t.caret_column()), (2, 4));
        t.left();
        t.insert("a");
        assert_eq!(t.text, "糖a尿");
        assert_eq!(t.caret_column(), 3);
        t.backspace();
        t.backspace();
        assert_eq!(t.text, "尿");
        t.backspace();
        assert_eq!(t.text, "尿", "nothing before the caret");
        t.end();
        t.delete();
        assert_eq!(t.text, "尿");
        t.home();
        t.delete();
        assert_eq!((t.text.as_str(), t.caret), ("", 0));
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// Issue 26: typing into the label's default (高血压病3级) gave
    /// 高血压病3级妈妈; Ctrl-U and Ctrl-A did nothing.
    #[test]
    fn a_prefilled_field_is_replaced_by_the_first_character_typed() {
        let mut t = TextInput::with("高血压病3级");
        t.edit(&key(KeyCode::Char('妈')));
        t.edit(&key(KeyCode::Char('妈')));
        assert_eq!((t.text.as_str(), t.caret), ("妈妈", 2));
        // An arrow (or any editing key) keeps the text to edit.
        let mut t = TextInput::with("2026-03-31");
        t.edit(&key(KeyCode::Left));
        t.edit(&key(KeyCode::Char('x')));
        assert_eq!(t.text, "2026-03-3x1");
        let mut t = TextInput::with("2026-03-31");
        t.edit(&key(KeyCode::Backspace));
        assert_eq!(t.text, "2026-03-3");
    }

    #[test]
    fn ctrl_u_clears_and_ctrl_a_ctrl_e_move_as_in_a_shell() {
        let mut t = TextInput::with("2026-03-31");
        assert!(t.edit(&ctrl('a')));
        assert_eq!(t.caret, 0);
        t.edit(&key(KeyCode::Char('1')));
        assert_eq!(t.text, "12026-03-31", "moved: no longer replaced");
        assert!(t.edit(&ctrl('e')));
        assert_eq!(t.caret, t.text.chars().count());
        assert!(t.edit(&ctrl('u')));
        assert_eq!((t.text.as_str(), t.caret), ("", 0));
        t.edit(&key(KeyCode::Char('9')));
        assert_eq!(t.text, "9");
        assert!(!t.edit(&ctrl('x')), "other control keys are not editing");
    }

    #[test]
    fn control_characters_and_overlong_pastes_are_dropped() {
        let mut t = TextInput::default();
        t.insert("a\u{1b}[2Jb\n");
        assert_eq!(t.text, "a[2Jb");
        t.insert(&"x".repeat(10_000));
        assert_eq!(t.text.chars().count(), MAX_CHARS);
    }
}
