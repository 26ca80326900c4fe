//! The GIL experiment and the convoy (G1, G4, G5).
//!
//! Run with `cargo bench -p ch07-gil-solution --bench experiment`. It prints
//! the speed-ups of CPU-bound and I/O-bound work on 1, 2 and 4 threads, with
//! our GIL (5 ms switch interval, CPython's default) and without it, and the
//! latency of an I/O thread beside a CPU-bound one for switch intervals of
//! 1, 5 and 20 ms. With `LOCKSTEP_MEASUREMENTS=<dir>` it also writes
//! `ch07-gil-experiment.csv` and `ch07-convoy.csv` there, relative to the
//! workspace root (`LOCKSTEP_MEASUREMENTS=book/src/measurements` refreshes
//! the book's copies). `python3 python/ch07_gil.py` runs the
//! same experiment on CPython's real GIL.

mod common;

use std::fmt::Write as _;
use std::time::Duration;

use ch07_gil::convoy::measure_convoy;
use ch07_gil::experiment::{Setup, Workload, measure};

fn main() {
    // `cargo bench` passes `--bench`; a filter argument skips nothing here.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let setup = Setup::FULL;
    eprintln!(
        "experiment: {} CPU steps and {} waits of {:?}, on {:?} threads, best of {} ({cores} cores)",
        setup.cpu_steps, setup.io_tasks, setup.io_wait, setup.threads, setup.runs
    );
    let report = measure(&setup);
    print!("{report}");
    for (workload, gil, goal) in [
        (Workload::Cpu, true, "<= 1.1x at 2 and 4 threads"),
        (Workload::Cpu, false, ">= 0.9 x cores"),
        (Workload::Io, true, ">= 0.9 x threads"),
    ] {
        let speedups = report.speedups(workload, gil);
        let at: Vec<String> = speedups
            .iter()
            .map(|(t, s)| format!("{t}: {s:.2}x"))
            .collect();
        println!(
            "goal {} {} the GIL {goal}: {}",
            workload.name(),
            if gil { "with" } else { "without" },
            at.join(", ")
        );
    }

    let mut convoy_csv = String::from("switch_interval_ms,wakeups,median_ms,max_ms,cpu_steps\n");
    for ms in [1, 5, 20] {
        let convoy = measure_convoy(Duration::from_millis(ms), 20, Duration::from_millis(10));
        let max = convoy.latencies.iter().max().copied().unwrap_or_default();
        println!(
            "convoy, {ms:>2} ms interval: median wait for the GIL after I/O {:>6.2} ms, max {:>6.2} ms ({} wake-ups)",
            convoy.median().as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3,
            convoy.latencies.len()
        );
        writeln!(
            convoy_csv,
            "{ms},{},{:.3},{:.3},{}",
            convoy.latencies.len(),
            convoy.median().as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3,
            convoy.cpu_steps
        )
        .unwrap();
    }

    common::write_measurement("ch07-gil-experiment.csv", &report.to_csv());
    common::write_measurement("ch07-convoy.csv", &convoy_csv);
}
