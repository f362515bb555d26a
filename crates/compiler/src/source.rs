//! The source being compiled: its text, file name and line starts, so that a
//! byte offset becomes a [`Pos`] and a [`Pos`] becomes an error with the
//! line's text, as CPython prints a `SyntaxError`.

use crate::ast::Pos;
use crate::error::{CompileError, ErrorKind};

/// Source text with a line index.
pub(crate) struct SourceText<'a> {
    pub(crate) text: &'a str,
    pub(crate) filename: &'a str,
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl<'a> SourceText<'a> {
    pub(crate) fn new(text: &'a str, filename: &'a str) -> SourceText<'a> {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceText {
            text,
            filename,
            line_starts,
        }
    }

    /// The position of a byte offset.
    pub(crate) fn pos(&self, offset: u32) -> Pos {
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(idx).copied().unwrap_or(0);
        Pos {
            line: idx as u32 + 1,
            col: offset.saturating_sub(start),
        }
    }

    /// The number of lines (a last line without a line break counts).
    pub(crate) fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The text of a 1-based line, without its line break (empty past the end).
    pub(crate) fn line_text(&self, line: u32) -> &'a str {
        let idx = line.saturating_sub(1) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return "";
        };
        let end = self
            .line_starts
            .get(idx + 1)
            .map_or(self.text.len(), |&e| e as usize);
        self.text
            .get(start as usize..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// A `SyntaxError` at a position.
    pub(crate) fn error(&self, pos: Pos, message: impl Into<String>) -> CompileError {
        self.error_kind(pos, ErrorKind::SyntaxError, message)
    }

    /// An error of the given kind at a position.
    pub(crate) fn error_kind(
        &self,
        pos: Pos,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> CompileError {
        let text = self.line_text(pos.line);
        // CPython's column counts characters, from 1.
        let column = text
            .get(..pos.col as usize)
            .map_or(pos.col, |s| s.chars().count() as u32)
            + 1;
        CompileError {
            kind,
            message: message.into(),
            filename: self.filename.to_string(),
            line: pos.line.max(1),
            column,
            text: text.to_string(),
        }
    }
}
