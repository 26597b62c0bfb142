//! Colours and glyphs. Without colour (NO_COLOR) every state still shows by
//! a glyph, a word or a text attribute; `--ascii` swaps box and marker
//! glyphs for terminals that draw them double-wide.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

impl Theme {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn header(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn question(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new()
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn danger(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn info(&self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Days inside the window on the calendar: underlined, so it shows
    /// without colour too.
    pub fn in_window(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::UNDERLINED)
    }

    pub fn heading(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    pub fn pointer(&self) -> &'static str {
        if self.ascii { "> " } else { "► " }
    }

    pub fn check(&self, done: bool) -> &'static str {
        match (self.ascii, done) {
            (false, true) => "✓",
            (false, false) => "☐",
            (true, true) => "[x]",
            (true, false) => "[ ]",
        }
    }

    pub fn bar(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("#", "-")
        } else {
            ("█", "░")
        }
    }
}
