//! Popups over the screen: help, the plan's QR code, and the idle kiosk's
//! countdown. Any key closes the top one (and does nothing else).

use crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::theme::Theme;
use super::view::{fit, put, text_line};
use crate::i18n::{t, tf};
use crate::plan::render::wrap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key, explained.
    Help,
    /// The plan as a QR code, for a phone.
    Qr,
    /// Seconds left before an idle kiosk session is wiped.
    Countdown(u64),
}

/// A key while a popup shows closes the top one; true when it did. (The
/// countdown is closed by any input before this, in `update`.)
pub(crate) fn key(app: &mut App, _k: &KeyEvent) -> bool {
    app.overlays.pop().is_some()
}

/// A click while help shows closes it; true when the click is used up.
pub(crate) fn mouse(app: &mut App, m: &MouseEvent) -> bool {
    if !app.help_shown() {
        return false;
    }
    if matches!(m.kind, MouseEventKind::Down(_)) {
        app.overlays.retain(|o| *o != Overlay::Help);
    }
    true
}

/// Draws the popups, the bottom one first.
pub(crate) fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    for overlay in &app.overlays {
        match overlay {
            Overlay::Qr => qr(frame, app, theme),
            Overlay::Help => help(frame, app, theme),
            Overlay::Countdown(secs) => countdown(frame, theme, *secs),
        }
    }
}

/// The plan as a QR code over the whole screen, dark on light.
fn qr(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    frame.render_widget(Block::default().style(theme.base()), area);
    let Some(view) = app.result() else { return };
    // The caption beside the code where it leaves room (the code gets every
    // row), else on the row below it.
    const CAPTION_W: u16 = 26;
    let beside = super::qr::fit(
        &view.plan,
        area.width.saturating_sub(CAPTION_W + 2),
        area.height,
    );
    let (code, beside) = match beside {
        Some(code) => (Some(code), true),
        None => (
            super::qr::fit(&view.plan, area.width, area.height.saturating_sub(1)),
            false,
        ),
    };
    let Some(code) = code else {
        put(
            frame,
            1,
            1,
            area.width - 2,
            text_line(t("tui.qr.too_small"), theme.warn()),
        );
        return;
    };
    let w = code.lines.first().map(|l| l.chars().count()).unwrap_or(0) as u16;
    let x = if beside {
        1
    } else {
        (area.width.saturating_sub(w)) / 2
    };
    for (i, l) in code.lines.iter().enumerate() {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(l.clone(), theme.qr()))),
            Rect::new(x, i as u16, w, 1),
        );
    }
    let caption = tf(
        "tui.qr.caption",
        &[(
            "level",
            &t([
                "tui.qr.level0",
                "tui.qr.level1",
                "tui.qr.level2",
                "tui.qr.level3",
            ][usize::from(code.level)]),
        )],
    );
    if beside {
        let cx = x + w + 2;
        let cw = area.width.saturating_sub(cx + 1);
        for (i, l) in wrap(&caption, usize::from(cw)).iter().enumerate() {
            // From the code's first dark row, past the quiet zone's two.
            put(frame, cx, 2 + i as u16, cw, text_line(l, theme.question()));
        }
    } else {
        put(
            frame,
            1,
            code.lines.len() as u16,
            area.width - 2,
            text_line(&fit(&caption, area.width as usize - 2), theme.question()),
        );
    }
}

/// The idle kiosk's warning: the session is about to be wiped.
fn countdown(frame: &mut Frame, theme: &Theme, secs: u64) {
    let width = (frame.area().width as usize).saturating_sub(8).min(50);
    let lines = wrap(&tf("tui.countdown", &[("n", &secs)]), width);
    popup(frame, theme, None, &lines, theme.warn());
}

/// Blanks the wide characters that straddle the edges of `rect`: half of
/// one under a popup's border would make the terminal skip the border (on
/// the left) or leave a stray half behind it (on the right).
fn clear_whole_characters(frame: &mut Frame, rect: Rect) {
    let buf = frame.buffer_mut();
    let area = buf.area;
    for y in rect.top()..rect.bottom().min(area.bottom()) {
        if rect.x > area.x && buf[(rect.x - 1, y)].symbol().width() > 1 {
            buf[(rect.x - 1, y)].set_symbol(" ");
        }
        let right = rect.right();
        if right > rect.x && right < area.right() && buf[(right - 1, y)].symbol().width() > 1 {
            buf[(right, y)].set_symbol(" ");
        }
    }
}

/// A centred box over the screen, cleared first, sized to its lines.
fn popup(frame: &mut Frame, theme: &Theme, title: Option<String>, lines: &[String], style: Style) {
    let area = frame.area();
    let width = (lines.iter().map(|l| l.width()).max().unwrap_or(10) as u16 + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        (area.width - width) / 2,
        (area.height - height) / 2,
        width,
        height,
    );
    clear_whole_characters(frame, rect);
    frame.render_widget(Clear, rect);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .style(style);
    if let Some(title) = title {
        block = block.title(title);
    }
    let body: Vec<Line> = lines.iter().map(|l| text_line(l, style)).collect();
    frame.render_widget(Paragraph::new(body).block(block), rect);
}
/// Every key, explained; at a kiosk only the keys a visitor has.
fn help(frame: &mut Frame, app: &App, theme: &Theme) {
    let text = match app.kiosk() {
        Some(k) if k.allow_save => format!("{}\n{}", t("tui.help.kiosk"), t("tui.help.kiosk_save")),
        Some(_) => t("tui.help.kiosk").to_string(),
        None => t("tui.help").to_string(),
    };
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    popup(
        frame,
        theme,
        Some(format!(" {} ", t("tui.help.title"))),
        &lines,
        theme.base(),
    );
}
