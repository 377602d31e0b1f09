//! `ltci` — the calculator on the command line.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use ltci::Error;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

/// mimalloc for the batches (Cargo.toml): glibc's malloc was a fifth of a batch.
/// (The binary is built for wasm32 too, by the wasm tests, where the library's talc serves.)
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
ltci — 长期护理保险待遇计算器 / long-term care insurance benefit calculator

USAGE:
    ltci estimate [--jsonl] [--format json|text|script]   Query JSON on stdin → Estimate
    ltci contribution [--jsonl] [--format json|text]      ContributionQuery JSON on stdin → Contribution
    ltci plan [--jsonl] [--format json|text]              PlanQuery JSON (a Query and \"months\") on stdin → Plan
    ltci catalog [--typescript]                           cities, documents, care modes and inputs as JSON;
                                                          --typescript: the QueryInputs interface of pkg/ltci.d.ts
    ltci params [--city ID] [--month YYYY-MM] [--format json|text]
                                                          every figure the rules read, dated, with its source;
                                                          with --month only the values in force in that month

OPTIONS:
    --jsonl           one query per line in, one result (or error object) per line out, in order;
                      a bad line (a blank one too, so line numbers stay aligned) gives an error
                      object and does not stop the batch (exit status 2 if any line was bad)
    --city ID         params: one city's (default: every city)
    --month YYYY-MM   params: the values in force in that month (default: all, by date)
    --format FORMAT   json (default), text: a Chinese table for staff terminals,
                      script: what a call-center agent reads out (estimate only)
    -h, --help        this help
    -V, --version     the version

EXIT STATUS:
    0 success, 2 invalid input (the error JSON is on stdout), 1 I/O failure;
    when the reader of stdout goes away (`ltci estimate --jsonl | head -1`) the run
    stops quietly: 2 if any query read so far was bad, else 0

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
    // Read as the system gives them: an argument that is not UTF-8 is a usage error, not a panic.
    let mut args = Vec::new();
    for (i, arg) in std::env::args_os().skip(1).enumerate() {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(raw) => {
                let n = i + 1;
                eprintln!("ltci: 第{n}个参数不是UTF-8文本 / argument {n} is not UTF-8 text: {raw:?}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match run(&args) {
        Ok(code) => code,
        // Help, version or catalog cut short (`ltci catalog | head -c 100`): nothing was bad.
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
        "-h" | "--help" | "help" => return help(),
        "-V" | "--version" => {
            writeln!(io::stdout(), "ltci {}", env!("CARGO_PKG_VERSION"))?;
            return Ok(ExitCode::SUCCESS);
        }
        "catalog" => {
            match rest {
                [] => writeln!(io::stdout(), "{}", ltci::catalog().to_json())?,
                [t] if t == "--typescript" => write!(io::stdout(), "{}", ltci::query_typescript())?,
                [extra, ..] => return usage_error(&format!("catalog takes only --typescript, got {extra}")),
            }
            return Ok(ExitCode::SUCCESS);
        }
        "params" => return params(rest),
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
            "-h" | "--help" => return help(),
            other => return usage_error(&format!("unknown option {other}")),
        }
    }
    let mut out = io::stdout().lock();
    let mut ok = true;
    let done = if jsonl {
        batch(command, format, &mut io::stdin().lock(), &mut out, &mut ok)
    } else {
        // More than a query and its line ending may be is not kept (it is refused as too large).
        let mut buf = Vec::new();
        io::stdin().lock().take(KEEP as u64).read_to_end(&mut buf)?;
        let mut text = Vec::new();
        ok = answer(command, without_line_end(&buf), format, &mut text);
        out.write_all(&text).and_then(|()| out.flush())
    };
    match done {
        // The reader went away (`| head -1`): stop quietly, but a bad query read
        // before that still makes the status 2 (a broken pipe is no success).
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(2) }),
    }
}

