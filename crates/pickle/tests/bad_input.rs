//! Bad input: truncated, corrupted and hand-crafted pickles give typed
//! errors, never panics, and whatever still loads runs without panicking.

mod common;

use std::sync::OnceLock;

use brine_pickle::{
    decode, decode_prefix, encode_into, Entry, Envelope, Error, Node, Options, Registry,
};
use brine_vm::{CodeObject, Instr};
use proptest::prelude::*;

use common::*;

/// The sample pickles, made once for every test of this file.
fn samples() -> &'static [(&'static str, Vec<u8>)] {
    static SAMPLES: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    SAMPLES.get_or_init(sample_pickles)
}

fn sample(name: &str) -> Vec<u8> {
    samples()
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| b.clone())
        .expect("a sample")
}

/// Load `bytes` into a fresh VM and, if it loads, run what it gives.
fn load_and_run(bytes: &[u8]) -> Result<(), Error> {
    let (mut vm, mut sched, g) = setup();
    let v = load(&mut vm, bytes)?;
    exercise(&mut vm, &mut sched, g, v);
    Ok(())
}

fn envelope(bytes: &[u8]) -> Envelope {
    decode(bytes, 256).expect("decodes")
}

fn encode(env: &Envelope) -> Vec<u8> {
    let mut out = Vec::new();
    encode_into(env, &mut out).expect("encodes");
    out
}

/// The index of the first entry tagged `tag`.
fn entry_index(env: &Envelope, tag: &str) -> usize {
    env.entries
        .iter()
        .position(|e| env.tags[e.tag as usize] == tag)
        .unwrap_or_else(|| panic!("no '{tag}' entry"))
}

/// An envelope with `entries`, the tags they name, and `root`.
fn crafted(tags: &[&str], entries: Vec<Entry>, root: Node) -> Envelope {
    Envelope {
        format: brine_pickle::FORMAT_NAME.into(),
        version: brine_pickle::FORMAT_VERSION,
        magic: brine_vm::MAGIC,
        flags: 0,
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        root,
        entries,
    }
}

fn entry(tag: u32, args: Vec<Node>, state: Vec<Node>) -> Entry {
    Entry { tag, args, state }
}

fn load_env(env: &Envelope) -> Result<(), Error> {
    load_and_run(&encode(env))
}

