//! The course's measurement harness: what every benchmark program shares.
//!
//! A benchmark in Lockstep is a plain program (`harness = false`) that times
//! a few variants of one piece of work and writes what it measured as one
//! CSV file with the columns `group,case,param,ms`:
//!
//! - `group`: which experiment (`"sum"`, `"cpu"`, `"convoy"`),
//! - `case`: which variant (`"lock_per_item"`, `"with_gil"`),
//! - `param`: a whole number the variant was run with (threads, workers,
//!   a switch interval in ms), 0 when there is none,
//! - `ms`: the best of several runs, in milliseconds, with every digit Rust
//!   prints for the number (a nanosecond is 0.000001).
//!
//! `cargo xtask bench` runs them with `LOCKSTEP_MEASUREMENTS` set, then turns
//! the CSV files into the book's tables and plots. The course's Python
//! scripts (`python/`) write the same columns, so one table can hold both.
//!
//! The best of several runs, not the mean: on a shared machine the noise only
//! ever adds time, so the shortest run is the closest to what the code costs.
//! The book reports ratios from one run, which survive a change of machine
//! far better than absolute times.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// One benchmark program's measurements, written as CSV by [`Measurements::write`].
#[derive(Debug)]
pub struct Measurements {
    file: String,
    rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
struct Row {
    group: String,
    case: String,
    param: u64,
    ms: f64,
}

impl Measurements {
    /// Measurements that [`write`](Self::write) saves as `<file>.csv`.
    pub fn new(file: &str) -> Self {
        Measurements {
            file: file.to_owned(),
            rows: Vec::new(),
        }
    }

    /// How many runs to take the best of: `runs`, or `LOCKSTEP_BENCH_RUNS`
    /// when it is set (CI sets it to 1 to check that the programs run).
    pub fn runs(runs: usize) -> usize {
        std::env::var("LOCKSTEP_BENCH_RUNS")
            .ok()
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or(runs)
    }

    /// Times `work` [`runs`](Self::runs)`(runs)` times, records the shortest
    /// and returns it. Whatever `work` returns goes through `black_box`, so
    /// the compiler cannot drop the work.
    pub fn best_of<T>(
        &mut self,
        group: &str,
        case: &str,
        param: u64,
        runs: usize,
        mut work: impl FnMut() -> T,
    ) -> Duration {
        let best = (0..Self::runs(runs))
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(work());
                started.elapsed()
            })
            .min()
            .unwrap_or_default();
        self.record(group, case, param, best.as_secs_f64() * 1e3);
        best
    }

    /// Times one call of something too quick to time alone: the best of
    /// `runs` batches of `batch` calls, recorded as group `<group>_batch`
    /// (param: the batch size), and that divided by `batch` as `group`
    /// (param 0). Returns the time of one call, in ms.
    pub fn per_call<T>(
        &mut self,
        group: &str,
        case: &str,
        batch: u32,
        runs: usize,
        call: impl Fn() -> T,
    ) -> f64 {
        let took = self.best_of(
            &format!("{group}_batch"),
            case,
            u64::from(batch),
            runs,
            || {
                for _ in 0..batch {
                    std::hint::black_box(call());
                }
            },
        );
        let one = took.as_secs_f64() * 1e3 / f64::from(batch);
        self.record(group, case, 0, one);
        one
    }

    /// Records a value measured some other way (a latency, a median), in ms.
    pub fn record(&mut self, group: &str, case: &str, param: u64, ms: f64) {
        eprintln!(
            "{:<22} {group:<12} {case:<28} {param:>4} {ms:>12.4} ms",
            self.file
        );
        self.rows.push(Row {
            group: group.to_owned(),
            case: case.to_owned(),
            param,
            ms,
        });
    }

    /// The CSV text: a header line, then one line per measurement.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("group,case,param,ms\n");
        for row in &self.rows {
            writeln!(csv, "{},{},{},{}", row.group, row.case, row.param, row.ms)
                .expect("writing to a String cannot fail");
        }
        csv
    }

    /// Writes `<file>.csv` into the folder `LOCKSTEP_MEASUREMENTS` names
    /// (relative to the workspace root, wherever cargo runs the program), or
    /// prints the CSV when it is not set.
    pub fn write(self) {
        let csv = self.to_csv();
        let Some(dir) = std::env::var_os("LOCKSTEP_MEASUREMENTS").filter(|dir| !dir.is_empty())
        else {
            print!("{csv}");
            return;
        };
        let name = PathBuf::from(dir).join(format!("{}.csv", self.file));
        let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let path = root.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the measurements folder");
        }
        std::fs::write(&path, csv).expect("write the measurements");
        eprintln!("wrote {}", name.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_the_shortest_run_as_csv() {
        let mut m = Measurements::new("test");
        let mut calls = 0;
        let best = m.best_of("g", "c", 2, 3, || {
            calls += 1;
            std::thread::sleep(Duration::from_millis(if calls == 2 { 1 } else { 20 }));
        });
        assert!(best < Duration::from_millis(20), "{best:?}");
        m.record("g", "other", 0, 1.5);
        let csv = m.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "group,case,param,ms");
        assert!(lines[1].starts_with("g,c,2,"), "{csv}");
        assert_eq!(lines[2], "g,other,0,1.5");
    }
}