fn help() -> io::Result<ExitCode> {
    io::stdout().write_all(USAGE.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `ltci params`: the parameter tables, as JSON or as a table.
fn params(args: &[String]) -> io::Result<ExitCode> {
    let (mut query, mut text) = (serde_json::Map::new(), false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            flag @ ("--city" | "--month") => {
                let Some(value) = it.next() else { return usage_error(&format!("{flag} needs a value")) };
                query.insert(flag.trim_start_matches('-').to_owned(), value.clone().into());
            }
            "--format" => match it.next().map(String::as_str) {
                Some("json") => text = false,
                Some("text") => text = true,
                Some(other) => return usage_error(&format!("unknown format {other}")),
                None => return usage_error("--format needs a value"),
            },
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return usage_error(&format!("unknown option {other}")),
        }
    }
    // The flags are read as the other doors read `{"city", "month"}`: the same errors.
    let format = if text { Format::Text } else { Format::Json };
    let mut out = Vec::new();
    let ok = match ltci::parse_parameters(&serde_json::Value::Object(query).to_string()).and_then(|q| Ok((ltci::parameters_for(&q)?, q))) {
        Ok((table, q)) => {
            let shown = if text { ltci::render::parameters_text(&table, q.month) } else { ltci::parameters_to_json(&table) };
            out.extend_from_slice(shown.as_bytes());
            out.push(b'\n');
            true
        }
        Err(e) => error(&e, format, &mut out),
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(&out)?;
    stdout.flush()?;
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

/// How much output to gather before writing it.
const FLUSH_AT: usize = 1 << 16;

/// One query per line of `input`, one answer per line to `out`, in order; `ok`
/// turns false at the first bad line and stays so.
fn batch(command: Command, format: Format, input: &mut impl BufRead, out: &mut impl Write, ok: &mut bool) -> io::Result<()> {
    // Answers are written straight into one buffer, handed to stdout 64 KB at a time.
    let mut text: Vec<u8> = Vec::with_capacity(FLUSH_AT + 8192);
    let mut buf = Vec::with_capacity(1024);
    let mut first = true;
    loop {
        buf.clear();
        if !read_line(input, &mut buf)? {
            break;
        }
        if format != Format::Json && !first {
            text.push(b'\n');
        }
        first = false;
        *ok &= answer(command, without_line_end(&buf), format, &mut text);
        if text.len() >= FLUSH_AT {
            out.write_all(&text)?;
            text.clear();
        }
    }
    out.write_all(&text)?;
    out.flush()
}

/// The most of one query that is kept: a query as large as it may be, its line
/// ending (`\r\n`) and one byte more, so that a longer one is refused as too
/// large without holding all of it.
const KEEP: usize = ltci::MAX_QUERY_BYTES + 3;

/// A query without the line ending after it (`\n` or `\r\n`): the size limit is
/// the query's own, the same alone and in a batch.
fn without_line_end(buf: &[u8]) -> &[u8] {
    let line = buf.strip_suffix(b"\n").unwrap_or(buf);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Reads one line (with its newline) into `buf`, keeping at most [`KEEP`]
/// bytes of it; false at the end of the input.
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<bool> {
    let mut read = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(read);
        }
        read = true;
        let end = chunk.iter().position(|&b| b == b'\n').map(|i| i + 1);
        let part = chunk.get(..end.unwrap_or(chunk.len())).unwrap_or_default();
        let room = KEEP.saturating_sub(buf.len());
        buf.extend_from_slice(part.get(..part.len().min(room)).unwrap_or_default());
        let used = part.len();
        input.consume(used);
        if end.is_some() {
            return Ok(true);
        }
    }
}

/// Appends one answer (or its error) and a newline to `text`; false if the input was bad.
fn answer(command: Command, input: &[u8], format: Format, text: &mut Vec<u8>) -> bool {
    if input.len() > ltci::MAX_QUERY_BYTES {
        return error(&ltci::Error::too_large(), format, text);
    }
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
