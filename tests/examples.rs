//! Every command-line example in README.md, DESIGN.md and docs/ is run, and what it
//! prints must be what the example shows (a "…" line stands for any lines, a " … "
//! inside a line for any text), so an example never goes stale.

use std::fs;
use std::path::Path;
use std::process::Command;

/// The examples of one Markdown file: (command, expected output lines).
fn examples(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let mut block: Vec<&str> = Vec::new();
        for l in lines.by_ref() {
            if l.trim() == "```" {
                break;
            }
            block.push(l);
        }
        let mut i = 0;
        while i < block.len() {
            let Some(first) = block[i].strip_prefix("$ ") else {
                i += 1;
                continue;
            };
            let mut command = first.to_owned();
            while command.ends_with('\\') && i + 1 < block.len() {
                i += 1;
                command.pop();
                command.push(' ');
                command.push_str(block[i].trim());
            }
            i += 1;
            let mut expected = Vec::new();
            while i < block.len() && !block[i].starts_with("$ ") {
                expected.push(block[i].to_owned());
                i += 1;
            }
            out.push((command, expected));
        }
    }
    out
}

/// Whether `line` matches `pattern`, whose "…" (and the spaces around it) stand for any text.
fn line_matches(pattern: &str, line: &str) -> bool {
    let mut rest = line;
    let count = pattern.split('…').count();
    let parts: Vec<&str> = pattern
        .split('…')
        .enumerate()
        .map(|(k, p)| {
            let p = if k > 0 { p.trim_start() } else { p };
            if k + 1 < count {
                p.trim_end()
            } else {
                p
            }
        })
        .collect();
    for (k, part) in parts.iter().enumerate() {
        let found = if k == 0 { rest.strip_prefix(part).map(|r| (0, r)) } else { rest.find(part).map(|at| (at, &rest[at + part.len()..])) };
        match found {
            Some((_, r)) => rest = r,
            None => return false,
        }
    }
    parts.len() > 1 || rest.is_empty()
}

/// Whether the output lines match the expected ones, a "…" line standing for any lines.
fn output_matches(expected: &[String], got: &[&str]) -> bool {
    match expected.split_first() {
        None => got.is_empty(),
        Some((e, rest)) if e.trim() == "…" => (0..=got.len()).any(|k| output_matches(rest, &got[k..])),
        Some((e, rest)) => got.split_first().is_some_and(|(g, more)| line_matches(e, g) && output_matches(rest, more)),
    }
}

#[test]
fn every_command_line_example_prints_what_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = env!("CARGO_BIN_EXE_ltci");
    let mut files = vec![root.join("README.md"), root.join("DESIGN.md")];
    for dir in [root.join("docs"), root.join("docs/cities")] {
        for entry in fs::read_dir(dir).expect("docs/").flatten() {
            if entry.path().extension().is_some_and(|e| e == "md") {
                files.push(entry.path());
            }
        }
    }
    let (mut count, mut wrong) = (0, Vec::new());
    for file in files {
        let text = fs::read_to_string(&file).expect("readable");
        for (command, expected) in examples(&text) {
            if !command.contains("ltci ") {
                continue;
            }
            count += 1;
            let script = format!("ltci() {{ '{bin}' \"$@\"; }}\n{command}");
            let out = Command::new("bash").arg("-c").arg(&script).current_dir(root).output().expect("bash runs");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let mut got: Vec<&str> = stdout.lines().collect();
            while got.last().is_some_and(|l| l.trim().is_empty()) {
                got.pop();
            }
            if !output_matches(&expected, &got) {
                wrong.push(format!("{}: $ {command}\n--- shown:\n{}\n--- printed:\n{stdout}", file.display(), expected.join("\n")));
            }
        }
    }
    assert!(count >= 7, "found {count} examples");
    assert!(wrong.is_empty(), "{} stale example(s):\n\n{}", wrong.len(), wrong.join("\n\n"));
}
