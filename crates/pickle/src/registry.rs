//! The reducer registry: which reducer pickles an object, and which loads a tag.
//!
//! brine registers a default reducer for every kind of object it can pickle
//! (`"list"`, `"function"`, `"tasklet"`, …); an application overrides any of
//! them, for a kind or for one class, as `copyreg.pickle` and
//! `Pickler.dispatch_table` do in Python.

use std::rc::Rc;

use brine_vm::ObjId;
use rustc_hash::FxHashMap;

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;

/// When a reducer's entries are loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LoadPhase {
    /// Before every other entry: what others need to be built already
    /// (code objects, which frames and functions share).
    First,
    /// With the other objects.
    Objects,
}

/// Pickles one kind of object and loads it back.
///
/// Loading happens in an arena: every entry of the table has its object id
/// before any is loaded, so `load` may refer to any other object of the
/// pickle by id, whether it is loaded yet or not.
pub trait Reducer {
    /// Reduce `obj` to a tag, arguments and state.
    ///
    /// # Errors
    /// When the object cannot be pickled.
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error>;

    /// Build the object of an entry into `id` (which holds a placeholder).
    ///
    /// # Errors
    /// When the entry is malformed.
    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        args: &[Node],
        state: &[Node],
    ) -> Result<(), Error>;

    /// When entries of this reducer load.
    fn phase(&self) -> LoadPhase {
        LoadPhase::Objects
    }
}

/// Reducers by object kind, by class and by tag. Cloning is cheap: the
/// maps are shared until one clone registers something.
#[derive(Clone, Default)]
pub struct Registry {
    maps: Rc<Maps>,
}

#[derive(Clone, Default)]
struct Maps {
    by_kind: FxHashMap<&'static str, Rc<dyn Reducer>>,
    by_class: FxHashMap<ObjId, Rc<dyn Reducer>>,
    by_tag: FxHashMap<String, Rc<dyn Reducer>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut kinds: Vec<&str> = self.maps.by_kind.keys().copied().collect();
        kinds.sort_unstable();
        f.debug_struct("Registry").field("kinds", &kinds).finish()
    }
}

impl Registry {
    /// A registry with no reducer.
    pub fn empty() -> Registry {
        Registry::default()
    }

    /// A registry with brine's default reducer for every kind it pickles.
    pub fn new() -> Registry {
        let mut r = Registry::empty();
        crate::reducers::register_defaults(&mut r);
        r
    }

    /// Pickle objects of `kind` (an [`crate::kind_of`] name) with `reducer`,
    /// and load the tags it writes (`tags`) with it.
    pub fn register(&mut self, kind: &'static str, tags: &[&str], reducer: Rc<dyn Reducer>) {
        let maps = Rc::make_mut(&mut self.maps);
        maps.by_kind.insert(kind, reducer.clone());
        for t in tags {
            maps.by_tag.insert((*t).to_owned(), reducer.clone());
        }
    }

    /// Pickle instances of `class` (exactly that class) with `reducer`, and
    /// load the tags it writes (`tags`) with it.
    pub fn register_class(&mut self, class: ObjId, tags: &[&str], reducer: Rc<dyn Reducer>) {
        let maps = Rc::make_mut(&mut self.maps);
        maps.by_class.insert(class, reducer.clone());
        for t in tags {
            maps.by_tag.insert((*t).to_owned(), reducer.clone());
        }
    }

    /// Load entries tagged `tag` with `reducer`.
    pub fn register_loader(&mut self, tag: &str, reducer: Rc<dyn Reducer>) {
        Rc::make_mut(&mut self.maps)
            .by_tag
            .insert(tag.to_owned(), reducer);
    }

    /// The reducer for an object of `kind` and class `class`.
    pub fn reducer_for(&self, kind: &str, class: ObjId) -> Option<Rc<dyn Reducer>> {
        self.maps
            .by_class
            .get(&class)
            .or_else(|| self.maps.by_kind.get(kind))
            .cloned()
    }

    /// Whether a reducer was registered for exactly `class`.
    pub fn has_class(&self, class: ObjId) -> bool {
        self.maps.by_class.contains_key(&class)
    }

    /// The reducer that loads `tag`.
    pub fn loader(&self, tag: &str) -> Option<Rc<dyn Reducer>> {
        self.maps.by_tag.get(tag).cloned()
    }
}
