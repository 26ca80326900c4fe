//! The contention lab (G6): one total shared five ways, and false sharing.
//!
//! Run with `cargo xtask bench ch09-gil` (or `cargo bench -p
//! ch09-gil-solution --bench contention`, which prints the CSV). It adds up
//! ten million numbers on 2 threads (this course's machine has 2 cores) with
//! each [`Strategy`], and has 2 threads count to ten million each on
//! counters side by side and on padded ones. Each figure is the best of five
//! runs; it writes `ch09-contention.csv`.

use std::hint::black_box;

use ch09_gil::contention::{PackedCounters, PaddedCounters, Strategy, count_each, total};
use grading::Measurements;

const ITEMS: u64 = 10_000_000;
const THREADS: usize = 2;
const RUNS: usize = 5;

fn main() {
    let mut m = Measurements::new("ch09-contention");
    for strategy in Strategy::ALL {
        m.best_of(
            "total",
            &format!("{strategy:?}"),
            THREADS as u64,
            RUNS,
            || {
                let sum = total(strategy, THREADS, ITEMS, black_box);
                assert_eq!(sum, ITEMS * (ITEMS - 1) / 2);
            },
        );
    }
    m.best_of("counters", "side_by_side", THREADS as u64, RUNS, || {
        count_each::<PackedCounters>(THREADS, ITEMS)
    });
    m.best_of("counters", "padded", THREADS as u64, RUNS, || {
        count_each::<PaddedCounters>(THREADS, ITEMS)
    });
    m.write();
}
