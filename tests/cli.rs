//! The `ltci` command line: the same JSON as the library, exit statuses, JSONL
//! batches, text and script formats, the catalog, contributions, bad arguments.

mod common;

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ltci");

const JINCHENG_VISIT: &str = r#"{"city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02"}"#;
const CHANGZHOU_HOME: &str = r#"{"city":"changzhou","insurance":"employee","grade":"severe","careMode":"home","month":"2022-03","homeServiceCost":300,"familyCareDays":20,"homeMedicalCost":100,"deviceRentalCost":100}"#;
const BAD_CARE_DAYS: &str =
    r#"{"city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_self","month":"2024-01","careDays":32}"#;
const WAITING: &str = r#"{"city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02","disabilityMonths":3,"months":6}"#;
const CONTRIBUTION: &str = r#"{"city":"jincheng","year":2023,"insurance":"employee","category":"employed","monthlyBase":6000}"#;

/// Runs `ltci args…` with `stdin`.
fn ltci(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ltci binary runs");
    // From a thread, so that a large output cannot block the input; a command that
    // exits without reading (a usage error) closes the pipe, which is fine.
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || match pipe.write_all(&input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing stdin: {e}"),
        _ => {}
    });
    let output = child.wait_with_output().expect("ltci finishes");
    writer.join().expect("stdin writer");
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

/// An error object as the contract prints it: code, field, message, messageEn.
fn error_of(line: &str) -> Value {
    let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}"));
    let body = v["error"].as_object().unwrap_or_else(|| panic!("not an error object: {line}"));
    for key in ["code", "field", "message", "messageEn"] {
        assert!(body.contains_key(key), "{line} has no {key}");
    }
    assert!(common::ERROR_CODES.contains(&v["error"]["code"].as_str().unwrap_or("")), "{line}");
    v["error"].clone()
}

#[test]
fn estimate_prints_what_the_library_gives() {
    for query in [JINCHENG_VISIT, CHANGZHOU_HOME] {
        let o = ltci(&["estimate"], query.as_bytes());
        assert_eq!(code(&o), 0, "stderr: {}", String::from_utf8_lossy(&o.stderr));
        let expected = ltci::estimate_json(query).expect("a valid query").to_json();
        assert_eq!(stdout(&o), format!("{expected}\n"));
        assert!(o.stderr.is_empty());
    }
}

#[test]
fn estimate_reads_pretty_json_with_a_bom_and_crlf() {
    let pretty = "\u{feff}{\r\n  \"city\": \"jincheng\",\r\n  \"insurance\": \"employee\",\r\n  \"grade\": \"severe\",\r\n  \"careMode\": \"home_visit\",\r\n  \"month\": \"2024-02\"\r\n}\r\n";
    let o = ltci(&["estimate"], pretty.as_bytes());
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o).trim_end(), ltci::estimate_json(JINCHENG_VISIT).expect("valid").to_json());
}

#[test]
fn invalid_input_exits_2_with_the_error_object() {
    let o = ltci(&["estimate"], BAD_CARE_DAYS.as_bytes());
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let err = error_of(out.trim_end());
    assert_eq!(err["code"], "invalid_value");
    assert_eq!(err["field"], "careDays");
    assert_eq!(out.trim_end(), ltci::estimate_json(BAD_CARE_DAYS).expect_err("invalid").to_json());
}

#[test]
fn empty_input_and_invalid_json_are_invalid_json() {
    for input in ["", "   \n", "{", "[]", "null", "{\"city\":\"jincheng\",}", "{\"city\":\"jincheng\",\"city\":\"rizhao\"}"] {
        let o = ltci(&["estimate"], input.as_bytes());
        assert_eq!(code(&o), 2, "{input:?}");
        let err = error_of(stdout(&o).trim_end());
        assert_eq!(err["code"], "invalid_json", "{input:?}");
        assert_eq!(err["field"], Value::Null, "{input:?}");
    }
}

#[test]
fn invalid_utf8_is_invalid_json() {
    let o = ltci(&["estimate"], b"{\"city\":\"\xff\xfe\"}");
    assert_eq!(code(&o), 2);
    assert_eq!(error_of(stdout(&o).trim_end())["code"], "invalid_json");
    let o = ltci(&["contribution"], b"\xc3\x28");
    assert_eq!(code(&o), 2);
    assert_eq!(error_of(stdout(&o).trim_end())["code"], "invalid_json");
}

