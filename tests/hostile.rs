//! Hostile input at the Rust and command-line doors: many keys, huge values,
//! control characters (issue 14, items 1–3). No timing is asserted: each test
//! checks what the answer says, and how much of the input it keeps or repeats.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ltci");
const HEAD: &str = r#""city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02""#;

fn ltci(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ltci binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("ltci finishes");
    writer.join().expect("stdin writer");
    output
}

/// `{HEAD, "k0":1, "k1":1, …}` with `n` unknown keys.
fn many_keys(n: usize) -> String {
    let mut q = format!("{{{HEAD}");
    for i in 0..n {
        q.push_str(&format!(",\"k{i}\":1"));
    }
    q.push('}');
    q
}

#[test]
fn a_query_with_thousands_of_unknown_keys_is_refused_at_the_first_and_keeps_only_a_few() {
    // 5,000 keys (about 50 KB, under the size limit): the reader keeps a
    // handful, the estimate names the first unknown one.
    let text = many_keys(5000);
    assert!(text.len() < ltci::MAX_QUERY_BYTES);
    let q = ltci::parse_query(&text).expect("syntactically a query");
    assert!(q.inputs.len() <= 16, "kept {} inputs", q.inputs.len());
    let err = ltci::estimate(&q).expect_err("unknown keys");
    assert_eq!(err.code(), ltci::ErrorCode::UnknownField);
    assert_eq!(err.field(), Some("k0"));
}

#[test]
fn a_query_over_64_kb_is_refused_before_it_is_read_in_every_rust_door() {
    let text = many_keys(10_000);
    assert!(text.len() > ltci::MAX_QUERY_BYTES);
    for err in [ltci::parse_query(&text).expect_err("too large"), ltci::estimate_json(&text).expect_err("too large")] {
        assert_eq!(err.code(), ltci::ErrorCode::InvalidValue);
        assert_eq!(err.field(), None);
        assert!(err.message_en().contains("too large"), "{}", err.message_en());
    }
    let out = ltci(&["estimate"], text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let line = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(line.len() < 400, "the error line repeats the input: {} bytes", line.len());
    assert!(line.contains("\"invalid_value\""), "{line}");
}

#[test]
fn an_error_quotes_at_most_forty_characters_of_a_bad_value() {
    let long = "2".repeat(30_000);
    let err = ltci::estimate_json(&format!(r#"{{{HEAD},"assessedMonth":"{long}"}}"#)).expect_err("bad month");
    assert_eq!(err.field(), Some("assessedMonth"));
    assert!(err.message().chars().count() < 120, "{}", err.message());
    assert!(err.message_en().contains(&format!("{}…", "2".repeat(40))), "{}", err.message_en());
    let err = ltci::estimate_json(&format!(r#"{{{HEAD},"{long}":1}}"#)).expect_err("bad key");
    assert_eq!(err.code(), ltci::ErrorCode::UnknownField);
    assert!(err.field().is_some_and(|f| f.chars().count() <= 41), "{:?}", err.field());
}

#[test]
fn text_formats_never_pass_a_control_character_of_the_input_to_the_terminal() {
    let forged =
        r#"{"city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02\n基金支付 99999.00 元\n"}"#;
    let escape = r#"{"city":"jincheng\u001b[2J\u0000","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02"}"#;
    for format in ["text", "script", "json"] {
        for query in [forged, escape] {
            let out = ltci(&["estimate", "--format", format], query.as_bytes());
            assert_eq!(out.status.code(), Some(2), "{format}: {query}");
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            assert!(!text.lines().any(|l| l.trim_start().starts_with("基金支付")), "{format}: a forged line:\n{text}");
            assert!(!text.contains(['\u{1b}', '\0']), "{format}: a raw control character:\n{text:?}");
            // Only the line breaks the format itself writes.
            assert!(text.lines().count() <= 2, "{format}: {text:?}");
        }
    }
}

#[test]
fn a_batch_line_of_ten_megabytes_is_refused_as_too_large_and_the_batch_goes_on() {
    let huge = format!(r#"{{{HEAD},"assessedMonth":"{}"}}"#, "9".repeat(10 << 20));
    let input = format!("{huge}\n{{{HEAD}}}\n");
    let out = ltci(&["estimate", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "one answer a line: {:?}", lines.iter().map(|l| l.len()).collect::<Vec<_>>());
    assert!(lines[0].contains("\"invalid_value\"") && lines[0].contains("too large") && lines[0].len() < 300, "{}", lines[0]);
    assert!(lines[1].contains("\"fund\":\"1050.00\""), "{}", lines[1]);
}
