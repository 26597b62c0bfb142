//! The plan as a QR code drawn with half-block characters, one module per
//! column and two per row, so modules come out square on a terminal.

use qrcode::{Color, EcLevel, QrCode};

use crate::checklist::export::qr_text;
use crate::plan::RenewalPlan;

/// White modules around the code; scanners need a light margin.
const QUIET: usize = 2;

/// A code that fits: the text it holds and its lines of half-blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FittedQr {
    pub text: String,
    pub lines: Vec<String>,
    pub level: u8,
}

/// Half-block lines for `code`, quiet zone included. `█` both modules
/// dark, `▀` top dark, `▄` bottom dark, space both light.
pub fn render(code: &QrCode) -> Vec<String> {
    let w = code.width();
    let colors = code.to_colors();
    let size = w + 2 * QUIET;
    let dark = |x: usize, y: usize| -> bool {
        x >= QUIET
            && y >= QUIET
            && x < w + QUIET
            && y < w + QUIET
            && colors[(y - QUIET) * w + (x - QUIET)] == Color::Dark
    };
    (0..size.div_ceil(2))
        .map(|row| {
            (0..size)
                .map(|x| match (dark(x, 2 * row), dark(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect()
        })
        .collect()
}

/// The richest text whose code fits in `cols` x `rows` cells.
pub fn fit(plan: &RenewalPlan, cols: u16, rows: u16) -> Option<FittedQr> {
    (0..=2u8).find_map(|level| {
        let text = qr_text(plan, level);
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
        let lines = render(&code);
        let width = code.width() + 2 * QUIET;
        (width <= usize::from(cols) && lines.len() <= usize::from(rows)).then_some(FittedQr {
            text,
            lines,
            level,
        })
    })
}
