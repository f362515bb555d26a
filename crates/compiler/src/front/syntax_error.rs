//! The parser's errors in CPython's words.
//!
//! Where CPython has a specific message and it is easy to tell which one
//! applies, it is used (`expected ':'`, `'(' was never closed`,
//! `cannot assign to literal`, `unexpected indent`, …); anything else is
//! CPython's catch-all `invalid syntax`.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as py};
use ruff_python_parser::{
    InterpolatedStringErrorType as FErr, LexicalErrorType as Lex, ParseError, ParseErrorType as P,
    Parsed,
};
use ruff_text_size::{Ranged, TextRange};

use crate::error::{CompileError, ErrorKind};
use crate::source::SourceText;

/// The `SyntaxError` (or `IndentationError`) CPython would raise for `e`.
pub(super) fn syntax_error(
    src: &SourceText<'_>,
    parsed: &Parsed<py::ModModule>,
    e: &ParseError,
) -> CompileError {
    let start = e.location.start().to_u32();
    if let Some(err) = bracket_error(src, parsed, start) {
        return err;
    }
    let at = src.pos(start);
    let syntax = |msg: String| src.error(at, msg);
    let indentation = |msg: String| src.error_kind(at, ErrorKind::IndentationError, msg);
    match &e.error {
        P::ExpectedToken {
            expected: TokenKind::Colon,
            ..
        } => syntax("expected ':'".into()),
        P::ExpectedToken {
            expected: TokenKind::Else,
            ..
        } => syntax("expected 'else' after 'if' expression".into()),
        P::OtherError(msg) => {
            if let Some(clause) = msg.strip_prefix("Expected an indented block after ") {
                let header = header_line(src, at.line);
                indentation(format!(
                    "expected an indented block after {} on line {header}",
                    clause_name(clause)
                ))
            } else if msg.starts_with("Expected `except` or `finally`") {
                syntax("expected 'except' or 'finally' block".into())
            } else if msg.starts_with("Only single target") {
                syntax("only single target (not tuple) can be annotated".into())
            } else {
                syntax("invalid syntax".into())
            }
        }
        P::UnexpectedIndentation => indentation("unexpected indent".into()),
        P::InvalidAssignmentTarget => {
            let (what, low_precedence) = describe_at(parsed, e.location);
            let then = src.text.get(e.location.end().to_usize()..).unwrap_or("");
            let then = then.trim_start_matches([' ', '\t', ')']);
            let before_assign = then.starts_with('=') && !then.starts_with("==");
            if matches!(what, "None" | "True" | "False" | "__debug__") {
                syntax(format!("cannot assign to {what}"))
            } else if before_assign && !low_precedence {
                syntax(format!(
                    "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                ))
            } else {
                syntax(format!("cannot assign to {what}"))
            }
        }
        P::InvalidNamedAssignmentTarget => syntax(format!(
            "cannot use assignment expressions with {}",
            describe_at(parsed, e.location).0
        )),
        P::InvalidAugmentedAssignmentTarget => syntax(format!(
            "'{}' is an illegal expression for augmented assignment",
            describe_at(parsed, e.location).0
        )),
        P::InvalidDeleteTarget => syntax(format!(
            "cannot delete {}",
            describe_at(parsed, e.location).0
        )),
        P::InvalidAnnotatedAssignmentTarget => syntax("illegal target for annotation".into()),
        P::PositionalAfterKeywordArgument => {
            syntax("positional argument follows keyword argument".into())
        }
        P::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking".into())
        }
        P::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking".into())
        }
        P::UnparenthesizedGeneratorExpression => {
            syntax("Generator expression must be parenthesized".into())
        }
        P::NonDefaultParamAfterDefaultParam => {
            syntax("non-default argument follows default argument".into())
        }
        P::ParamAfterVarKeywordParam => {
            syntax("arguments cannot follow var-keyword argument".into())
        }
        P::VarParameterWithDefault => {
            syntax("var-positional argument cannot have default value".into())
        }
        P::ExpectedKeywordParam => syntax("named arguments must follow bare *".into()),
        P::IterableUnpackingInComprehension => {
            syntax("iterable unpacking cannot be used in comprehension".into())
        }
        P::InvalidStarredExpressionUsage => syntax("can't use starred expression here".into()),
        P::FStringError(f) => syntax(fstring_message(f)),
        P::Lexical(lex) => match lex {
            Lex::IndentationError => {
                indentation("unindent does not match any outer indentation level".into())
            }
            Lex::UnclosedStringError => {
                let end = src.pos(e.location.end().to_u32()).line;
                let triple = src
                    .text
                    .get(e.location.start().to_usize()..)
                    .is_some_and(|s| {
                        let s = s.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                        s.starts_with("'''") || s.starts_with("\"\"\"")
                    });
                let which = if triple {
                    "triple-quoted string literal"
                } else {
                    "string literal"
                };
                syntax(format!("unterminated {which} (detected at line {end})"))
            }
            Lex::Eof => syntax("unexpected EOF while parsing".into()),
            Lex::UnrecognizedToken { tok } if !tok.is_ascii() => syntax(format!(
                "invalid character '{tok}' (U+{:04X})",
                u32::from(*tok)
            )),
            Lex::LineContinuationError => {
                syntax("unexpected character after line continuation character".into())
            }
            Lex::FStringError(f) => syntax(fstring_message(f)),
            Lex::InvalidByteLiteral => {
                syntax("bytes can only contain ASCII literal characters".into())
            }
            Lex::OtherError(msg) if msg.contains("decimal integer") => {
                let leading_zero = src
                    .text
                    .get(e.location.start().to_usize()..)
                    .is_some_and(|s| s.starts_with('0'));
                syntax(if leading_zero {
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers"
                        .into()
                } else {
                    "invalid decimal literal".into()
                })
            }
            _ => syntax("invalid syntax".into()),
        },
        _ => syntax("invalid syntax".into()),
    }
}