#[test]
fn jsonl_keeps_order_and_goes_on_after_a_bad_line() {
    let input = format!("{JINCHENG_VISIT}\n{{not json\n{BAD_CARE_DAYS}\r\n{CHANGZHOU_HOME}\n");
    let o = ltci(&["estimate", "--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 2, "a bad line makes the batch exit 2");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(lines[0], ltci::estimate_json(JINCHENG_VISIT).expect("valid").to_json());
    assert_eq!(error_of(lines[1])["code"], "invalid_json");
    let err = error_of(lines[2]);
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("invalid_value"), Some("careDays")));
    assert_eq!(lines[3], ltci::estimate_json(CHANGZHOU_HOME).expect("valid").to_json());
}

#[test]
fn jsonl_of_good_lines_exits_0_and_the_last_line_needs_no_newline() {
    let input = format!("{JINCHENG_VISIT}\n{CHANGZHOU_HOME}");
    let o = ltci(&["estimate", "--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    let expected = [JINCHENG_VISIT, CHANGZHOU_HOME].map(|q| ltci::estimate_json(q).expect("valid").to_json());
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn jsonl_with_invalid_utf8_on_one_line() {
    let mut input = Vec::new();
    input.extend_from_slice(JINCHENG_VISIT.as_bytes());
    input.extend_from_slice(b"\n\xff\n");
    input.extend_from_slice(JINCHENG_VISIT.as_bytes());
    let o = ltci(&["estimate", "--jsonl"], &input);
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(error_of(lines[1])["code"], "invalid_json");
    assert_eq!(lines[0], lines[2]);
}

#[test]
fn text_format_shows_lines_totals_and_citations() {
    let o = ltci(&["estimate", "--format", "text"], CHANGZHOU_HOME.as_bytes());
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    let e = ltci::estimate_json(CHANGZHOU_HOME).expect("valid");
    assert_eq!(e.lines.len(), 4);
    for line in &e.lines {
        assert!(out.contains(line.label), "no label {}:\n{out}", line.label);
        assert!(out.contains(line.citation), "no citation {}:\n{out}", line.citation);
        assert!(out.contains(&line.fund.to_string()), "no amount {}:\n{out}", line.fund);
    }
    assert!(out.contains("合计"));
    for total in ["900.00", "850.00", "50.00"] {
        assert!(out.contains(total), "no total {total}:\n{out}");
    }
    assert!(out.contains(e.policy.document));
}

#[test]
fn text_format_of_an_ineligible_estimate_gives_the_reasons() {
    let q = r#"{"city":"jincheng","insurance":"resident","grade":"severe","careMode":"institution","month":"2024-03"}"#;
    let o = ltci(&["estimate", "--format", "text"], q.as_bytes());
    assert_eq!(code(&o), 0);
    let e = ltci::estimate_json(q).expect("valid");
    let out = stdout(&o);
    assert!(out.contains(e.reasons[0].message.as_ref()), "{out}");
    assert!(out.contains(e.reasons[0].citation), "{out}");
}

#[test]
fn text_format_errors_are_text_and_exit_2() {
    let o = ltci(&["estimate", "--format", "text"], BAD_CARE_DAYS.as_bytes());
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    assert!(out.contains("invalid_value") && out.contains("careDays"), "{out}");
}

#[test]
fn script_format_reads_like_the_call_center() {
    let o = ltci(&["estimate", "--format", "script"], JINCHENG_VISIT.as_bytes());
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.starts_with("按晋城市规定"), "{out}");
    assert!(out.contains("1050元") && out.contains("450元"), "{out}");
    assert!(out.contains("晋市政发〔2020〕14号"), "{out}");
}

#[test]
fn catalog_lists_the_five_cities() {
    let o = ltci(&["catalog"], b"");
    assert_eq!(code(&o), 0);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("the catalog is JSON");
    let ids: Vec<&str> = v["cities"].as_array().expect("cities").iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, ["changzhou", "jincheng", "lianyungang", "rizhao", "nantong"]);
    for city in v["cities"].as_array().expect("cities") {
        assert!(!city["careModes"].as_array().expect("careModes").is_empty());
    }
}

#[test]
fn contribution_prints_what_the_library_gives() {
    let o = ltci(&["contribution"], CONTRIBUTION.as_bytes());
    assert_eq!(code(&o), 0);
    let c = ltci::contribution_json(CONTRIBUTION).expect("valid");
    assert_eq!(stdout(&o), format!("{}\n", serde_json::to_string(&c).expect("serializes")));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["totals"]["total"], "216.00");
}