#[test]
fn every_sample_loads_and_runs() {
    for (name, bytes) in samples() {
        load_and_run(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn truncation_at_every_offset_is_an_error() {
    let (mut vm, _sched, _g) = setup();
    for (name, bytes) in samples() {
        for len in 0..bytes.len() {
            assert!(
                load(&mut vm, &bytes[..len]).is_err(),
                "{name} cut to {len} bytes loaded"
            );
        }
    }
}

#[test]
fn trailing_bytes_are_an_error() {
    let mut bytes = sample("tree");
    bytes.push(0xc0);
    assert!(matches!(load_and_run(&bytes), Err(Error::Decode(_))));
}

#[test]
fn a_prefix_decodes_with_its_length() {
    for (name, bytes) in samples() {
        let mut two = bytes.clone();
        two.extend_from_slice(&sample("tree"));
        let (env, used) = decode_prefix(&two, 256).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(used, bytes.len(), "{name}");
        assert_eq!(env, envelope(bytes), "{name}");
        assert!(
            decode_prefix(&bytes[..bytes.len() - 1], 256).is_err(),
            "{name}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn bit_flips_never_panic(
        which in 0..6usize,
        flips in prop::collection::vec((any::<prop::sample::Index>(), 0..8u8), 1..4),
    ) {
        let mut bytes = samples()[which].1.clone();
        for (at, bit) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= 1 << bit;
        }
        let _ = load_and_run(&bytes);
    }

    #[test]
    fn byte_overwrites_never_panic(
        which in 0..6usize,
        writes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = samples()[which].1.clone();
        for (at, b) in writes {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = load_and_run(&bytes);
    }

    #[test]
    fn swapped_references_never_panic(
        which in 0..6usize,
        swaps in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..4),
    ) {
        // Point references at other entries of the table: every kind
        // mismatch a hand-made pickle can make.
        let mut env = envelope(&samples()[which].1);
        let n = env.entries.len();
        let count = env.entries.iter().map(|e| e.args.iter().chain(&e.state).map(count_refs).sum::<usize>()).sum::<usize>();
        if count > 0 {
            for (which_ref, target) in swaps {
                let mut k = which_ref.index(count);
                for e in &mut env.entries {
                    for node in e.args.iter_mut().chain(e.state.iter_mut()) {
                        set_ref(node, &mut k, target.index(n) as u32);
                    }
                }
            }
        }
        let _ = load_env(&env);
    }
}

fn count_refs(node: &Node) -> usize {
    match node {
        Node::Ref(_) => 1,
        Node::List(items) => items.iter().map(count_refs).sum(),
        _ => 0,
    }
}

/// Point the `k`-th reference (counting down to it) at `target`.
fn set_ref(node: &mut Node, k: &mut usize, target: u32) {
    match node {
        Node::Ref(i) => {
            if *k == 0 {
                *i = target;
            }
            *k = k.wrapping_sub(1);
        }
        Node::List(items) => items.iter_mut().for_each(|n| set_ref(n, k, target)),
        _ => {}
    }
}

/// A MessagePack envelope header up to the tags, written by hand.
fn header() -> Vec<u8> {
    let mut b = vec![0x97, 0xac];
    b.extend_from_slice(b"brine-pickle");
    b.push(0x01);
    b.extend_from_slice(&[0xce]);
    b.extend_from_slice(&brine_vm::MAGIC.to_be_bytes());
    b.push(0x00);
    b
}

#[test]
fn huge_declared_lengths_are_decode_errors() {
    let cases: Vec<Vec<u8>> = vec![
        // tags: array32 of 4 billion.
        [header(), vec![0xdd, 0xff, 0xff, 0xff, 0xff]].concat(),
        // tags: one str32 of 4 GB.
        [header(), vec![0x91, 0xdb, 0xff, 0xff, 0xff, 0xff, b'x']].concat(),
        // root: bin32 of 4 GB.
        [header(), vec![0x90, 0xc6, 0xff, 0xff, 0xff, 0xff, 0]].concat(),
        // root: a list of 4 billion nils, then entries.
        [
            header(),
            vec![0x90, 0xdd, 0xff, 0xff, 0xff, 0xff, 0xc0, 0xc0],
        ]
        .concat(),
        // entries: array32 of 4 billion, one entry there.
        [
            header(),
            vec![
                0x90, 0xc0, 0xdd, 0xff, 0xff, 0xff, 0xff, 0x93, 0, 0x90, 0x90,
            ],
        ]
        .concat(),
        // an ext32 of 4 GB as the root.
        [header(), vec![0x90, 0xc9, 0xff, 0xff, 0xff, 0xff, 1, 0]].concat(),
    ];
    for (i, bytes) in cases.iter().enumerate() {
        assert!(
            matches!(load_and_run(bytes), Err(Error::Decode(_))),
            "case {i}"
        );
    }
}

#[test]
fn nesting_beyond_the_limit_is_a_decode_error() {
    let mut root = Node::Nil;
    for _ in 0..300 {
        root = Node::List(vec![root]);
    }
    let env = crafted(&["list"], vec![entry(0, vec![], vec![root])], Node::Ref(0));
    assert!(matches!(load_env(&env), Err(Error::Decode(_))));
    let mut bytes = header();
    bytes.push(0x90);
    bytes.extend(std::iter::repeat_n(0x91, 100_000));
    bytes.push(0xc0);
    bytes.push(0x90);
    assert!(matches!(load_and_run(&bytes), Err(Error::Decode(_))));
}

#[test]
fn more_objects_than_the_limit_are_refused() {
    let (mut vm, _sched, _g) = setup();
    let opts = Options {
        max_objects: 3,
        ..Options::default()
    };
    let r = brine_pickle::loads(&mut vm, &Registry::new(), opts, &sample("deep"));
    assert!(matches!(r, Err(Error::TooManyObjects { limit: 3, .. })));
}

#[test]
fn wrong_format_version_and_tag_are_typed_errors() {
    let mut env = envelope(&sample("tree"));
    env.format = "pickle".into();
    assert!(matches!(load_env(&env), Err(Error::Format { .. })));
    let mut env = envelope(&sample("tree"));
    env.version = 99;
    assert!(matches!(
        load_env(&env),
        Err(Error::Version { found: 99, .. })
    ));
    let mut env = envelope(&sample("tree"));
    env.tags.push("no-such-tag".into());
    assert!(matches!(load_env(&env), Err(Error::UnknownTag(_))));
    let mut env = envelope(&sample("tree"));
    env.entries[0].tag = 1000;
    assert!(matches!(load_env(&env), Err(Error::Decode(_))));
}

#[test]
fn references_outside_the_table_are_errors() {
    let env = crafted(
        &["list"],
        vec![entry(0, vec![], vec![Node::Ref(7)])],
        Node::Ref(0),
    );
    assert!(matches!(
        load_env(&env),
        Err(Error::BadEntry { index: 0, .. })
    ));
    let env = crafted(&["list"], vec![entry(0, vec![], vec![])], Node::Ref(1));
    assert!(matches!(load_env(&env), Err(Error::Decode(_))));
    let env = crafted(&["list"], vec![], Node::Ref(u32::MAX));
    assert!(matches!(load_env(&env), Err(Error::Decode(_))));
}

#[test]
fn forward_references_and_cycles_load() {
    // Entry 0 refers to entry 1, which refers back to 0.
    let env = crafted(
        &["list"],
        vec![
            entry(0, vec![], vec![Node::Ref(1), Node::Int(1)]),
            entry(0, vec![], vec![Node::Ref(0)]),
        ],
        Node::Ref(0),
    );
    let (mut vm, _sched, _g) = setup();
    let v = load(&mut vm, &encode(&env)).expect("loads");
    assert_eq!(vm.repr_native(v).ok().as_deref(), Some("[[[...]], 1]"));
}

/// `bytes` with the first entry tagged `tag` given `f`.
fn edit_entry(bytes: &[u8], tag: &str, f: impl FnOnce(&mut Entry, &mut Vec<String>)) -> Envelope {
    let mut env = envelope(bytes);
    let i = entry_index(&env, tag);
    f(&mut env.entries[i], &mut env.tags);
    env
}

/// `bytes` with an empty list appended to its table, and the list's index:
/// an object of the wrong kind wherever a reference points at it.
fn with_list(bytes: &[u8]) -> (Vec<u8>, u32) {
    let mut env = envelope(bytes);
    let tag = match env.tags.iter().position(|t| t == "list") {
        Some(t) => t,
        None => {
            env.tags.push("list".into());
            env.tags.len() - 1
        }
    };
    env.entries.push(entry(tag as u32, vec![], vec![]));
    (encode(&env), env.entries.len() as u32 - 1)
}

fn is_bad_entry(r: Result<(), Error>) -> bool {
    matches!(r, Err(Error::BadEntry { .. }))
}

#[test]
fn a_function_whose_code_is_not_code_is_refused() {
    let (bytes, list) = with_list(&sample("counter"));
    let env = edit_entry(&bytes, "function", |e, _| e.args[0] = Node::Ref(list));
    assert!(is_bad_entry(load_env(&env)));
}

#[test]
fn a_function_whose_globals_or_cells_are_wrong_is_refused() {
    let (bytes, list) = with_list(&sample("counter"));
    let env2 = edit_entry(&bytes, "function", |e, _| e.state[0] = Node::Ref(list));
    assert!(is_bad_entry(load_env(&env2)));
    let env2 = edit_entry(&bytes, "function", |e, _| {
        e.state[5] = Node::List(vec![Node::Ref(list)])
    });
    assert!(is_bad_entry(load_env(&env2)));
    let env2 = edit_entry(&bytes, "function", |e, _| e.state[5] = Node::List(vec![]));
    assert!(is_bad_entry(load_env(&env2)));
    let env2 = edit_entry(&bytes, "function", |e, _| e.state[6] = Node::Ref(list));
    assert!(is_bad_entry(load_env(&env2)));
}

/// The tasklet pickle's bottom frame, as a mutable list of parts.
fn with_frame(bytes: &[u8], f: impl FnOnce(&mut Vec<Node>)) -> Envelope {
    with_frame_at(bytes, 0, f)
}

/// The tasklet pickle's `i`-th frame from the bottom, as a mutable list of parts.
fn with_frame_at(bytes: &[u8], i: usize, f: impl FnOnce(&mut Vec<Node>)) -> Envelope {
    edit_entry(bytes, "tasklet", |e, _| {
        let Node::List(frames) = &mut e.state[10] else {
            panic!("frames")
        };
        let Node::List(parts) = &mut frames[i] else {
            panic!("a frame")
        };
        f(parts);
    })
}

#[test]
fn frames_that_do_not_fit_their_code_are_refused() {
    let (bytes, list) = with_list(&sample("worker"));
    let cases: Vec<(&str, Envelope)> = vec![
        (
            "code is a list",
            with_frame(&bytes, |p| p[0] = Node::Ref(list)),
        ),
        (
            "pc beyond the code",
            with_frame(&bytes, |p| p[1] = Node::Int(100_000)),
        ),
        ("negative pc", with_frame(&bytes, |p| p[1] = Node::Int(-1))),
        (
            "no locals",
            with_frame(&bytes, |p| p[2] = Node::List(vec![])),
        ),
        (
            "a stack too deep",
            with_frame(&bytes, |p| {
                p[2] = Node::List(vec![Node::Int(0); 500]);
            }),
        ),
        (
            "locals of the wrong length",
            with_frame(&bytes, |p| p[3] = Node::Int(0)),
        ),
        (
            "a cell too many",
            with_frame(&bytes, |p| p[4] = Node::List(vec![Node::Ref(list)])),
        ),
        (
            "a handler into the locals",
            with_frame(&bytes, |p| {
                p[5] = Node::List(vec![Node::List(vec![
                    Node::Int(1),
                    Node::Int(0),
                    Node::Int(0),
                ])]);
            }),
        ),
        (
            "a handler beyond the code",
            with_frame(&bytes, |p| {
                p[5] = Node::List(vec![Node::List(vec![
                    Node::Int(9999),
                    Node::Int(3),
                    Node::Int(0),
                ])]);
            }),
        ),
        (
            "globals are a list",
            with_frame(&bytes, |p| p[7] = Node::Ref(list)),
        ),
        (
            "a namespace that is a list",
            with_frame(&bytes, |p| p[8] = Node::Ref(list)),
        ),
        (
            "an unknown continuation",
            with_frame(&bytes, |p| p[9] = Node::List(vec![Node::Int(99)])),
        ),
        (
            "a generator continuation without a generator",
            with_frame(&bytes, |p| {
                p[9] = Node::List(vec![
                    Node::Int(13),
                    Node::Ref(list),
                    Node::List(vec![Node::Int(1)]),
                    Node::List(vec![Node::Int(0)]),
                ]);
            }),
        ),
        (
            "a jump continuation beyond the code",
            with_frame_at(&sample("deep"), 1, |p| {
                p[9] = Node::List(vec![Node::Int(12), Node::Int(100_000)]);
            }),
        ),
    ];
    for (what, env) in cases {
        let r = load_env(&env);
        assert!(is_bad_entry(r.clone()), "{what}: {r:?}");
    }
}

#[test]
fn a_tasklet_blocked_on_something_else_than_a_channel_is_refused() {
    let (bytes, list) = with_list(&sample("parked"));
    let env = edit_entry(&bytes, "tasklet", |e, _| {
        e.state[2] = Node::List(vec![Node::Int(2), Node::Ref(list), Node::Int(-1)]);
    });
    assert!(is_bad_entry(load_env(&env)));
    let env = edit_entry(&bytes, "channel", |e, _| {
        e.state[0] = Node::List(vec![Node::Ref(list)]);
    });
    assert!(is_bad_entry(load_env(&env)));
}

#[test]
fn a_generator_whose_code_is_not_code_is_refused() {
    let (bytes, list) = with_list(&sample("gen"));
    let env = edit_entry(&bytes, "generator", |e, _| e.state[5] = Node::Ref(list));
    assert!(is_bad_entry(load_env(&env)));
}

/// The code object of the first `code` entry, and a function to put an
/// edited one back.
fn edit_code(bytes: &[u8], f: impl FnOnce(&mut CodeObject)) -> Envelope {
    edit_entry(bytes, "code", |e, _| {
        let Node::Bin(b) = &e.args[1] else {
            panic!("code bytes")
        };
        let mut code: CodeObject = rmp_serde::from_slice(b).expect("a code object");
        f(&mut code);
        e.args[1] = Node::Bin(rmp_serde::to_vec(&code).expect("encodes"));
    })
}

#[test]
fn code_objects_are_verified() {
    let bytes = sample("counter");
    let cases: Vec<(&str, Envelope)> = vec![
        (
            "a jump out of the code",
            edit_code(&bytes, |c| {
                c.instructions.insert(0, Instr::Jump(10_000));
                c.lines.insert(0, 1);
            }),
        ),
        (
            "a constant out of range",
            edit_code(&bytes, |c| {
                c.instructions.insert(0, Instr::LoadConst(10_000));
                c.lines.insert(0, 1);
            }),
        ),
        (
            "a local out of range",
            edit_code(&bytes, |c| {
                c.instructions.insert(0, Instr::LoadFast(10_000));
                c.lines.insert(0, 1);
            }),
        ),
        (
            "a stack underflow",
            edit_code(&bytes, |c| {
                c.instructions.insert(0, Instr::PopTop);
                c.lines.insert(0, 1);
            }),
        ),
        ("too small a stack", edit_code(&bytes, |c| c.max_stack = 0)),
        (
            "a line table too short",
            edit_code(&bytes, |c| {
                c.lines.pop();
            }),
        ),
    ];
    for (what, env) in cases {
        let r = load_env(&env);
        assert!(matches!(r, Err(Error::Code(_))), "{what}: {r:?}");
    }
    let env = edit_code(&bytes, |c| c.max_stack = 0x7fff_ffff);
    assert!(matches!(
        load_env(&env),
        Err(Error::BadEntry { .. } | Error::Code(_))
    ));
    let env = edit_entry(&bytes, "code", |e, _| e.args[1] = Node::Bin(vec![0xc1]));
    assert!(matches!(load_env(&env), Err(Error::Decode(_))));
    let env = edit_entry(&bytes, "code", |e, _| e.args[1] = Node::Int(3));
    assert!(is_bad_entry(load_env(&env)));
}

#[test]
fn wrong_entry_kinds_give_errors_not_panics() {
    // Every default tag, with nothing, ints, or a reference to itself,
    // as its arguments and state.
    let tags = [
        "tuple",
        "list",
        "dict",
        "set",
        "frozenset",
        "range",
        "slice",
        "singleton",
        "module",
        "module_value",
        "module_dict",
        "prelude_dict",
        "global",
        "builtin",
        "code",
        "function",
        "cell",
        "method",
        "staticmethod",
        "classmethod",
        "property",
        "class",
        "instance",
        "generator",
        "iterator",
        "dict_view",
        "super",
        "frame",
        "tasklet",
        "channel",
        "persistent",
        "reduce",
    ];
    let fillers = [
        vec![],
        vec![Node::Int(0); 13],
        vec![Node::Ref(0); 13],
        vec![Node::Ref(1); 13],
        vec![Node::List(vec![Node::Ref(0); 3]); 13],
        vec![Node::Str("x".into()); 13],
    ];
    for t in 0..tags.len() {
        let (mut vm, mut sched, g) = setup();
        for args in &fillers {
            for state in &fillers {
                let env = crafted(
                    &tags,
                    vec![
                        entry(t as u32, args.clone(), state.clone()),
                        entry(1, vec![], vec![Node::Ref(0), Node::Int(2)]),
                    ],
                    Node::Ref(0),
                );
                if let Ok(v) = load(&mut vm, &encode(&env)) {
                    exercise(&mut vm, &mut sched, g, v);
                }
            }
        }
    }
}
