//! The page's layers (DESIGN.md, "What depends on what?"): in www/, as in
//! src/ (tests/layers.rs), an import only points down. Read from the scripts
//! themselves: every `import … from "./x.js"`, `export … from "./x.js"`,
//! `import "./x.js"` and `import("./x.js")` of a www/*.js must name a module
//! of its own layer or one below, and no modules import each other in a circle,
//! dynamically or not. `./pkg/ltci.js` (the WebAssembly package's glue, made by
//! scripts/build) is below every layer.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Bottom to top, by file name without `.js`.
const LAYERS: [(&str, &[&str]); 9] = [
    ("service worker (a classic script, imports nothing)", &["sw"]),
    ("texts, and the reader of what a person types", &["texts", "number"]),
    ("dom", &["dom"]),
    ("queries", &["query"]),
    ("state", &["state"]),
    ("views", &["form", "result", "plan", "notice"]),
    ("views loaded on demand", &["agent", "rules"]),
    ("the calculator and the page", &["app"]),
    ("embeds", &["embed", "ltci-calculator", "embed-demo"]),
];

/// The WebAssembly package's glue: built into www's copy, below every layer.
const PKG: &str = "./pkg/ltci.js";

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, modules)| modules.contains(&module))
}

/// The code without comments, each string literal replaced by `"N"`, its index
/// in the strings returned beside it, so that a word inside a string or a
/// comment is never taken for code. Enough for these files: a template literal
/// is read to its closing backtick (none of them nests one in `${…}`), and a
/// slash after an operator or an opening bracket starts a regular expression
/// literal, read to its closing slash (a quote in it, /["']/, opens no string).
fn code(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut strings = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' | '`' => {
                let mut s = String::new();
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        s.push(d);
                        if let Some(e) = chars.next() {
                            s.push(e);
                        }
                    } else if d == c {
                        break;
                    } else {
                        s.push(d);
                    }
                }
                out.push_str(&format!("\"{}\"", strings.len()));
                strings.push(s);
            }
            '/' if chars.peek() == Some(&'/') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                out.push(' ');
            }
            '/' => {
                let before = out.trim_end().chars().last().unwrap_or('(');
                out.push(c);
                if "(,=:[!&|?{};+-*%<>~^".contains(before) {
                    let mut class = false;
                    while let Some(d) = chars.next() {
                        out.push(d);
                        match d {
                            '\\' => {
                                if let Some(e) = chars.next() {
                                    out.push(e);
                                }
                            }
                            '[' => class = true,
                            ']' => class = false,
                            '/' if !class => break,
                            '\n' => break,
                            _ => {}
                        }
                    }
                }
            }
            _ => out.push(c),
        }
    }
    (out, strings)
}

/// The specifiers a script imports: `from "…"`, `import "…"`, `import("…")`.
fn imports(text: &str) -> Vec<String> {
    let (code, strings) = code(text);
    let bytes = code.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    // The keyword `w` at i, not part of a longer name nor a property (`x.from`).
    let word_at = |i: usize, w: &str| {
        code[i..].starts_with(w)
            && (i == 0 || !(ident(bytes[i - 1]) || bytes[i - 1] == b'.'))
            && !code.as_bytes().get(i + w.len()).is_some_and(|b| ident(*b))
    };
    let mut out = Vec::new();
    for i in 0..code.len() {
        if !code.is_char_boundary(i) {
            continue;
        }
        let after = if word_at(i, "from") {
            &code[i + 4..]
        } else if word_at(i, "import") {
            let rest = code[i + 6..].trim_start();
            rest.strip_prefix('(').unwrap_or(rest)
        } else {
            continue;
        };
        let Some(rest) = after.trim_start().strip_prefix('"') else { continue };
        let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Some(s) = n.parse::<usize>().ok().and_then(|n| strings.get(n)) {
            out.push(s.clone());
        }
    }
    out
}

/// Every www/*.js by module name, with the www modules it imports (or the problem with one).
fn graph() -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut names: Vec<String> = fs::read_dir(&www)
        .expect("www/ is readable")
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".js")).map(str::to_owned))
        .collect();
    names.sort();
    let mut graph = BTreeMap::new();
    let mut wrong = Vec::new();
    for name in &names {
        let text = fs::read_to_string(www.join(format!("{name}.js"))).expect("a script is readable");
        let mut deps: Vec<String> = Vec::new();
        for spec in imports(&text) {
            if spec == PKG {
                continue;
            }
            let dep = spec.strip_prefix("./").and_then(|s| s.strip_suffix(".js")).filter(|s| !s.contains('/'));
            match dep {
                Some(dep) if names.iter().any(|n| n == dep) => {
                    if !deps.iter().any(|d| d == dep) {
                        deps.push(dep.to_owned());
                    }
                }
                _ => wrong.push(format!("www/{name}.js imports \"{spec}\", which is not a www/*.js (nor {PKG})")),
            }
        }
        graph.insert(name.clone(), deps);
    }
    (graph, wrong)
}

#[test]
fn the_scanner_finds_static_dynamic_and_re_exports_and_skips_comments() {
    let text = r#"
        // import { no } from "./comment.js";
        /* import("./block.js") */
        import init, { a,
          b } from "./pkg/ltci.js";
        import { h } from './dom.js';
        import "./side.js";
        export { x } from "./re.js";
        const s = "import('./string.js')", r = /["']/g;
        const later = () => import("./agent.js");
        const v = (await import( "./rules.js" )).rulesView;
        obj.from("./not-an-import.js");
    "#;
    assert_eq!(imports(text), ["./pkg/ltci.js", "./dom.js", "./side.js", "./re.js", "./agent.js", "./rules.js"]);
}

#[test]
fn every_script_is_in_a_layer_and_every_layer_module_is_a_script() {
    let (graph, wrong) = graph();
    let mut wrong = wrong;
    for module in graph.keys() {
        if layer(module).is_none() {
            wrong.push(format!("www/{module}.js: in no layer of tests/www_layers.rs"));
        }
    }
    for (name, modules) in LAYERS {
        for m in modules {
            if !graph.contains_key(*m) {
                wrong.push(format!("tests/www_layers.rs lists www/{m}.js ({name}), which does not exist"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_script_imports_only_its_own_layer_or_those_below() {
    let mut wrong = Vec::new();
    for (module, deps) in graph().0 {
        let Some(own) = layer(&module) else { continue };
        for dep in deps {
            let theirs = layer(&dep).unwrap_or(usize::MAX);
            if theirs > own {
                wrong.push(format!(
                    "www/{module}.js ({}) imports www/{dep}.js ({}), a layer above",
                    LAYERS[own].0,
                    LAYERS.get(theirs).map_or("in no layer", |l| l.0)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports pointing up:\n{}", wrong.join("\n"));
}

#[test]
fn no_scripts_import_each_other_in_a_circle() {
    let graph = graph().0;
    // Depth-first search; every back edge closes a circle, each reported once.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, Vec<String>>,
        path: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        path.push(m);
        for dep in graph.get(m).into_iter().flatten() {
            if let Some(i) = path.iter().position(|p| p == dep) {
                cycles.push(format!("{} → {dep}", path[i..].join(" → ")));
            } else if !done.contains(&dep.as_str()) {
                visit(dep, graph, path, done, cycles);
            }
        }
        path.pop();
        done.push(m);
    }
    let mut done = Vec::new();
    let mut cycles = Vec::new();
    for m in graph.keys() {
        if !done.contains(&m.as_str()) {
            visit(m, &graph, &mut Vec::new(), &mut done, &mut cycles);
        }
    }
    assert!(cycles.is_empty(), "import cycles in www/:\n{}", cycles.join("\n"));
}

/// The service worker's offline copy holds every module the calculator's pages
/// load: a module missing from it would fail offline (and only there).
#[test]
fn the_service_worker_copies_every_script_but_its_own_and_the_demos() {
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let sw = fs::read_to_string(www.join("sw.js")).expect("www/sw.js is readable");
    let start = sw.find("const FILES = [").expect("sw.js declares FILES");
    let list = &sw[start..start + sw[start..].find(']').expect("FILES ends")];
    let (_, copied) = code(list);
    let missing: Vec<String> = graph()
        .0
        .into_keys()
        .filter(|m| m != "sw" && m != "embed-demo")
        .map(|m| format!("{m}.js"))
        .filter(|f| !copied.contains(f))
        .collect();
    assert!(missing.is_empty(), "not in www/sw.js's FILES: {}", missing.join(", "));
}
