//! The GIL experiment and the convoy (G1, G4, G5).
//!
//! Run with `cargo xtask bench ch09-gil` (or `cargo bench -p
//! ch09-gil-solution --bench experiment`, which prints the table and the
//! CSV). It measures CPU-bound and I/O-bound work on 1, 2 and 4 threads,
//! with our GIL (5 ms switch interval, CPython's default) and without it,
//! and the latency of an I/O thread beside a CPU-bound one for switch
//! intervals of 1, 5 and 20 ms. It writes `ch09-experiment.csv`;
//! `python/ch09_gil.py` runs the same experiment on CPython's real GIL.

use std::time::Duration;

use ch09_gil::convoy::measure_convoy;
use ch09_gil::experiment::{Setup, Workload, measure};
use grading::Measurements;

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let setup = Setup {
        runs: Measurements::runs(Setup::FULL.runs),
        ..Setup::FULL
    };
    eprintln!(
        "experiment: {} CPU steps and {} waits of {:?}, on {:?} threads, best of {} ({cores} cores)",
        setup.cpu_steps, setup.io_tasks, setup.io_wait, setup.threads, setup.runs
    );
    let report = measure(&setup);
    eprint!("{report}");

    let mut m = Measurements::new("ch09-experiment");
    for row in &report.rows {
        let group = match row.workload {
            Workload::Cpu => "cpu",
            Workload::Io => "io",
        };
        let case = if row.gil { "rust_gil" } else { "rust_no_gil" };
        m.record(
            group,
            case,
            row.threads as u64,
            row.elapsed.as_secs_f64() * 1e3,
        );
    }

    // ANCHOR: convoy
    for ms in [1, 5, 20] {
        let convoy = measure_convoy(Duration::from_millis(ms), 20, Duration::from_millis(10));
        let max = convoy.latencies.iter().max().copied().unwrap_or_default();
        m.record(
            "convoy",
            "median_wait",
            ms,
            convoy.median().as_secs_f64() * 1e3,
        );
        m.record("convoy", "longest_wait", ms, max.as_secs_f64() * 1e3);
    }
    // ANCHOR_END: convoy
    m.write();
}