fn fstring_message(e: &FErr) -> String {
    match e {
        FErr::UnclosedLbrace => "f-string: expecting '}'".into(),
        FErr::SingleRbrace => "f-string: single '}' is not allowed".into(),
        FErr::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        FErr::UnterminatedString => "f-string: unterminated string".into(),
        FErr::UnterminatedTripleQuotedString => {
            "f-string: unterminated triple-quoted string".into()
        }
        FErr::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses".into()
        }
        _ => "f-string: invalid syntax".into(),
    }
}

/// CPython's name for the clause in ruff's "Expected an indented block
/// after `if` statement".
fn clause_name(ruff: &str) -> String {
    match ruff {
        "function definition" => ruff.into(),
        "`class` definition" => "class definition".into(),
        _ => {
            let keyword = ruff.split('`').nth(1).unwrap_or(ruff);
            format!("'{keyword}' statement")
        }
    }
}

/// The line of the block header (the nearest line before `line` ending in `:`).
fn header_line(src: &SourceText<'_>, line: u32) -> u32 {
    (1..line.min(src.line_count() + 1))
        .rev()
        .find(|&l| {
            let t = src.line_text(l);
            let code = t.split('#').next().unwrap_or(t).trim_end();
            code.ends_with(':')
        })
        .unwrap_or(line.saturating_sub(1).max(1))
}

