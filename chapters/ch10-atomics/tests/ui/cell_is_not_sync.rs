// Lesson: a plain counter cannot be shared between threads; an atomic can.
//
// In Python, two threads may both run `hits += 1` on one counter; the GIL
// keeps the interpreter safe, but updates can still be lost between the read
// and the write. Rust refuses to compile the sharing at all: `Cell` lets you
// change a value through a shared reference, but only on one thread, so it is
// not `Sync`, and `&Cell` cannot cross into another thread (E0277).
//
// The fix is an `AtomicU64` and `fetch_add`: shared between threads, and
// each increment is one indivisible step.

use std::cell::Cell;
use std::thread;

fn main() {
    let hits = Cell::new(0_u64);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| hits.set(hits.get() + 1));
        }
    });
    println!("{}", hits.get());
}
