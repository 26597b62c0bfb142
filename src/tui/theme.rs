//! Colours and glyphs. Without colour (NO_COLOR) every state still shows by
//! a glyph, a word or a text attribute; `--ascii` swaps box and marker
//! glyphs for terminals that draw them double-wide; high contrast paints
//! light text on black in bold.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
    /// Bright text on black, bold everywhere it matters.
    pub high_contrast: bool,
}

fn bright(c: Color) -> Color {
    match c {
        Color::Green => Color::LightGreen,
        Color::Yellow => Color::LightYellow,
        Color::Red => Color::LightRed,
        Color::Cyan => Color::LightCyan,
        other => other,
    }
}

impl Theme {
    fn hc(&self) -> bool {
        self.color && self.high_contrast
    }

    fn fg(&self, c: Color) -> Style {
        match (self.color, self.high_contrast) {
            (false, _) => Style::new(),
            (true, false) => Style::new().fg(c),
            // High contrast: the light variant of each colour, on black, bold.
            (true, true) => Style::new()
                .fg(bright(c))
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// The whole screen's base style (high contrast paints it black).
    pub(crate) fn base(&self) -> Style {
        if self.hc() {
            Style::new().fg(Color::White).bg(Color::Black)
        } else {
            Style::new()
        }
    }

    pub(crate) fn header(&self) -> Style {
        if self.hc() {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD)
        } else if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub(crate) fn question(&self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    pub(crate) fn dim(&self) -> Style {
        match (self.color, self.high_contrast) {
            (true, false) => Style::new().fg(Color::Gray),
            (true, true) => Style::new().fg(Color::White).bg(Color::Black),
            _ => Style::new(),
        }
    }

    pub fn selected(&self) -> Style {
        if self.hc() {
            Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub(crate) fn ok(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn danger(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn info(&self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Days inside the window on the calendar: underlined, so it shows
    /// without colour too.
    pub(crate) fn in_window(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::UNDERLINED)
    }

    pub(crate) fn heading(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A QR code must be dark modules on light ground to scan, whatever the theme.
    pub(crate) fn qr(&self) -> Style {
        Style::new().fg(Color::Black).bg(Color::White)
    }

    pub(crate) fn border(&self) -> border::Set<'static> {
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

    pub(crate) fn pointer(&self) -> &'static str {
        if self.ascii { "> " } else { "► " }
    }

    pub(crate) fn check(&self, done: bool) -> &'static str {
        match (self.ascii, done) {
            (false, true) => "✓",
            (false, false) => "☐",
            (true, true) => "[x]",
            (true, false) => "[ ]",
        }
    }

    pub(crate) fn bar(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("#", "-")
        } else {
            ("█", "░")
        }
    }
}
