//! Two endless printers, and a `main` that does not wait for them.
//!
//! In Python, two endless non-daemon threads keep the program alive forever;
//! marked as daemons, they die when the main thread ends. Rust has no
//! non-daemon threads: when `main` returns, the process exits and takes every
//! other thread with it, mid-loop. This program prints for a short while and
//! then exits, although its printers never stop by themselves.
//!
//! Run it with `cargo run -p ch01-threads-solution --example ping_pong`.

use std::io::Write;
use std::thread;
use std::time::Duration;

// ANCHOR: printers
fn printer(word: &'static str, pause: Duration) {
    loop {
        // Locking stdout per line keeps the two printers' lines whole.
        let mut out = std::io::stdout().lock();
        // Once main has returned, writes may fail: the process is going away.
        if writeln!(out, "{word}").is_err() {
            return;
        }
        drop(out);
        thread::sleep(pause);
    }
}

fn main() {
    // Detached: the handles are dropped, so nothing ever joins these threads.
    thread::spawn(|| printer("Ping", Duration::from_millis(10)));
    thread::spawn(|| printer("Pong", Duration::from_millis(10)));

    thread::sleep(Duration::from_millis(100));
    println!("main: returning, and the printers go with me");
}
// ANCHOR_END: printers
