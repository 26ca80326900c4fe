//! Exercise `experiment` (G1, G4): what the GIL does to CPU-bound and I/O-bound
//! threads.
//!
//! The common claim about the GIL, tested: under a GIL, CPU-bound threads
//! take turns, so more threads do not finish sooner; I/O-bound threads release
//! the lock while they wait, so they overlap. Without the lock, Rust's threads
//! run CPU-bound work on every logical CPU.
//!
//! [`cpu_bound`] and [`io_bound`] run a workload on some threads, under a
//! [`Gil`] or without one. [`measure`] times both on 1, 2 and 4 threads and
//! returns a [`Report`], whose [`Shape`] says whether a curve is flat or
//! scales.
//!
//! Your task: implement [`cpu_bound`], [`io_bound`], [`Shape::of`] and
//! [`measure`]. The report's other methods are given.

use std::fmt;
use std::thread;
use std::time::{Duration, Instant};

use crate::gil::Gil;

/// Runs `step(i)` for every `i` in `0..steps`, split over `threads` threads,
/// and returns the sum of the results.
///
/// With a `gil`, each thread holds it while it works and ticks after every
/// step, like CPython's evaluation loop; without one, the threads run freely.
/// If a step panics, so does `cpu_bound`: a sum with steps missing is not
/// the sum.
pub fn cpu_bound(
    gil: Option<&Gil>,
    threads: usize,
    steps: u64,
    step: impl Fn(u64) -> u64 + Sync,
) -> u64 {
    // TODO
    todo!("split the steps over the threads, holding the GIL and ticking after each step")
}

/// Runs `tasks` I/O-bound tasks on `threads` threads: each task calls
/// `wait(task)`, a blocking call. With a `gil`, a thread holds it between
/// tasks and releases it around each call, as CPython does around blocking
/// I/O.
pub fn io_bound(gil: Option<&Gil>, threads: usize, tasks: usize, wait: impl Fn(usize) + Sync) {
    // TODO
    todo!("split the tasks over the threads, releasing the GIL around each wait")
}

/// The two kinds of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Workload {
    /// Computing: needs the lock all the time.
    Cpu,
    /// Waiting for I/O: needs the lock only between waits.
    Io,
}

// ANCHOR: shape_type
/// How a time measured on 1, 2, 4 threads behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// More threads are not faster: the best speed-up is below 1.5.
    Flat,
    /// More threads are faster: some thread count is at least 1.5 times as
    /// fast as one thread.
    Scales,
}
// ANCHOR_END: shape_type

impl Shape {
    /// The speed-up at which a curve counts as scaling.
    pub const THRESHOLD: f64 = 1.5;

    /// Classifies speed-ups (time on one thread divided by time on n).
    pub fn of(speedups: &[f64]) -> Shape {
        // TODO
        todo!("classify the speed-ups")
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shape::Flat => "flat",
            Shape::Scales => "scales",
        })
    }
}

/// One measurement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    /// What ran.
    pub workload: Workload,
    /// Whether it ran under a GIL.
    pub gil: bool,
    /// On how many threads.
    pub threads: usize,
    /// How long it took (the best of the runs).
    pub elapsed: Duration,
}

/// The sizes of an experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// The thread counts to try; the first is the baseline.
    pub threads: &'static [usize],
    /// CPU-bound steps in all, split over the threads.
    pub cpu_steps: u64,
    /// I/O-bound tasks in all, split over the threads.
    pub io_tasks: usize,
    /// How long each I/O task waits.
    pub io_wait: Duration,
    /// The GIL's switch interval.
    pub switch_interval: Duration,
    /// How many times each configuration runs; the best time counts.
    pub runs: usize,
}

impl Setup {
    /// A small experiment, for tests: about a second in all, most of it the
    /// I/O-bound waits (eight waits of 10 ms, split over 1, 2 and 4 threads,
    /// with and without the GIL, three runs each); the CPU-bound work takes
    /// less, even in a debug build. (The tests check only the
    /// I/O-bound shapes; the CPU-bound ones depend on the machine's load.)
    pub const QUICK: Setup = Setup {
        threads: &[1, 2, 4],
        cpu_steps: 4_000,
        io_tasks: 8,
        io_wait: Duration::from_millis(10),
        switch_interval: Duration::from_millis(1),
        runs: 3,
    };

