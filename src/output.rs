//! How things reach the user: terminal-safe text, colour rules, tables and JSON.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour only when stdout is a terminal and NO_COLOR is not set
    #[default]
    Auto,
    /// Always colour, even into a pipe or under NO_COLOR
    Always,
    /// Never colour
    Never,
}

impl ColorChoice {
    /// Whether stdout gets colour: `always` forces it, a non-empty NO_COLOR or `never` turns it off,
    /// and `auto` colours only a terminal.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                !no_color && io::stdout().is_terminal()
            }
        }
    }
}

/// Is this character unsafe to hand to a terminal? Control characters (C0, DEL, C1, which include
/// ESC and CSI) and the bidirectional overrides that can make text read differently than it is.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds a character [`is_unsafe`] refuses, looking at bytes where it can: every unsafe
/// character is an ASCII control, or starts with the byte 0xC2 (C1 controls) or 0xE2 (the
/// bidirectional marks). This runs on every line the receiver prints.
fn has_unsafe(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        0x00..=0x1F | 0x7F => true,
        0xC2 | 0xE2 => s[i..].chars().next().is_some_and(is_unsafe),
        _ => false,
    })
}

/// Make text from outside (a payload, a header, an API message) safe for a terminal: tabs and line
/// breaks become spaces, every other control or escape character is dropped. Every string that did not
/// come from this program goes through here before it is printed.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`sanitize`] but keeps line breaks, for multi-line blocks (pretty JSON, header lists).
pub fn sanitize_block(s: &str) -> String {
    s.split('\n')
        .map(|line| sanitize(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// ANSI styles used by the tool: few, and only when colour is on.
#[derive(Debug, Clone, Copy)]
pub enum Style {
    Green,
    Red,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Dim,
    Bold,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Green => "32",
            Style::Red => "31",
            Style::Yellow => "33",
            Style::Blue => "34",
            Style::Magenta => "35",
            Style::Cyan => "36",
            Style::Dim => "2",
            Style::Bold => "1",
        }
    }
}

/// Wrap already-sanitized text in a style when colour is on.
pub fn paint(text: &str, style: Style, color: bool) -> String {
    let mut out = String::with_capacity(text.len() + 9);
    paint_into(&mut out, format_args!("{text}"), style, color);
    out
}

/// [`paint`], appended to `out` (for lines built once per delivery).
pub fn paint_into(out: &mut String, text: std::fmt::Arguments, style: Style, color: bool) {
    use std::fmt::Write as _;
    if color {
        let _ = write!(out, "\x1b[{}m{text}\x1b[0m", style.code());
    } else {
        let _ = out.write_fmt(text);
    }
}

/// A table with the project's look: borders on a terminal, plain aligned columns in a pipe.
pub fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    if io::stdout().is_terminal() {
        table.load_style(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.load_style(presets::NOTHING);
    }
    table.set_header(header.to_vec());
    table
}

/// Print a table to stdout, trimming the trailing spaces a borderless table leaves.
pub fn print_table(table: &Table) -> io::Result<()> {
    let mut out = io::stdout().lock();
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()
}

/// Print one JSON document to stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Messages for stderr, silenced by `--quiet` (errors are never silenced).
#[derive(Debug, Clone, Copy)]
pub struct Notes {
    pub quiet: bool,
    pub verbose: bool,
}

impl Notes {
    pub fn info(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", msg.as_ref());
        }
    }

    pub fn warn(&self, msg: impl AsRef<str>) {
        eprintln!("timeular-hooks: warning: {}", msg.as_ref());
    }

    pub fn debug(&self, msg: impl AsRef<str>) {
        if self.verbose {
            eprintln!("{}", msg.as_ref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_agrees_with_the_char_check() {
        for c in (0..=0x3000u32)
            .chain(0xFFF0..=0x1_0010)
            .filter_map(char::from_u32)
        {
            let s = format!("a{c}b");
            assert_eq!(has_unsafe(&s), is_unsafe(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn sanitize_strips_escapes_and_controls() {
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("a\x1b[31mred\x1b[0m"), "a[31mred[0m");
        assert_eq!(sanitize("line\nbreak\ttab"), "line break tab");
        assert_eq!(sanitize("\u{9b}31m c1 \u{7f}del"), "31m c1 del");
        assert_eq!(sanitize("bidi\u{202E}txet"), "biditxet");
    }

    #[test]
    fn sanitize_block_keeps_lines() {
        assert_eq!(sanitize_block("a\x1b\nb\x07"), "a\nb");
    }
}
