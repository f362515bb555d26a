//! Compile errors: CPython's checks and wording, brine's unsupported
//! constructs, and parse errors mapped to CPython's messages.

use crate::ErrorKind;

use super::error;

#[track_caller]
fn expect(src: &str, kind: ErrorKind, line: u32, column: u32, msg: &str) {
    let e = error(src);
    assert_eq!(
        (e.kind, e.line, e.column, e.message.as_str()),
        (kind, line, column, msg),
        "{src:?}"
    );
    assert_eq!(e.filename, "<test>");
}

#[test]
fn rules_cpython_checks_while_compiling() {
    use ErrorKind::SyntaxError as S;
    expect("x = 1\nreturn x\n", S, 2, 1, "'return' outside function");
    expect(
        "class C:\n    return 1\n",
        S,
        2,
        5,
        "'return' outside function",
    );
    expect("break\n", S, 1, 1, "'break' outside loop");
    expect(
        "def f():\n    continue\n",
        S,
        2,
        5,
        "'continue' not properly in loop",
    );
    expect(
        "for x in y:\n    def f():\n        break\n",
        S,
        3,
        9,
        "'break' outside loop",
    );
    expect("await x\n", S, 1, 1, "'await' outside function");
    expect(
        "def f():\n    await x\n",
        S,
        2,
        5,
        "'await' outside async function",
    );
    expect(
        "lambda: await x\n",
        S,
        1,
        9,
        "'await' outside async function",
    );
    expect(
        "class C:\n    yield 1\n",
        S,
        2,
        5,
        "'yield' outside function",
    );
    expect(
        "[(yield x) for x in y]\n",
        S,
        1,
        3,
        "'yield' inside list comprehension",
    );
    expect(
        "def f():\n    nonlocal q\n",
        S,
        2,
        5,
        "no binding for nonlocal 'q' found",
    );
    expect(
        "nonlocal x\n",
        S,
        1,
        1,
        "nonlocal declaration not allowed at module level",
    );
    expect(
        "def f(a, a):\n    pass\n",
        S,
        1,
        10,
        "duplicate argument 'a' in function definition",
    );
    expect(
        "def f():\n    x = 1\n    global x\n",
        S,
        3,
        5,
        "name 'x' is assigned to before global declaration",
    );
    expect(
        "def f():\n    print(x)\n    global x\n",
        S,
        3,
        5,
        "name 'x' is used prior to global declaration",
    );
    expect(
        "def f(x):\n    global x\n",
        S,
        2,
        5,
        "name 'x' is parameter and global",
    );
    expect("f(a=1, a=2)\n", S, 1, 8, "keyword argument repeated: a");
    expect(
        "a, *b, *c = d\n",
        S,
        1,
        1,
        "multiple starred expressions in assignment",
    );
    expect(
        "*a = b\n",
        S,
        1,
        1,
        "starred assignment target must be in a list or tuple",
    );
    expect("x = *a\n", S, 1, 5, "can't use starred expression here");
    expect(
        "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
        S,
        3,
        1,
        "default 'except:' must be last",
    );
    expect(
        "class C:\n    [y := 1 for x in z]\n",
        S,
        2,
        6,
        "assignment expression within a comprehension cannot be used in a class body",
    );
    expect(
        "[x := 1 for x in z]\n",
        S,
        1,
        2,
        "assignment expression cannot rebind comprehension iteration variable 'x'",
    );
    expect(
        "x = [*a for a in b]\n",
        S,
        1,
        6,
        "iterable unpacking cannot be used in comprehension",
    );
}

#[test]
fn constructs_brine_does_not_support_are_named() {
    use ErrorKind::SyntaxError as S;
    expect(
        "x = 1\nmatch x:\n    case 1:\n        pass\n",
        S,
        2,
        1,
        "the 'match' statement is not supported",
    );
    expect("x = 1j\n", S, 1, 5, "complex numbers are not supported");
    expect(
        "type X = int\n",
        S,
        1,
        1,
        "the 'type' statement is not supported",
    );
    expect(
        "def f[T](x): pass\n",
        S,
        1,
        6,
        "type parameter lists are not supported",
    );
    expect(
        "class C[T]: pass\n",
        S,
        1,
        8,
        "type parameter lists are not supported",
    );
    expect("x = t'a'\n", S, 1, 5, "template strings are not supported");
    expect(
        "try:\n    pass\nexcept* E:\n    pass\n",
        S,
        1,
        1,
        "'except*' is not supported",
    );
}

#[test]
fn parse_errors_in_cpython_words() {
    use ErrorKind::{IndentationError as I, SyntaxError as S};
    expect("if x\n    pass\n", S, 1, 5, "expected ':'");
    expect(
        "if x:\npass\n",
        I,
        2,
        1,
        "expected an indented block after 'if' statement on line 1",
    );
    expect(
        "def f():\n\nreturn 1\n",
        I,
        3,
        1,
        "expected an indented block after function definition on line 1",
    );
    expect("  x = 1\n", I, 1, 1, "unexpected indent");
    expect(
        "if x:\n        a\n    b\n",
        I,
        3,
        1,
        "unindent does not match any outer indentation level",
    );
    expect(
        "1 = x\n",
        S,
        1,
        1,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
    );
    expect(
        "f() = 1\n",
        S,
        1,
        1,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
    );
    expect("for 1 in x: pass\n", S, 1, 5, "cannot assign to literal");
    expect("None = 1\n", S, 1, 1, "cannot assign to None");
    expect("del f()\n", S, 1, 5, "cannot delete function call");
    expect(
        "(a, b) += 1\n",
        S,
        1,
        1,
        "'tuple' is an illegal expression for augmented assignment",
    );
    expect("x = (1,\ny = [2\n", S, 2, 5, "'[' was never closed");
    expect("x = )\n", S, 1, 5, "unmatched ')'");
    expect(
        "x = (]\n",
        S,
        1,
        6,
        "closing parenthesis ']' does not match opening parenthesis '('",
    );
    expect(
        "x = 'abc\n",
        S,
        1,
        5,
        "unterminated string literal (detected at line 1)",
    );
    expect("x = €\n", S, 1, 5, "invalid character '€' (U+20AC)");
    expect("x = 0777\n", S, 1, 5, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    expect(
        "f(**k, *a)\n",
        S,
        1,
        8,
        "iterable argument unpacking follows keyword argument unpacking",
    );
    expect(
        "f(a=1, b)\n",
        S,
        1,
        8,
        "positional argument follows keyword argument",
    );
    expect(
        "def f(x=1, y): pass\n",
        S,
        1,
        12,
        "non-default argument follows default argument",
    );
    expect(
        "f(x for x in y, 1)\n",
        S,
        1,
        3,
        "Generator expression must be parenthesized",
    );
    expect(
        "f'{a!x}'\n",
        S,
        1,
        6,
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
    );
    expect("print 'x'\n", S, 1, 7, "invalid syntax");
    expect(
        "x = 1 if 2\n",
        S,
        1,
        11,
        "expected 'else' after 'if' expression",
    );
    expect(
        "x = 1\0\n",
        S,
        1,
        6,
        "source code cannot contain null bytes",
    );
}

#[test]
fn columns_count_characters_and_the_line_text_is_kept() {
    let e = error("é = 1; return 2\n");
    assert_eq!((e.line, e.column), (1, 8));
    assert_eq!(e.text, "é = 1; return 2");
}
