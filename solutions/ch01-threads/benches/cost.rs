//! What a thread costs, and what it buys (T10, T11).
//!
//! Run with `cargo bench -p ch01-threads-solution --bench cost`. The book
//! quotes ratios from one run, not absolute times: a ratio survives a change
//! of machine far better.
//!
//! - `spawn_and_join` against `plain_call`: the price of starting and joining
//!   a thread, against calling the same function.
//! - `collatz_sum` with 1, 2 and 4 threads: CPU-bound work split with the
//!   exercise's `parallel_sum`; Rust threads run on all cores at once.

use std::hint::black_box;
use std::thread;

use ch01_threads::cost::parallel_sum;

fn main() {
    divan::main();
}

/// The work every variant does: next to nothing, so what is measured is the
/// way it is called.
#[inline(never)]
fn answer() -> u64 {
    black_box(42)
}

#[divan::bench]
fn plain_call() -> u64 {
    // Through an opaque function pointer, so the call cannot be inlined away.
    black_box(answer as fn() -> u64)()
}

#[divan::bench]
fn spawn_and_join() -> u64 {
    thread::spawn(answer).join().unwrap()
}

#[divan::bench]
fn scoped_spawn_and_join() -> u64 {
    thread::scope(|scope| scope.spawn(answer).join().unwrap())
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

const NUMBERS: u64 = 200_000;

#[divan::bench(args = [1, 2, 4])]
fn collatz_sum(bencher: divan::Bencher, threads: usize) {
    let numbers: Vec<u64> = (1..=NUMBERS).collect();
    bencher.bench(|| parallel_sum(black_box(&numbers), threads, collatz_steps));
}