    /// The experiment the book reports: about 85 ms of CPU-bound work per
    /// run on one thread, 400 ms of I/O.
    pub const FULL: Setup = Setup {
        threads: &[1, 2, 4],
        cpu_steps: 400_000,
        io_tasks: 40,
        io_wait: Duration::from_millis(10),
        switch_interval: Gil::DEFAULT_INTERVAL,
        runs: 3,
    };
}

// ANCHOR: busy_step
/// A step of CPU-bound work that takes a fraction of a microsecond in an
/// optimised build (many times that in a debug build) and cannot be
/// optimised away; it returns a number below 256, so sums of many steps do
/// not overflow. (Given.)
pub fn busy_step(i: u64) -> u64 {
    let mixed = (0..250u64).fold(i, |x, k| {
        std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(k))
    });
    mixed >> 56
}
// ANCHOR_END: busy_step

/// The results of an experiment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Every measurement, in the order they were made.
    pub rows: Vec<Row>,
}

/// Runs the experiment: each workload, with and without a GIL, on each thread
/// count of the setup.
pub fn measure(setup: &Setup) -> Report {
    // TODO
    todo!("time each workload, with and without a GIL, on each thread count")
}

impl Report {
    /// The rows of one curve, by thread count.
    pub fn curve(&self, workload: Workload, gil: bool) -> impl Iterator<Item = &Row> {
        self.rows
            .iter()
            .filter(move |r| r.workload == workload && r.gil == gil)
    }

    /// The speed-ups of one curve over its first row: `(threads, speed-up)`.
    pub fn speedups(&self, workload: Workload, gil: bool) -> Vec<(usize, f64)> {
        let mut curve = self.curve(workload, gil);
        let Some(base) = curve.next() else {
            return Vec::new();
        };
        std::iter::once(base)
            .chain(curve)
            .map(|r| {
                (
                    r.threads,
                    base.elapsed.as_secs_f64() / r.elapsed.as_secs_f64(),
                )
            })
            .collect()
    }

    /// The shape of one curve.
    pub fn shape(&self, workload: Workload, gil: bool) -> Shape {
        let speedups: Vec<f64> = self
            .speedups(workload, gil)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        Shape::of(&speedups)
    }

    /// The report as CSV, one line per row, for the book's plots.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("workload,gil,threads,ms,speedup\n");
        for workload in [Workload::Cpu, Workload::Io] {
            for gil in [true, false] {
                let speedups = self.speedups(workload, gil);
                for (row, (_, speedup)) in self.curve(workload, gil).zip(speedups) {
                    csv += &format!(
                        "{},{},{},{:.2},{:.2}\n",
                        workload.name(),
                        if gil { "with" } else { "without" },
                        row.threads,
                        row.elapsed.as_secs_f64() * 1e3,
                        speedup
                    );
                }
            }
        }
        csv
    }
}

impl Workload {
    /// The name the report uses.
    pub fn name(self) -> &'static str {
        match self {
            Workload::Cpu => "cpu",
            Workload::Io => "io",
        }
    }
}

/// A table of speed-ups and shapes: one line per curve.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for workload in [Workload::Cpu, Workload::Io] {
            for gil in [true, false] {
                let speedups = self.speedups(workload, gil);
                if speedups.is_empty() {
                    continue;
                }
                let label = format!(
                    "{} {} the GIL",
                    workload.name(),
                    if gil { "with" } else { "without" }
                );
                write!(f, "{label:<20}")?;
                for (threads, speedup) in &speedups {
                    write!(f, "  {threads}: {speedup:>4.1}x")?;
                }
                writeln!(f, "  {}", self.shape(workload, gil))?;
            }
        }
        Ok(())
    }
}
