//! `ltci` — the calculator on the command line.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use ltci::Error;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
ltci — 长期护理保险待遇计算器 / long-term care insurance benefit calculator

USAGE:
    ltci estimate [--jsonl] [--format json|text|script]   Query JSON on stdin → Estimate
    ltci contribution [--jsonl] [--format json|text]      ContributionQuery JSON on stdin → Contribution
    ltci plan [--jsonl] [--format json|text]              PlanQuery JSON (a Query and \"months\") on stdin → Plan
    ltci catalog                                          cities, documents, care modes and inputs as JSON

OPTIONS:
    --jsonl           one query per line in, one result (or error object) per line out, in order;
                      a bad line (a blank one too, so line numbers stay aligned) gives an error
                      object and does not stop the batch (exit status 2 if any line was bad)
    --format FORMAT   json (default), text: a Chinese table for staff terminals,
                      script: what a call-center agent reads out (estimate only)
    -h, --help        this help
    -V, --version     the version

EXIT STATUS:
    0 success, 2 invalid input (the error JSON is on stdout), 1 I/O failure

EXAMPLE:
    echo '{\"city\":\"jincheng\",\"insurance\":\"employee\",\"grade\":\"severe\",\"careMode\":\"home_visit\",\"month\":\"2024-02\"}' | ltci estimate
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Text,
    Script,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Estimate,
    Contribution,
    Plan,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ltci: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage_error(message: &str) -> io::Result<ExitCode> {
    eprintln!("ltci: {message}\n\n{USAGE}");
    Ok(ExitCode::from(2))
}

fn run(args: &[String]) -> io::Result<ExitCode> {
    let Some((first, rest)) = args.split_first() else {
        return usage_error("missing command");
    };
    let command = match first.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        "-V" | "--version" => {
            println!("ltci {}", env!("CARGO_PKG_VERSION"));
            return Ok(ExitCode::SUCCESS);
        }
        "catalog" => {
            if let Some(extra) = rest.first() {
                return usage_error(&format!("catalog takes no argument, got {extra}"));
            }
            println!("{}", ltci::catalog().to_json());
            return Ok(ExitCode::SUCCESS);
        }
        "estimate" => Command::Estimate,
        "contribution" => Command::Contribution,
        "plan" => Command::Plan,
        other => return usage_error(&format!("unknown command {other}")),
    };
    let mut jsonl = false;
    let mut format = Format::Json;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    Some("script") if command == Command::Estimate => Format::Script,
                    Some(other) => return usage_error(&format!("unknown format {other}")),
                    None => return usage_error("--format needs a value"),
                }
            }
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return usage_error(&format!("unknown option {other}")),
        }
    }
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    // Answers are written straight into one buffer, handed to stdout 64 KB at a time.
    let mut text: Vec<u8> = Vec::with_capacity(FLUSH_AT + 8192);
    let ok = if jsonl {
        let mut input = stdin.lock();
        let mut buf = Vec::with_capacity(1024);
        let mut all_ok = true;
        let mut first = true;
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            if format != Format::Json && !first {
                text.push(b'\n');
            }
            first = false;
            let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            all_ok &= answer(command, line, format, &mut text);
            if text.len() >= FLUSH_AT {
                out.write_all(&text)?;
                text.clear();
            }
        }
        all_ok
    } else {
        let mut buf = Vec::new();
        stdin.lock().read_to_end(&mut buf)?;
        answer(command, &buf, format, &mut text)
    };
    out.write_all(&text)?;
    out.flush()?;
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

/// How much output to gather before writing it.
const FLUSH_AT: usize = 1 << 16;

/// Appends one answer (or its error) and a newline to `text`; false if the input was bad.
fn answer(command: Command, input: &[u8], format: Format, text: &mut Vec<u8>) -> bool {
    let Ok(query) = std::str::from_utf8(input) else {
        return error(&ltci::Error::not_utf8(), format, text);
    };
    match command {
        Command::Estimate => match ltci::estimate_json(query) {
            Ok(e) => match format {
                Format::Json => e.write_json(text),
                Format::Text => text.extend_from_slice(ltci::render::text(&e).as_bytes()),
                Format::Script => text.extend_from_slice(ltci::render::script(&e).as_bytes()),
            },
            Err(e) => return error(&e, format, text),
        },
        Command::Contribution => match ltci::contribution_json(query) {
            Ok(c) => match format {
                Format::Text => text.extend_from_slice(ltci::render::contribution_text(&c).as_bytes()),
                _ => c.write_json(text),
            },
            Err(e) => return error(&e, format, text),
        },
        Command::Plan => match ltci::plan_json(query) {
            Ok(p) => match format {
                Format::Text => text.extend_from_slice(ltci::render::plan_text(&p).as_bytes()),
                _ => p.write_json(text),
            },
            Err(e) => return error(&e, format, text),
        },
    }
    text.push(b'\n');
    true
}

fn error(e: &Error, format: Format, text: &mut Vec<u8>) -> bool {
    match format {
        Format::Json => text.extend_from_slice(e.to_json().as_bytes()),
        _ => {
            let (code, field) = (e.code().as_str(), e.field().unwrap_or("-"));
            let _ = write!(text, "错误 error [{code}] {field}: {}\n{}", e.message(), e.message_en());
        }
    }
    text.push(b'\n');
    false
}
