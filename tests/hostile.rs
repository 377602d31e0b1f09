//! Hostile input at the Rust door: many keys, huge values (issue 14, items 1
//! and 2; the command line's side is in tests/cli.rs). No timing is asserted: each test
//! checks what the answer says, and how much of the input it keeps or repeats.

const HEAD: &str = r#""city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02""#;

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
fn a_query_with_thousands_of_unknown_keys_is_refused_at_the_first() {
    // 5,000 keys (about 50 KB, under the size limit, which bounds what is
    // kept): the estimate names the first unknown one.
    let text = many_keys(5000);
    assert!(text.len() < ltci::MAX_QUERY_BYTES);
    let q = ltci::parse_query(&text).expect("syntactically a query");
    assert_eq!(q.inputs.len(), 5000);
    let err = ltci::estimate(&q).expect_err("unknown keys");
    assert_eq!(err.code(), ltci::ErrorCode::UnknownField);
    assert_eq!(err.field(), Some("k0"));
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
