//! Modules of Python's standard library that brine provides as Python
//! source, compiled when first imported (a `.py` file of the same name
//! beside the script takes precedence).

/// The source of a standard-library module brine provides, by name.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "collections" => include_str!("stdlib/collections.py"),
        "itertools" => include_str!("stdlib/itertools.py"),
        "functools" => include_str!("stdlib/functools.py"),
        "operator" => include_str!("stdlib/operator.py"),
        "heapq" => include_str!("stdlib/heapq.py"),
        "bisect" => include_str!("stdlib/bisect.py"),
        "copy" => include_str!("stdlib/copy.py"),
        "string" => include_str!("stdlib/string.py"),
        "typing" => include_str!("stdlib/typing.py"),
        "abc" => include_str!("stdlib/abc.py"),
        "contextlib" => include_str!("stdlib/contextlib.py"),
        "dataclasses" => include_str!("stdlib/dataclasses.py"),
        "enum" => include_str!("stdlib/enum.py"),
        "random" => include_str!("stdlib/random.py"),
        "json" => include_str!("stdlib/json.py"),
        "statistics" => include_str!("stdlib/statistics.py"),
        "re" => include_str!("stdlib/re.py"),
        "textwrap" => include_str!("stdlib/textwrap.py"),
        "fractions" => include_str!("stdlib/fractions.py"),
        "traceback" => include_str!("stdlib/traceback.py"),
        "warnings" => include_str!("stdlib/warnings.py"),
        "io" => include_str!("stdlib/io.py"),
        "types" => include_str!("stdlib/types.py"),
        "collections.abc" => include_str!("stdlib/collections_abc.py"),
        _ => return None,
    })
}
