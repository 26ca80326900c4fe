//! What a thread costs, and what it buys (T10, T11).
//!
//! Run with `cargo xtask bench ch01-threads` (or `cargo bench -p
//! ch01-threads-solution --bench cost`, which prints the CSV). It writes
//! `ch01-cost.csv`; `python/ch01_threads.py` measures the same in CPython.
//!
//! - `spawn`: the price of starting and joining a thread (plain and scoped),
//!   against calling the same function; per call, over 2 000 calls.
//! - `collatz`: CPU-bound work split with the exercise's `parallel_sum` on
//!   1, 2 and 4 threads; Rust threads run on all cores at once.

use std::hint::black_box;
use std::thread;

use ch01_threads::cost::parallel_sum;
use grading::Measurements;

/// The work every spawn variant does: next to nothing, so what is measured
/// is the way it is called.
#[inline(never)]
fn answer() -> u64 {
    black_box(42)
}

/// Steps of the Collatz sequence from `n` down to 1: cheap to state, costly
/// enough to compute, and impossible for the compiler to fold away.
fn collatz_steps(mut n: u64) -> u64 {
    let mut steps = 0;
    while n > 1 {
        n = if n.is_multiple_of(2) {
            n / 2
        } else {
            3 * n + 1
        };
        steps += 1;
    }
    steps
}

const CALLS: u32 = 2_000;
const NUMBERS: u64 = 200_000;

fn main() {
    let mut m = Measurements::new("ch01-cost");
    // Per call: the best of five batches of CALLS calls, divided by CALLS.
    // Through an opaque function pointer, so the call cannot be inlined away.
    m.per_call("spawn", "plain_call", CALLS, 5, || {
        black_box(answer as fn() -> u64)()
    });
    m.per_call("spawn", "spawn_and_join", CALLS, 5, || {
        thread::spawn(answer).join().unwrap()
    });
    m.per_call("spawn", "scoped_spawn_and_join", CALLS, 5, || {
        thread::scope(|scope| scope.spawn(answer).join().unwrap())
    });

    let numbers: Vec<u64> = (1..=NUMBERS).collect();
    for threads in [1, 2, 4] {
        m.best_of("collatz", "rust", threads as u64, 5, || {
            parallel_sum(black_box(&numbers), threads, collatz_steps)
        });
    }
    m.write();
}
