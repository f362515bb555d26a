//! brine's default reducers, one per kind of object, and their registration.

pub(crate) mod class;
pub(crate) mod code;
pub(crate) mod containers;
pub(crate) mod frame;
pub(crate) mod function;
pub(crate) mod generator;
pub(crate) mod global;
pub(crate) mod instance;
pub(crate) mod iter;
pub(crate) mod proxies;
pub(crate) mod tasklet;
pub(crate) mod traceback;

use std::rc::Rc;

use crate::registry::Registry;

/// Register a reducer for every kind of object brine pickles.
pub(crate) fn register_defaults(r: &mut Registry) {
    let seq = Rc::new(containers::SeqReducer);
    r.register("tuple", &["tuple"], seq.clone());
    r.register("list", &["list"], seq);
    r.register("dict", &["dict"], Rc::new(containers::DictReducer));
    let set = Rc::new(containers::SetReducer);
    r.register("set", &["set"], set.clone());
    r.register("frozenset", &["frozenset"], set);
    let range = Rc::new(containers::RangeSliceReducer);
    r.register("range", &["range"], range.clone());
    r.register("slice", &["slice"], range);
    r.register(
        "singleton",
        &["singleton"],
        Rc::new(containers::SingletonReducer),
    );
    let global = Rc::new(global::GlobalReducer);
    r.register(
        "module",
        &[
            "module",
            "module_value",
            "module_dict",
            "prelude_dict",
            "global",
        ],
        global.clone(),
    );
    r.register("builtin_function", &["builtin"], global);
    r.register("code", &["code"], Rc::new(code::CodeReducer));
    r.register(
        "function",
        &["function"],
        Rc::new(function::FunctionReducer),
    );
    let wrap = Rc::new(function::WrapperReducer);
    for kind in ["cell", "method", "staticmethod", "classmethod", "property"] {
        r.register(kind, &[kind], wrap.clone());
    }
    r.register("type", &["class"], Rc::new(class::ClassReducer));
    r.register(
        "instance",
        &["instance"],
        Rc::new(instance::InstanceReducer),
    );
    r.register(
        "generator",
        &["generator"],
        Rc::new(generator::GeneratorReducer),
    );
    let iter = Rc::new(iter::IterReducer);
    r.register("iterator", &["iterator"], iter.clone());
    r.register("dict_view", &["dict_view"], iter);
    let proxies = Rc::new(proxies::ProxyReducer);
    r.register("super", &["super"], proxies.clone());
    r.register("frame", &["frame"], proxies);
    r.register(
        "traceback",
        &["traceback"],
        Rc::new(traceback::TracebackReducer),
    );
    r.register(
        "pickle_session",
        &["pickle_session"],
        Rc::new(crate::module::SessionReducer),
    );
    let tasklet = Rc::new(tasklet::TaskletReducer);
    r.register("tasklet", &["tasklet"], tasklet.clone());
    r.register("channel", &["channel"], tasklet);
}
