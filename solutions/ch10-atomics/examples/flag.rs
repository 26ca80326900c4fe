//! Publishing a value behind a flag, with two atomics: the writer stores the
//! value with `Relaxed` and then raises the flag with `Release`; the reader
//! waits for the flag with `Acquire` and then reads the value.
//!
//! The pair is what makes it work: everything the writer did before its
//! `Release` store is visible to a reader whose `Acquire` load sees the
//! store. Make either of them `Relaxed` and the reader may see the flag and
//! still read the old value: not on this x86 machine, which keeps stores in
//! order anyway, but on ARM, and under loom.
//!
//! Run with `cargo run -p ch10-atomics-solution --example flag`.

use std::hint;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

fn main() {
    // ANCHOR: flag
    let answer = AtomicU64::new(0);
    let ready = AtomicBool::new(false);
    thread::scope(|scope| {
        scope.spawn(|| {
            answer.store(42, Ordering::Relaxed);
            // Release: the store above happens before any Acquire load
            // that sees `true`.
            ready.store(true, Ordering::Release);
        });
        scope.spawn(|| {
            // Acquire: once this sees `true`, it also sees the 42.
            while !ready.load(Ordering::Acquire) {
                hint::spin_loop();
            }
            println!(
                "the reader saw the flag, then {}",
                answer.load(Ordering::Relaxed)
            );
        });
    });
    // ANCHOR_END: flag
}
