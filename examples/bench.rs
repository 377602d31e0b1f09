//! Per-call latency of the library, for `scripts/bench` (not a test: no
//! timing is asserted anywhere).
//!
//!     cargo run --release --example bench -- queries.jsonl [rounds]
//!
//! Reads one query per line, warms up, then times each call and prints one
//! JSON object: the median, p99 and mean in nanoseconds of a whole call
//! (`estimate_json` and writing its JSON, as the command line does) and of
//! its three parts: parsing, estimating, serializing.

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: bench QUERIES.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bench: {path}: {e}");
            std::process::exit(1);
        }
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<u8> = Vec::with_capacity(1 << 14);

    // Warm-up: caches, branch predictors, the allocator's free lists.
    for line in lines.iter().take(20_000) {
        call(line, &mut out);
    }

    let mut whole = Vec::with_capacity(lines.len() * rounds);
    let mut parse = Vec::with_capacity(lines.len() * rounds);
    let mut estimate = Vec::with_capacity(lines.len() * rounds);
    let mut serialize = Vec::with_capacity(lines.len() * rounds);
    let started = Instant::now();
    for _ in 0..rounds {
        for line in &lines {
            let t0 = Instant::now();
            call(line, &mut out);
            whole.push(t0.elapsed().as_nanos());
        }
    }
    let elapsed = started.elapsed();
    for _ in 0..rounds {
        for line in &lines {
            let t0 = Instant::now();
            let q = ltci::parse_query(line);
            let t1 = Instant::now();
            let Ok(q) = q else { continue };
            let e = ltci::estimate(&q);
            let t2 = Instant::now();
            let Ok(e) = e else { continue };
            out.clear();
            e.write_json(&mut out);
            let t3 = Instant::now();
            black_box(&out);
            parse.push((t1 - t0).as_nanos());
            estimate.push((t2 - t1).as_nanos());
            serialize.push((t3 - t2).as_nanos());
        }
    }
    let calls = whole.len();
    let per_second = calls as f64 / elapsed.as_secs_f64();
    println!(
        "{{\"calls\":{calls},\"callsPerSecond\":{per_second:.0},\"call\":{},\"parse\":{},\"estimate\":{},\"serialize\":{}}}",
        stats(&mut whole),
        stats(&mut parse),
        stats(&mut estimate),
        stats(&mut serialize)
    );
}

/// One call as the command line makes it: parse, estimate, write the JSON
/// (or the error's JSON).
fn call(line: &str, out: &mut Vec<u8>) {
    out.clear();
    match ltci::estimate_json(black_box(line)) {
        Ok(e) => e.write_json(out),
        Err(e) => out.extend_from_slice(e.to_json().as_bytes()),
    }
    black_box(&out);
}

fn stats(ns: &mut [u128]) -> String {
    if ns.is_empty() {
        return String::from("null");
    }
    ns.sort_unstable();
    let at = |q: f64| ns.get(((ns.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0);
    let mean = ns.iter().sum::<u128>() as f64 / ns.len() as f64;
    format!("{{\"median\":{},\"p99\":{},\"mean\":{mean:.0},\"n\":{}}}", at(0.5), at(0.99), ns.len())
}
