//! The model is layered: ids, limits and text at the bottom, the items and the plan above
//! them, the edits and the rules on top. This reads the model's source and fails when one of
//! its files reaches, directly or through others, back to itself (an import circle), naming
//! the circle. Test modules are left out: a test may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of src/model (a file, or a folder with its files) and the model
/// modules its non-test code names.
fn references() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let reexported = reexports(&std::fs::read_to_string(root.join("mod.rs")).unwrap());
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, nested, text) in sources(&root) {
        let prefixes = [
            "crate::model::",
            if nested { "super::super::" } else { "super::" },
        ];
        let names = found.entry(module.clone()).or_default();
        for name in named(code_only(&text), &prefixes) {
            let name = reexported.get(&name).cloned().unwrap_or(name);
            if name != module {
                names.insert(name);
            }
        }
    }
    let modules: BTreeSet<String> = found.keys().cloned().collect();
    for names in found.values_mut() {
        names.retain(|n| modules.contains(n));
    }
    found
}

/// Every model source but mod.rs: its top-level module, whether it sits in a folder, its text.
fn sources(root: &Path) -> Vec<(String, bool, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root).unwrap().flatten() {
        let path = entry.path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for inner in std::fs::read_dir(&path).unwrap().flatten() {
                let text = std::fs::read_to_string(inner.path()).unwrap();
                let top = inner.path().file_stem().is_some_and(|s| s == "mod");
                out.push((stem.clone(), !top, text));
            }
        } else if stem != "mod" && path.extension().is_some_and(|e| e == "rs") {
            out.push((stem, false, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

/// The names mod.rs re-exports, each with the module it comes from (`Plan` → `plan`).
fn reexports(mod_rs: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in mod_rs.split(';') {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names.split(|c: char| !c.is_alphanumeric() && c != '_') {
            if !name.is_empty() {
                out.insert(name.to_string(), module.to_string());
            }
        }
    }
    out
}

/// The text before its test module, without comments.
fn code_only(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first name after each prefix: `super::goal::Goal` names `goal`, and a group
/// `super::{goal::Goal, Plan}` names `goal` and `Plan`.
fn named(code: String, prefixes: &[&str]) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for prefix in prefixes {
        for (at, _) in code.match_indices(prefix) {
            let after = &code[at + prefix.len()..];
            match after.strip_prefix('{') {
                Some(group) => {
                    let group = group.split('}').next().unwrap_or_default();
                    for part in group.split(',') {
                        out.insert(ident(part));
                    }
                }
                None => {
                    out.insert(ident(after));
                }
            }
        }
    }
    out.remove("");
    out.remove("super");
    out.remove("self");
    out
}

/// A circle through `start`, if there is one, as the path that closes it.
fn circle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in &graph[&at] {
            if next == start {
                let mut path = path.clone();
                path.push(start.to_string());
                return Some(path);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_model_file_reaches_back_to_itself() {
    let graph = references();
    assert!(graph.len() > 30, "the model's files were read: {graph:?}");
    assert!(
        graph["ops"].contains("plan") && graph["plan"].contains("goal"),
        "references are found: {:?}",
        graph["ops"]
    );
    let circles: Vec<String> = graph
        .keys()
        .filter_map(|m| circle_from(&graph, m))
        .map(|path| path.join(" → "))
        .collect();
    assert!(
        circles.is_empty(),
        "import circles in src/model:\n{}",
        circles.join("\n")
    );
}

#[test]
fn a_circle_is_found_and_named() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let edge = |g: &mut BTreeMap<String, BTreeSet<String>>, a: &str, b: &str| {
        g.entry(a.into()).or_default().insert(b.into());
        g.entry(b.into()).or_default();
    };
    edge(&mut graph, "dates", "check");
    edge(&mut graph, "check", "plan");
    edge(&mut graph, "plan", "dates");
    edge(&mut graph, "ops", "plan");
    assert_eq!(
        circle_from(&graph, "dates").map(|p| p.join(" → ")),
        Some("dates → check → plan → dates".to_string())
    );
    assert_eq!(circle_from(&graph, "ops"), None);
    let code = "use super::{goal::Goal, Plan};\nlet x = crate::model::dates::today();".to_string();
    let names = named(code, &["crate::model::", "super::"]);
    assert_eq!(
        names,
        BTreeSet::from(["Plan".into(), "dates".into(), "goal".into()])
    );
}
