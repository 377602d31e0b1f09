//! The `ltci` command line: the same JSON as the library, exit statuses, JSONL
//! batches, text and script formats, the catalog, contributions, parameters,
//! bad arguments.

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

/// Starts `ltci args…` with its stdin written from a thread, so that a large
/// output cannot block the input; a command that exits without reading (a
/// usage error, a closed pipe) leaves the rest unwritten, which is fine.
fn spawn(args: &[&str], stdin: &[u8]) -> (std::process::Child, std::thread::JoinHandle<()>) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ltci binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || match pipe.write_all(&input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing stdin: {e}"),
        _ => {}
    });
    (child, writer)
}

/// Runs `ltci args…` with `stdin`.
fn ltci(args: &[&str], stdin: &[u8]) -> Output {
    let (child, writer) = spawn(args, stdin);
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

/// Runs `ltci args…` on `stdin`, reads the first line of its output and closes the
/// pipe, as `| head -1` does; gives that line, the exit code and stderr.
fn first_line_then_close(args: &[&str], stdin: String) -> (String, i32, String) {
    use std::io::{BufRead, BufReader, Read};
    let (mut child, writer) = spawn(args, stdin.as_bytes());
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("a first line");
    // The reader is dropped: ltci's next write meets a closed pipe.
    let status = child.wait().expect("ltci finishes");
    writer.join().expect("stdin writer");
    let mut err = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("stderr");
    (line, status.code().expect("an exit code"), err)
}

#[test]
fn jsonl_cut_short_by_the_reader_still_exits_2_after_a_bad_line() {
    // Far more output than a pipe holds, so the pipe breaks while ltci writes.
    let good = format!("{JINCHENG_VISIT}\n").repeat(5000);
    let expected = ltci::estimate_json(JINCHENG_VISIT).expect("valid").to_json();
    for (input, first_is_error) in [(format!("{{not json\n{good}"), true), (format!("{JINCHENG_VISIT}\n{BAD_CARE_DAYS}\n{good}"), false)] {
        let (line, status, err) = first_line_then_close(&["estimate", "--jsonl"], input);
        if first_is_error {
            assert_eq!(error_of(line.trim_end())["code"], "invalid_json");
        } else {
            assert_eq!(line.trim_end(), expected);
        }
        assert_eq!(status, 2, "a bad line was read before the pipe broke");
        assert_eq!(err, "", "a broken pipe is quiet");
    }
}

#[test]
fn jsonl_cut_short_by_the_reader_exits_0_when_every_line_read_was_good() {
    let (line, status, err) = first_line_then_close(&["estimate", "--jsonl"], format!("{JINCHENG_VISIT}\n").repeat(5000));
    assert_eq!(line.trim_end(), ltci::estimate_json(JINCHENG_VISIT).expect("valid").to_json());
    assert_eq!((status, err.as_str()), (0, ""));
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
        assert!(out.contains(line.citation.as_ref()), "no citation {}:\n{out}", line.citation);
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
    assert!(out.contains(e.reasons[0].citation.as_ref()), "{out}");
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
        &["params", "--city"][..],
        &["params", "--format", "script"][..],
        &["params", "jincheng"][..],
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

// ---- Hostile input (issue 14): huge lines, control characters ---------------

const HOSTILE_HEAD: &str = r#""city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"2024-02""#;

#[test]
fn a_query_over_64_kb_is_refused_before_it_is_read_in_every_rust_door() {
    let text = many_keys_query(10_000);
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
    let huge = format!(r#"{{{HOSTILE_HEAD},"assessedMonth":"{}"}}"#, "9".repeat(10 << 20));
    let input = format!("{huge}\n{{{HOSTILE_HEAD}}}\n");
    let out = ltci(&["estimate", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "one answer a line: {:?}", lines.iter().map(|l| l.len()).collect::<Vec<_>>());
    assert!(lines[0].contains("\"invalid_value\"") && lines[0].contains("too large") && lines[0].len() < 300, "{}", lines[0]);
    assert!(lines[1].contains("\"fund\":\"1050.00\""), "{}", lines[1]);
}

/// `{HEAD, "k0":1, "k1":1, …}` with `n` unknown keys.
fn many_keys_query(n: usize) -> String {
    let mut q = format!("{{{HOSTILE_HEAD}");
    for i in 0..n {
        q.push_str(&format!(",\"k{i}\":1"));
    }
    q.push('}');
    q
}

/// `ltci params --city jincheng --month 2024-02`: every figure of 晋市政发〔2020〕14号
/// the rules read, each with its clause and quote, all in force that month.
#[test]
fn params_lists_every_figure_with_its_clause_and_quote() {
    let o = ltci(&["params", "--city", "jincheng", "--month", "2024-02"], b"");
    assert_eq!(code(&o), 0, "stderr: {}", String::from_utf8_lossy(&o.stderr));
    let month = ltci::Month::parse("2024-02");
    let expected = ltci::parameters_to_json(&ltci::parameters(Some("jincheng"), month).expect("jincheng"));
    assert_eq!(stdout(&o), format!("{expected}\n"));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let table = v.as_array().expect("a list");
    let ids: Vec<&str> = table.iter().filter_map(|p| p["id"].as_str()).collect();
    for id in [
        "scheme.effective_from",
        "scheme.effective_to",
        "disability.minimum_months",
        "home_visit.monthly_quota",
        "contribution.employer_rate",
    ] {
        assert!(ids.contains(&id), "{id} missing: {ids:?}");
    }
    for p in table {
        assert_eq!(p["city"], "jincheng");
        for key in ["label", "labelEn", "unit"] {
            assert!(p[key].as_str().is_some_and(|s| !s.is_empty()), "{p}: {key}");
        }
        let values = p["values"].as_array().expect("values");
        assert_eq!(values.len(), 1, "{p}: one value in force");
        let value = &values[0];
        assert_eq!(value["status"], "in_force", "{p}");
        assert_eq!(value["document"], "晋市政发〔2020〕14号", "{p}");
        assert!(value["citation"].as_str().is_some_and(|c| c.starts_with("晋市政发〔2020〕14号 ")), "{p}");
        assert!(value["quote"].as_str().is_some_and(|q| !q.is_empty()), "{p}");
    }
    let quota = table.iter().find(|p| p["id"] == "home_visit.monthly_quota").expect("the quota");
    assert_eq!(quota["unit"], "yuan_per_month");
    assert_eq!(quota["values"][0]["value"], "1500");
    assert_eq!(quota["values"][0]["citation"], "晋市政发〔2020〕14号 四(七)2");
    assert_eq!(quota["values"][0]["quote"], "每月定额1500元");

    let text = ltci(&["params", "--city", "jincheng", "--month", "2024-02", "--format", "text"], b"");
    assert_eq!(code(&text), 0);
    let out = stdout(&text);
    assert!(
        out.contains("规则核对日期") && out.contains("1500元/月") && out.contains("〔晋市政发〔2020〕14号 四(七)2〕“每月定额1500元”"),
        "{out}"
    );
}

/// 晋城 四(四): the employer share is paid by the medical fund in 2021–2022, by the employer after.
#[test]
fn params_show_the_employer_share_by_month() {
    let share = |month: &str| {
        let o = ltci(&["params", "--city", "jincheng", "--month", month], b"");
        assert_eq!(code(&o), 0);
        let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        let p = v.as_array().expect("a list").iter().find(|p| p["id"] == "contribution.employer_share_from_medical_fund").cloned();
        p.expect("the employer share")["values"][0].clone()
    };
    let (pilot, after) = (share("2022-06"), share("2023-06"));
    assert_eq!(
        (&pilot["value"], &pilot["from"], &pilot["to"]),
        (&Value::from("1"), &Value::from("2021-01-01"), &Value::from("2022-12-31"))
    );
    assert!(pilot["quote"].as_str().is_some_and(|q| q.contains("统筹基金累计结余中划拨")), "{pilot}");
    assert_eq!((&after["value"], &after["from"]), (&Value::from("0"), &Value::from("2023-01-01")));
    assert!(after["quote"].as_str().is_some_and(|q| q.contains("用人单位")), "{after}");
}

#[test]
fn params_without_flags_list_every_city_with_every_value() {
    let o = ltci(&["params"], b"");
    assert_eq!(code(&o), 0);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let mut cities: Vec<&str> = v.as_array().expect("a list").iter().filter_map(|p| p["city"].as_str()).collect();
    cities.dedup();
    assert_eq!(cities, ["changzhou", "jincheng", "lianyungang", "rizhao", "nantong"]);
    // Without a month, no value has a status, and 晋城's employer share has both its values.
    let share = v.as_array().expect("a list").iter().find(|p| p["id"] == "contribution.employer_share_from_medical_fund").expect("share");
    assert_eq!(share["values"].as_array().map(Vec::len), Some(2));
    assert!(share["values"][0].get("status").is_none());
}

#[test]
fn params_errors_exit_2_with_the_error_object() {
    for (args, field, code_) in
        [(&["params", "--month", "2024-2"][..], "month", "invalid_value"), (&["params", "--city", "beijing"][..], "city", "unknown_city")]
    {
        let o = ltci(args, b"");
        assert_eq!(code(&o), 2, "{args:?}");
        let e = error_of(stdout(&o).trim_end());
        assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some(code_), Some(field)), "{args:?}");
    }
}

// ---- Hostile input, third round (issue 23) ----------------------------------

/// Runs `ltci` with arguments given as raw bytes (not all of them UTF-8).
fn ltci_os(args: &[&[u8]]) -> Output {
    use std::os::unix::ffi::OsStrExt;
    Command::new(BIN).args(args.iter().map(|a| std::ffi::OsStr::from_bytes(a))).stdin(Stdio::null()).output().expect("the ltci binary runs")
}

#[test]
fn an_argument_that_is_not_utf8_exits_2_with_the_error() {
    let args: [&[&[u8]]; 5] = [
        &[b"params", b"--city", b"\xff"],
        &[b"params", b"--month", b"2024-0\xff"],
        &[b"estimate", b"--format", b"te\xffxt"],
        &[b"\xff"],
        &[b"catalog", b"--typescript\xff"],
    ];
    for args in args {
        let o = ltci_os(args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(code(&o), 2, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains("UTF-8") && stderr.contains(r"\xFF"), "{args:?}: {stderr}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// The width of `s` in terminal columns, as a terminal draws it (CJK: two).
fn columns(s: &str) -> usize {
    s.chars().map(|c| if ('\u{1100}'..='\u{ffe6}').contains(&c) && !c.is_ascii() { 2 } else { 1 }).sum()
}

/// Where each run of non-blank text of `line` ends, in terminal columns.
fn field_ends(line: &str) -> Vec<usize> {
    let (mut ends, mut col, mut inside) = (Vec::new(), 0, false);
    for c in line.chars() {
        if c == ' ' {
            if inside {
                ends.push(col);
            }
            inside = false;
        } else {
            inside = true;
        }
        col += columns(&c.to_string());
    }
    if inside {
        ends.push(col);
    }
    ends
}

#[test]
fn text_tables_keep_their_columns_apart_whatever_the_width_of_a_figure() {
    // 744 hours at 1,000,000 yuan an hour in March 2027: a cost of nine digits before the point.
    let q = r#"{"city":"lianyungang","insurance":"resident","grade":"severe","careMode":"home_visit","month":"2027-03","visitHours":744,"hourlyCharge":1000000}"#;
    let plan = stdout(&ltci(&["plan", "--format", "text"], q.as_bytes()));
    let row = plan.lines().find(|l| l.starts_with("2027-03")).unwrap_or_else(|| panic!("{plan}"));
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        ["2027-03", "是", "744000000.00", "600.00", "743999400.00", "征求意见稿"],
        "{plan}"
    );
    // Every amount column ends where its heading does.
    let head = plan.lines().find(|l| l.starts_with("月份")).unwrap_or_else(|| panic!("{plan}"));
    let want = field_ends(head).get(2..5).map(<[usize]>::to_vec);
    for line in plan.lines().filter(|l| l.starts_with("20") || l.starts_with("合计")) {
        let got = field_ends(line);
        let amounts = if line.starts_with("合计") { got.get(1..4) } else { got.get(2..5) };
        assert_eq!(amounts.map(<[usize]>::to_vec), want, "{line:?} in\n{plan}");
    }
    let estimate = stdout(&ltci(&["estimate", "--format", "text"], q.as_bytes()));
    for (start, label) in [("居家上门护理", "居家上门护理"), ("合计", "合计")] {
        let line = estimate.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("{estimate}"));
        assert_eq!(line.split_whitespace().collect::<Vec<_>>(), [label, "744000000.00", "600.00", "743999400.00"], "{estimate}");
    }
    let head = estimate.lines().find(|l| l.starts_with("项目")).unwrap_or_else(|| panic!("{estimate}"));
    for line in estimate.lines().filter(|l| l.starts_with("居家上门护理") || l.starts_with("合计")) {
        assert_eq!(field_ends(line).get(1..), field_ends(head).get(1..), "{line:?} in\n{estimate}");
    }
}

/// Every character that reorders the text around it (bidi embedding, override,
/// isolate and mark characters).
const BIDI: [char; 12] = [
    '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

#[test]
fn bidi_controls_of_the_input_are_written_as_escapes_like_the_other_controls() {
    for c in BIDI {
        let query =
            format!(r#"{{"city":"jincheng","insurance":"employee","grade":"severe","careMode":"home_visit","month":"{c}2024-02"}}"#);
        for format in ["text", "script", "json"] {
            let out = ltci(&["estimate", "--format", format], query.as_bytes());
            assert_eq!(out.status.code(), Some(2), "{format}");
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            assert!(!text.contains(BIDI), "{format}: a raw bidi control U+{:04X}: {text:?}", c as u32);
            assert!(text.contains(&format!("\\u{{{:x}}}", c as u32)), "{format}: {text:?}");
        }
    }
}

/// A valid query of exactly `n` bytes (blanks before its closing brace).
fn query_of(n: usize) -> String {
    let mut q = String::from(JINCHENG_VISIT);
    q.pop();
    q.push_str(&" ".repeat(n - q.len() - 1));
    q.push('}');
    q
}

#[test]
fn one_size_limit_alone_and_in_a_batch() {
    let max = ltci::MAX_QUERY_BYTES;
    for (n, fits) in [(max, true), (max + 1, false)] {
        let q = query_of(n);
        assert_eq!(q.len(), n);
        assert_eq!(ltci::estimate_json(&q).is_ok(), fits, "{n} bytes, the library");
        for ending in ["", "\n", "\r\n"] {
            for args in [&["estimate"][..], &["estimate", "--jsonl"][..]] {
                let o = ltci(args, format!("{q}{ending}").as_bytes());
                let out = stdout(&o);
                assert_eq!(code(&o) == 0, fits, "{n} bytes{ending:?}, {args:?}: {}", out.get(..200).unwrap_or(&out));
                assert_eq!(out.contains("\"fund\":\"1050.00\""), fits, "{n} bytes{ending:?}, {args:?}");
            }
        }
    }
}
