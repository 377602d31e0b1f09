//! The library's layers (DESIGN.md, "What depends on what?"): an arrow only
//! points down. Read from the source itself: every `crate::module` a file
//! names must sit in its own layer or one below, a city names only the rules
//! framework and the model, and no modules name each other in a circle.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Bottom to top. `lib`, `json`, `wasm`, `render` are the doors.
const LAYERS: [(&str, &[&str]); 5] = [
    ("model", &["error", "money", "month", "value", "model"]),
    ("rules framework", &["rules"]),
    ("cities", &["cities"]),
    ("engine", &["read", "estimate", "contribution", "catalog", "reference", "parameters", "plan"]),
    ("doors", &["lib", "json", "wasm", "render"]),
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, modules)| modules.contains(&module))
}

/// The module a file belongs to: `src/cities/jincheng.rs` → cities, `src/model/mod.rs` → model.
fn module_of(path: &Path, src: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap_or(path);
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

/// The modules of this crate that `text` names as `crate::module`.
fn named(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        // A function of the library's root (crate::estimate_json): the doors.
        let module = if layer(&name).is_some() || name == "cities" { name } else { String::from("lib") };
        if !out.contains(&module) {
            out.push(module);
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn graph() -> BTreeMap<String, Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in paths {
        let module = module_of(&path, &src);
        if module == "main" {
            continue; // the command line is a separate crate: it sees only the library's API
        }
        let text = fs::read_to_string(&path).expect("a source file is readable");
        let deps = graph.entry(module.clone()).or_default();
        for dep in named(&text) {
            if dep != module && !deps.contains(&dep) {
                deps.push(dep);
            }
        }
    }
    graph
}

#[test]
fn every_module_names_only_its_own_layer_or_those_below() {
    let mut wrong = Vec::new();
    for (module, deps) in graph() {
        let Some(own) = layer(&module) else {
            wrong.push(format!("src/{module}: in no layer of tests/layers.rs"));
            continue;
        };
        for dep in deps {
            let theirs = layer(&dep).unwrap_or(usize::MAX);
            if theirs > own {
                wrong.push(format!(
                    "{module} ({}) names {dep} ({}), a layer above",
                    LAYERS[own].0,
                    LAYERS.get(theirs).map_or("?", |l| l.0)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "arrows pointing up:\n{}", wrong.join("\n"));
}

#[test]
fn a_city_names_only_the_rules_framework_and_the_model() {
    let deps = graph().remove("cities").unwrap_or_default();
    let allowed = |d: &str| layer(d).is_some_and(|l| l <= 1);
    let wrong: Vec<_> = deps.iter().filter(|d| !allowed(d)).collect();
    assert!(wrong.is_empty(), "src/cities/ names {wrong:?}");
}

#[test]
fn no_modules_name_each_other_in_a_circle() {
    let graph = graph();
    // Depth-first search for a back edge.
    fn visit<'a>(m: &'a str, graph: &'a BTreeMap<String, Vec<String>>, path: &mut Vec<&'a str>, done: &mut Vec<&'a str>) -> Option<String> {
        if let Some(i) = path.iter().position(|p| *p == m) {
            return Some(format!("{} → {m}", path[i..].join(" → ")));
        }
        if done.contains(&m) {
            return None;
        }
        path.push(m);
        for dep in graph.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(dep, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.push(m);
        None
    }
    let mut done = Vec::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut Vec::new(), &mut done) {
            panic!("an import cycle: {cycle}");
        }
    }
}
