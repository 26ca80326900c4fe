//! The contention lab (G6): one total shared five ways, and false sharing.
//!
//! Run with `cargo bench -p ch07-gil-solution --bench contention`. It adds
//! up ten million numbers on 2 threads (this course's machine has 2 cores)
//! with each [`Strategy`], and has 2 threads count to ten million each on
//! counters side by side and on padded ones. Each figure is the best of five
//! runs. With `LOCKSTEP_MEASUREMENTS=<dir>` (relative to the workspace root)
//! it also writes `ch07-contention.csv` there.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use ch07_gil::contention::{PackedCounters, PaddedCounters, Strategy, count_each, total};

const ITEMS: u64 = 10_000_000;
const THREADS: usize = 2;
const RUNS: usize = 5;

/// The best of `RUNS` timings of `f`.
fn best(mut f: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut rows: Vec<(String, Duration)> = Vec::new();
    for strategy in Strategy::ALL {
        let took = best(|| {
            let sum = total(strategy, THREADS, ITEMS, black_box);
            assert_eq!(sum, ITEMS * (ITEMS - 1) / 2);
        });
        rows.push((format!("{strategy:?}"), took));
    }
    let packed = best(|| {
        black_box(count_each::<PackedCounters>(THREADS, ITEMS));
    });
    let padded = best(|| {
        black_box(count_each::<PaddedCounters>(THREADS, ITEMS));
    });
    rows.push(("CountersSideBySide".into(), packed));
    rows.push(("CountersPadded".into(), padded));

    let fastest = rows[..Strategy::ALL.len()]
        .iter()
        .map(|(_, took)| *took)
        .min()
        .unwrap_or_default();
    let mut csv = String::from("what,threads,items,ms,vs_fastest_total\n");
    println!("{ITEMS} items on {THREADS} threads, best of {RUNS}:");
    for (name, took) in &rows {
        let ratio = took.as_secs_f64() / fastest.as_secs_f64();
        println!(
            "{name:<20} {:>9.2} ms  {ratio:>7.1}x",
            took.as_secs_f64() * 1e3
        );
        writeln!(
            csv,
            "{name},{THREADS},{ITEMS},{:.2},{ratio:.1}",
            took.as_secs_f64() * 1e3
        )
        .unwrap();
    }
    println!(
        "false sharing: counters side by side take {:.1}x as long as padded ones",
        packed.as_secs_f64() / padded.as_secs_f64()
    );

    common::write_measurement("ch07-contention.csv", &csv);
}
