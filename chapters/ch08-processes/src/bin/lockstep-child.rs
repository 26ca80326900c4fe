//! A small, portable child program for the `child_process` exercise:
//!
//! - `echo`: copies stdin to stdout;
//! - `shout`: copies stdin to stdout in capitals;
//! - `fail <code> <message>`: writes the message to stderr, exits with code;
//! - `hang [message]`: writes the message (if any) to stdout, then sleeps
//!   until it is killed;
//! - `spin <n>`: does `n` multiply-adds and prints the result: pure CPU work,
//!   for measuring how many cores two processes really get.

use std::io::{self, Read, Write};
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("echo") => copy(|bytes| bytes),
        Some("shout") => copy(|mut bytes| {
            bytes.make_ascii_uppercase();
            bytes
        }),
        Some("fail") => {
            let code = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(1);
            eprintln!("{}", args.get(2).map_or("failed", String::as_str));
            ExitCode::from(code)
        }
        Some("spin") => {
            let n: u64 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(0);
            let sum = (0..n).fold(0u64, |sum, i| {
                sum.wrapping_add(std::hint::black_box(i).wrapping_mul(i))
            });
            println!("{sum}");
            ExitCode::SUCCESS
        }
        Some("hang") => {
            if let Some(message) = args.get(1) {
                let mut out = io::stdout().lock();
                // What a killed child had already written still reaches the parent.
                let _ = out.write_all(message.as_bytes()).and_then(|()| out.flush());
            }
            loop {
                thread::sleep(Duration::from_secs(3600));
            }
        }
        _ => {
            eprintln!(
                "usage: lockstep-child echo|shout|fail <code> <message>|spin <n>|hang [message]"
            );
            ExitCode::from(64)
        }
    }
}

/// Streams stdin to stdout in blocks, so a large input is written out while
/// it is still being read, as real filters do.
fn copy(transform: impl Fn(Vec<u8>) -> Vec<u8>) -> ExitCode {
    let (mut input, mut output) = (io::stdin().lock(), io::stdout().lock());
    let mut block = vec![0; 8192];
    loop {
        match input.read(&mut block) {
            Ok(0) => return ExitCode::SUCCESS,
            Ok(n) => {
                if output.write_all(&transform(block[..n].to_vec())).is_err() {
                    return ExitCode::from(3);
                }
            }
            Err(_) => return ExitCode::from(3),
        }
    }
}
