//! Reading one answer: a line of text, `<`, `q`, or what cannot be an
//! answer (not UTF-8, too long, the end of the input).

use std::io::{BufRead, Read};

use anyhow::Result;

pub(super) enum Input {
    Line(String),
    /// A line that is not UTF-8 text: said so, and asked again.
    NotText,
    /// A line longer than `MAX_LINE_BYTES`: skipped, and asked again.
    TooLong,
    Back,
    /// `q`: the person chose to stop.
    Quit,
    /// No more input (end of file, a closed pipe).
    Ended,
}

/// The longest answer read, in bytes; no name or date comes near it. The
/// rest of a longer line is skipped without being kept.
pub(crate) const MAX_LINE_BYTES: usize = 1024;

pub(super) fn read(input: &mut dyn BufRead) -> Result<Input> {
    let mut bytes = Vec::new();
    let n = (&mut *input)
        .take(MAX_LINE_BYTES as u64 + 1)
        .read_until(b'\n', &mut bytes)?;
    if n == 0 {
        return Ok(Input::Ended);
    }
    if bytes.len() > MAX_LINE_BYTES && bytes.last() != Some(&b'\n') {
        skip_line(input)?;
        return Ok(Input::TooLong);
    }
    let Ok(line) = String::from_utf8(bytes) else {
        return Ok(Input::NotText);
    };
    let trimmed = line.trim();
    Ok(match trimmed {
        "<" | "＜" => Input::Back,
        "q" | "Q" => Input::Quit,
        _ => Input::Line(trimmed.to_string()),
    })
}

/// Reads and drops the rest of a line, a buffer at a time.
fn skip_line(input: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|b| *b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let len = buf.len();
                input.consume(len);
            }
        }
    }
}
