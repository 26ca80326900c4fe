//! Demo: `thread_local!` gives every thread its own value, like Python's
//! `threading.local()` (S5).
//!
//! `cargo run -p ch02-sharing-solution --example own_counts`. Three threads
//! add to "the" counter, 1, 2 and 3 times; each sees only its own
//! additions, and the main thread's counter stays at zero.

use std::cell::Cell;
use std::thread;

// ANCHOR: local
thread_local! {
    /// Every thread that touches `CALLS` gets a counter of its own,
    /// starting at 0. A `Cell` is enough: no other thread can reach it.
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

fn count_a_call() -> u32 {
    CALLS.with(|calls| {
        calls.set(calls.get() + 1);
        calls.get()
    })
}
// ANCHOR_END: local

fn main() {
    let seen: Vec<u32> = thread::scope(|scope| {
        let threads: Vec<_> = (1..=3)
            .map(|times| {
                scope.spawn(move || {
                    let mut last = 0;
                    for _ in 0..times {
                        last = count_a_call();
                    }
                    last
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    });
    for (n, count) in seen.iter().enumerate() {
        println!("thread {} counted {count} call(s)", n + 1);
    }
    println!("the main thread's counter: {}", CALLS.with(Cell::get));
}