/// An unmatched or unclosed bracket, which CPython's tokenizer reports
/// before any parse error after it.
fn bracket_error(
    src: &SourceText<'_>,
    parsed: &Parsed<py::ModModule>,
    error_offset: u32,
) -> Option<CompileError> {
    let mut open: Vec<(char, u32)> = Vec::new();
    for t in parsed.tokens().iter() {
        let at = t.start().to_u32();
        let (opening, closing) = match t.kind() {
            TokenKind::Lpar => (Some('('), None),
            TokenKind::Lsqb => (Some('['), None),
            TokenKind::Lbrace => (Some('{'), None),
            TokenKind::Rpar => (None, Some(('(', ')'))),
            TokenKind::Rsqb => (None, Some(('[', ']'))),
            TokenKind::Rbrace => (None, Some(('{', '}'))),
            _ => (None, None),
        };
        if let Some(c) = opening {
            open.push((c, at));
        }
        if let Some((want, c)) = closing {
            match open.pop() {
                Some((o, _)) if o == want => {}
                Some((o, _)) if at <= error_offset => {
                    return Some(src.error(
                        src.pos(at),
                        format!(
                            "closing parenthesis '{c}' does not match opening parenthesis '{o}'"
                        ),
                    ));
                }
                None if at <= error_offset => {
                    return Some(src.error(src.pos(at), format!("unmatched '{c}'")));
                }
                _ => return None,
            }
        }
    }
    let &(c, at) = open.last()?;
    Some(src.error(src.pos(at), format!("'{c}' was never closed")))
}

/// How CPython names the expression at `range` in "cannot assign to …", and
/// whether it binds looser than `|` (those get no "Maybe you meant '=='" hint).
fn describe_at(parsed: &Parsed<py::ModModule>, range: TextRange) -> (&'static str, bool) {
    let mut find = FindExpr { range, found: None };
    for s in &parsed.syntax().body {
        find.visit_stmt(s);
    }
    find.found.unwrap_or(("expression", false))
}

struct FindExpr {
    range: TextRange,
    found: Option<(&'static str, bool)>,
}

impl<'a> Visitor<'a> for FindExpr {
    fn visit_stmt(&mut self, stmt: &'a py::Stmt) {
        if self.found.is_none() && stmt.range().contains_range(self.range) {
            visitor::walk_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, expr: &'a py::Expr) {
        if self.found.is_some() || !expr.range().contains_range(self.range) {
            return;
        }
        if expr.range() == self.range {
            self.found = Some(describe(expr));
        } else {
            visitor::walk_expr(self, expr);
        }
    }
}

/// CPython's `_PyPegen_get_expr_name`, and whether the expression binds
/// looser than `|`.
fn describe(e: &py::Expr) -> (&'static str, bool) {
    use py::Expr as E;
    match e {
        E::Attribute(_) => ("attribute", false),
        E::Subscript(_) => ("subscript", false),
        E::Starred(_) => ("starred", false),
        E::Name(_) => ("name", false),
        E::List(_) => ("list", false),
        E::Tuple(_) => ("tuple", false),
        E::Lambda(_) => ("lambda", true),
        E::Call(_) => ("function call", false),
        E::BoolOp(_) => ("expression", true),
        E::UnaryOp(u) if u.op == py::UnaryOp::Not => ("expression", true),
        E::BinOp(_) | E::UnaryOp(_) => ("expression", false),
        E::Generator(_) => ("generator expression", false),
        E::Yield(_) | E::YieldFrom(_) => ("yield expression", false),
        E::Await(_) => ("await expression", false),
        E::ListComp(_) => ("list comprehension", false),
        E::SetComp(_) => ("set comprehension", false),
        E::DictComp(_) => ("dict comprehension", false),
        E::Dict(_) => ("dict literal", false),
        E::Set(_) => ("set display", false),
        E::FString(_) | E::TString(_) => ("f-string expression", false),
        E::NoneLiteral(_) => ("None", false),
        E::BooleanLiteral(b) => (if b.value { "True" } else { "False" }, false),
        E::EllipsisLiteral(_) => ("ellipsis", false),
        E::StringLiteral(_) | E::BytesLiteral(_) | E::NumberLiteral(_) => ("literal", false),
        E::Compare(_) => ("comparison", true),
        E::If(_) => ("conditional expression", true),
        E::Named(_) => ("named expression", false),
        E::Slice(_) | E::IpyEscapeCommand(_) => ("expression", false),
    }
}
