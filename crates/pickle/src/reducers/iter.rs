//! Built-in iterators mid-iteration, and dict views.

use brine_vm::object::ViewKind;
use brine_vm::objects::iter::IterState;
use brine_vm::{Obj, ObjId};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

fn view_kind(k: ViewKind) -> Node {
    Node::Int(match k {
        ViewKind::Keys => 0,
        ViewKind::Values => 1,
        ViewKind::Items => 2,
    })
}

fn load_view_kind(cx: &LoadCx<'_>, n: &Node) -> Result<ViewKind, Error> {
    Ok(match cx.int(n)? {
        0 => ViewKind::Keys,
        1 => ViewKind::Values,
        2 => ViewKind::Items,
        _ => return Err(cx.bad("an unknown view kind")),
    })
}

/// The object an iterator walks: an entry of the pickle, or a str or
/// bytes value written inline.
fn walked(cx: &mut LoadCx<'_>, n: &Node) -> Result<ObjId, Error> {
    cx.value(n)?
        .obj()
        .ok_or_else(|| cx.bad("an iterator over something that is not an object"))
}

fn size(cx: &LoadCx<'_>, n: &Node) -> Result<usize, Error> {
    usize::try_from(cx.int(n)?).map_err(|_| cx.bad("a negative index"))
}

/// `iterator`: `[variant, fields…]`; `dict_view`: `[dict, kind]`.
pub(crate) struct IterReducer;

impl Reducer for IterReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let it = match cx.vm.heap.get(obj) {
            Obj::Iter(it) => (**it).clone(),
            Obj::View { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                let d = cx.obj(dict);
                return Ok(Reduction::new(
                    "dict_view",
                    vec![],
                    vec![d, view_kind(kind)],
                ));
            }
            _ => return Err(super::containers::unexpected(cx.vm, obj)),
        };
        let n = |i: usize| Node::Int(i as i64);
        let state = match it {
            IterState::Seq { seq, idx } => vec![n(0), cx.obj(seq), n(idx)],
            IterState::Str { s, pos } => vec![n(1), cx.obj(s), n(pos)],
            IterState::Bytes { b, idx } => vec![n(2), cx.obj(b), n(idx)],
            IterState::Range { cur, stop, step } => {
                vec![n(3), Node::Int(cur), Node::Int(stop), Node::Int(step)]
            }
            IterState::Dict {
                dict,
                idx,
                kind,
                len,
            } => vec![n(4), cx.obj(dict), n(idx), view_kind(kind), n(len)],
            IterState::Set {
                set,
                idx,
                len,
                order,
            } => vec![
                n(5),
                cx.obj(set),
                n(idx),
                n(len),
                Node::List(order.iter().map(|o| Node::Int(i64::from(*o))).collect()),
            ],
            IterState::Enumerate { it, count } => vec![n(6), cx.value(it), Node::Int(count)],
            IterState::Zip { its } => vec![n(7), cx.values(&its)],
            IterState::Reversed { seq, left } => vec![n(8), cx.obj(seq), n(left)],
            IterState::Done => vec![n(9)],
        };
        Ok(Reduction::new("iterator", vec![], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        s: &[Node],
    ) -> Result<(), Error> {
        if cx.tag() == "dict_view" {
            let dict = cx.id(cx.arg(s, 0)?)?;
            let kind = load_view_kind(cx, cx.arg(s, 1)?)?;
            *cx.vm.heap.get_mut(id) = Obj::View { dict, kind };
            return Ok(());
        }
        let it = match cx.int(cx.arg(s, 0)?)? {
            0 => IterState::Seq {
                seq: walked(cx, cx.arg(s, 1)?)?,
                idx: size(cx, cx.arg(s, 2)?)?,
            },
            1 => {
                let str_id = walked(cx, cx.arg(s, 1)?)?;
                let pos = size(cx, cx.arg(s, 2)?)?;
                let ok = match cx.vm.heap.get(str_id) {
                    Obj::Str(t) => t.s.is_char_boundary(pos.min(t.s.len())),
                    _ => true,
                };
                if !ok {
                    return Err(cx.bad("a str position inside a character"));
                }
                IterState::Str { s: str_id, pos }
            }
            2 => IterState::Bytes {
                b: walked(cx, cx.arg(s, 1)?)?,
                idx: size(cx, cx.arg(s, 2)?)?,
            },
            3 => IterState::Range {
                cur: cx.int(cx.arg(s, 1)?)?,
                stop: cx.int(cx.arg(s, 2)?)?,
                step: match cx.int(cx.arg(s, 3)?)? {
                    0 => return Err(cx.bad("range step is zero")),
                    st => st,
                },
            },
            4 => IterState::Dict {
                dict: cx.id(cx.arg(s, 1)?)?,
                idx: size(cx, cx.arg(s, 2)?)?,
                kind: load_view_kind(cx, cx.arg(s, 3)?)?,
                len: size(cx, cx.arg(s, 4)?)?,
            },
            5 => IterState::Set {
                set: cx.id(cx.arg(s, 1)?)?,
                idx: size(cx, cx.arg(s, 2)?)?,
                len: size(cx, cx.arg(s, 3)?)?,
                order: cx
                    .arg(s, 4)?
                    .as_list()
                    .unwrap_or_default()
                    .iter()
                    .map(|o| u32::try_from(cx.int(o)?).map_err(|_| cx.bad("a bad set order")))
                    .collect::<Result<Vec<_>, _>>()?,
            },
            6 => IterState::Enumerate {
                it: cx.value(cx.arg(s, 1)?)?,
                count: cx.int(cx.arg(s, 2)?)?,
            },
            7 => IterState::Zip {
                its: cx.values(cx.arg(s, 1)?)?,
            },
            8 => IterState::Reversed {
                seq: walked(cx, cx.arg(s, 1)?)?,
                left: size(cx, cx.arg(s, 2)?)?,
            },
            9 => IterState::Done,
            _ => return Err(cx.bad("an unknown iterator")),
        };
        *cx.vm.heap.get_mut(id) = Obj::Iter(Box::new(it));
        Ok(())
    }
}
