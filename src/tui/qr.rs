//! The plan as a QR code drawn with half-block characters (the `qrcode`
//! crate's `Dense1x2` renderer): one module per column and two per row, so
//! modules come out square on a terminal, with the standard 4-module quiet
//! zone. The text is marked UTF-8 (ECI 26) so readers do not take the
//! Chinese for Latin-1 or Shift-JIS.

use qrcode::bits::Bits;
use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode, Version};

use crate::document::qr::{QR_LEVELS, qr_text};
use crate::i18n::Words;
use crate::plan::RenewalPlan;

/// ECI designator of UTF-8 (ISO/IEC 18004, AIM ECI 000026).
const ECI_UTF8: u32 = 26;

/// A code that fits: the text it holds and its lines of half-blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FittedQr {
    pub text: String,
    pub lines: Vec<String>,
    pub level: u8,
}

/// The smallest code for `text` at error correction L: a UTF-8 ECI
/// marker, then the text as bytes. None when no version holds it.
pub(crate) fn encode(text: &str) -> Option<QrCode> {
    (1..=40).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_eci_designator(ECI_UTF8).ok()?;
        bits.push_byte_data(text.as_bytes()).ok()?;
        bits.push_terminator(EcLevel::L).ok()?;
        QrCode::with_bits(bits, EcLevel::L).ok()
    })
}

/// Half-block lines for `code`, quiet zone included: `█` both modules
/// dark, `▀` top dark, `▄` bottom dark, space both light.
pub(crate) fn render(code: &QrCode) -> Vec<String> {
    code.render::<Dense1x2>()
        .dark_color(Dense1x2::Dark)
        .light_color(Dense1x2::Light)
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .build()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The richest text whose code fits in `cols` x `rows` cells.
pub fn fit(plan: &RenewalPlan, cols: u16, rows: u16, words: Words) -> Option<FittedQr> {
    (0..QR_LEVELS).find_map(|level| {
        let text = qr_text(plan, level, words);
        let lines = render(&encode(&text)?);
        let width = lines.first().map_or(0, |l| l.chars().count());
        (width <= usize::from(cols) && lines.len() <= usize::from(rows)).then_some(FittedQr {
            text,
            lines,
            level,
        })
    })
}