#[test]
fn contribution_jsonl() {
    let nantong = r#"{"city":"nantong","year":2021,"insurance":"employee"}"#;
    let rizhao = r#"{"city":"rizhao","year":2020,"insurance":"resident"}"#;
    let o = ltci(&["contribution", "--jsonl"], format!("{CONTRIBUTION}\n{nantong}\n{rizhao}\n").as_bytes());
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    let first: Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(first["totals"]["total"], "216.00");
    assert_eq!(error_of(lines[1])["code"], "not_in_sources");
    let third: Value = serde_json::from_str(lines[2]).expect("JSON");
    assert_eq!(third["totals"]["total"], "50.00");

    let o = ltci(&["contribution", "--jsonl"], format!("{CONTRIBUTION}\n{rizhao}\n").as_bytes());
    assert_eq!(code(&o), 0);
}

#[test]
fn contribution_text_format() {
    let o = ltci(&["contribution", "--format", "text"], CONTRIBUTION.as_bytes());
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("216.00") && out.contains("108.00"), "{out}");
}

#[test]
fn plan_prints_what_the_library_gives() {
    let o = ltci(&["plan"], WAITING.as_bytes());
    assert_eq!(code(&o), 0, "stderr: {}", String::from_utf8_lossy(&o.stderr));
    let expected = ltci::plan_json(WAITING).expect("a valid plan query");
    assert_eq!(stdout(&o), format!("{}\n", expected.to_json()));
    assert_eq!(expected.eligible_from.map(|m| m.to_string()).as_deref(), Some("2024-05"));
}

#[test]
fn plan_jsonl_goes_on_after_a_bad_line() {
    let bad = WAITING.replace("\"months\":6", "\"months\":0");
    let input = format!("{WAITING}\n{bad}\n{JINCHENG_VISIT}\n");
    let o = ltci(&["plan", "--jsonl"], input.as_bytes());
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0], ltci::plan_json(WAITING).expect("valid").to_json());
    assert_eq!(error_of(lines[1])["field"], "months");
    let twelve: Value = serde_json::from_str(lines[2]).expect("JSON");
    assert_eq!(twelve["months"].as_array().map(Vec::len), Some(12), "12 months by default");
}

#[test]
fn plan_text_format_shows_the_months_totals_and_when() {
    let o = ltci(&["plan", "--format", "text"], WAITING.as_bytes());
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    for text in ["2024-02", "2024-07", "3150.00", "1350.00", "自2024-05起", "何时可以享受", "晋市政发〔2020〕14号 四(二)"]
    {
        assert!(out.contains(text), "no {text:?} in\n{out}");
    }
    let o = ltci(&["plan", "--format", "text"], b"{}");
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).starts_with("错误 error [missing_field]"), "{}", stdout(&o));
}

#[test]
fn bad_arguments_exit_2_with_usage_on_stderr() {
    for args in [
        &[][..],
        &["estimat"][..],
        &["estimate", "--bogus"][..],
        &["estimate", "--format"][..],
        &["estimate", "--format", "xml"][..],
        &["contribution", "--format", "script"][..],
        &["plan", "--format", "script"][..],
        &["catalog", "extra"][..],
    ] {
        let o = ltci(args, JINCHENG_VISIT.as_bytes());
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: stdout {}", stdout(&o));
        assert!(String::from_utf8_lossy(&o.stderr).contains("USAGE"), "{args:?}");
    }
}

#[test]
fn help_and_version() {
    let o = ltci(&["--help"], b"");
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("USAGE"));
    let o = ltci(&["--version"], b"");
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o).trim_end(), format!("ltci {}", env!("CARGO_PKG_VERSION")));
}
