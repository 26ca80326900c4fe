// Lesson: every atomic operation says which ordering it needs.
//
// Python has no such choice to make: its operations are as ordered as the
// interpreter makes them. Rust's atomics take an `Ordering` argument on every
// load, store and read-modify-write, and there is no default (E0061: the
// method takes two arguments, one was supplied). `Relaxed` promises only that
// the operation itself is indivisible; `Release` on a store and `Acquire` on
// the load that sees it also order what came before the store against what
// comes after the load; `SeqCst` adds one order of all such operations that
// every thread agrees on.

use std::sync::atomic::{AtomicBool, Ordering};

fn main() {
    let ready = AtomicBool::new(false);
    ready.store(true, Ordering::Release);
    if ready.load() {
        println!("ready");
    }
}
