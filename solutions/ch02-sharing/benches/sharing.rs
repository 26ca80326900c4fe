//! What sharing costs (S7), and check-then-act in Rust (S8).
//!
//! Run with `cargo xtask bench ch02-sharing` (or `cargo bench -p
//! ch02-sharing-solution --bench sharing`, which prints the CSV). It writes
//! `ch02-sharing.csv`.
//!
//! - `share` (param: entries): handing a worker a configuration of 10,
//!   1 000 or 100 000 entries (a `Vec<u64>` and a `HashMap<String, u64>` of
//!   that many), one call's time: `arc_clone` clones an `Arc<Config>` (and
//!   drops the clone), `deep_copy` clones the `Config` itself (and drops the
//!   copy). `share_batch` holds the best batch each was timed in (param:
//!   entries again; the batch sizes are in `BATCHES`).
//! - `hot_loop` (param: threads): 1, 2, 4 and 8 threads each run `HOT`
//!   iterations that read one limit of the configuration; the whole run's
//!   time. `shared_arc`: every iteration clones the one shared `Arc` and
//!   drops the clone, so every thread changes the same count and its cache
//!   line travels between the CPUs; `own_arc`: the same clone and drop of
//!   an `Arc` each thread has for itself (the same work, no count shared);
//!   `borrow`: each thread takes one clone before the loop and reads through
//!   it (no count changed in the loop).
//! - `double_bookings` (a count, not a time, in the `ms` column; param: the
//!   run): in each of `ROUNDS` rounds, `BOOKERS` threads try at once to book
//!   that round's seat in a `Mutex<HashMap>`; how many seats were given
//!   twice.
//!   `rust_two_locks` checks under one lock and books under a second (the
//!   Python habit `if seat not in taken: taken[seat] = who` split over two
//!   `with lock:` blocks); `rust_one_guard` checks and books under one guard.
//!   `python/ch02_sharing.py` runs the Python programs this answers
//!   (myth S8).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

use grading::Measurements;

const RUNS: usize = 10;
/// Configuration sizes, and how many calls to time in one batch of each.
const BATCHES: [(u64, u32); 3] = [(10, 20_000), (1_000, 200), (100_000, 2)];
/// Arc clones per batch: each is a few nanoseconds.
const ARC_BATCH: u32 = 1_000_000;
/// Iterations per thread in `hot_loop`.
const HOT: usize = 1_000_000;
/// Rounds of `double_bookings`: one seat each.
const ROUNDS: u32 = 10_000;
/// Threads racing for each seat: as many as the CPUs of the machine the
/// book was measured on, so that none waits for a CPU to spin.
const BOOKERS: usize = 2;

/// A worker's configuration: what `shared_config` calls `Config`, without
/// its copy counter.
#[derive(Clone)]
struct Config {
    name: String,
    limits: Vec<u64>,
    names: HashMap<String, u64>,
}

impl Config {
    fn of(entries: u64) -> Config {
        Config {
            name: format!("config of {entries}"),
            limits: (0..entries).collect(),
            names: (0..entries).map(|i| (format!("key-{i}"), i)).collect(),
        }
    }

    fn size(&self) -> usize {
        self.name.len() + self.limits.len() + self.names.len()
    }
}

/// A configuration aligned to 128 bytes: an `Arc<Alone>`'s allocation takes
/// that alignment, so the counts of two of them never share a cache line (or
/// the pair of lines that Intel CPUs fetch together).
#[repr(align(128))]
struct Alone(Config);

/// `threads` threads start together; thread `t` takes `setup(t)`, then runs
/// `iteration` on it `HOT` times.
fn in_threads<S>(
    threads: usize,
    setup: impl Fn(usize) -> S + Sync,
    iteration: impl Fn(&S, usize) -> u64 + Sync,
) -> u64 {
    let start = Barrier::new(threads);
    let total = AtomicU64::new(0);
    thread::scope(|scope| {
        for t in 0..threads {
            let (setup, iteration, start, total) = (&setup, &iteration, &start, &total);
            scope.spawn(move || {
                let mine = setup(t);
                start.wait();
                let sum: u64 = (0..HOT).map(|i| iteration(&mine, i)).sum();
                total.fetch_add(sum, Ordering::Relaxed);
            });
        }
    });
    total.into_inner()
}

/// `BOOKERS` threads race for one seat per round, `ROUNDS` rounds; returns
/// how many seats were given to more than one of them. `one_guard` decides
/// whether the check and the booking share a guard. Each round starts when
/// both have arrived at a spinning barrier, so that they reach the map
/// within a fraction of a microsecond of each other (a sleeping barrier wakes
/// its waiters one by one, microseconds apart, and the first would book
/// before the second woke).
fn double_bookings(one_guard: bool) -> u64 {
    let taken: Mutex<HashMap<u32, usize>> = Mutex::new(HashMap::new());
    let arrived = AtomicU64::new(0);
    let told_yes = AtomicU64::new(0);
    thread::scope(|scope| {
        for who in 0..BOOKERS {
            let (taken, arrived, told_yes) = (&taken, &arrived, &told_yes);
            scope.spawn(move || {
                let mut yes = 0;
                for seat in 0..ROUNDS {
                    // Wait until all have arrived for this round.
                    arrived.fetch_add(1, Ordering::AcqRel);
                    let everyone = u64::from(seat + 1) * BOOKERS as u64;
                    while arrived.load(Ordering::Acquire) < everyone {
                        std::hint::spin_loop();
                    }
                    if one_guard {
                        let mut taken = taken.lock().unwrap();
                        if let Entry::Vacant(free) = taken.entry(seat) {
                            free.insert(who);
                            yes += 1;
                        }
                    } else {
                        let free = !taken.lock().unwrap().contains_key(&seat);
                        if free {
                            taken.lock().unwrap().insert(seat, who);
                            yes += 1;
                        }
                    }
                }
                told_yes.fetch_add(yes, Ordering::Relaxed);
            });
        }
    });
    told_yes.into_inner() - taken.into_inner().unwrap().len() as u64
}

fn main() {
    let mut m = Measurements::new("ch02-sharing");

    for (entries, batch) in BATCHES {
        let config = Arc::new(Config::of(entries));
        let took = m.best_of("share_batch", "arc_clone", entries, RUNS, || {
            for _ in 0..ARC_BATCH {
                black_box(Arc::clone(black_box(&config)));
            }
        });
        let one = took.as_secs_f64() * 1e3 / f64::from(ARC_BATCH);
        m.record("share", "arc_clone", entries, one);
        let took = m.best_of("share_batch", "deep_copy", entries, RUNS, || {
            for _ in 0..batch {
                black_box(black_box(&*config).clone());
            }
        });
        let one = took.as_secs_f64() * 1e3 / f64::from(batch);
        m.record("share", "deep_copy", entries, one);
        assert!(config.size() > 0);
    }

    let config = Arc::new(Config::of(1_000));
    let owns: Vec<Arc<Alone>> = (0..8).map(|_| Arc::new(Alone(Config::of(1_000)))).collect();
    let read = |config: &Config, i: usize| config.limits[i % 1_000];
    for threads in [1, 2, 4, 8] {
        let param = threads as u64;
        m.best_of("hot_loop", "shared_arc", param, RUNS, || {
            in_threads(
                threads,
                |_| &config,
                |shared, i| read(&Arc::clone(black_box(shared)), i),
            )
        });
        m.best_of("hot_loop", "own_arc", param, RUNS, || {
            in_threads(
                threads,
                |t| &owns[t],
                |own, i| read(&Arc::clone(black_box(own)).0, i),
            )
        });
        m.best_of("hot_loop", "borrow", param, RUNS, || {
            in_threads(
                threads,
                |_| Arc::clone(&config),
                |mine, i| read(black_box(mine), i),
            )
        });
    }

    for run in 1..=Measurements::runs(5) as u64 {
        m.record(
            "double_bookings",
            "rust_two_locks",
            run,
            double_bookings(false) as f64,
        );
        m.record(
            "double_bookings",
            "rust_one_guard",
            run,
            double_bookings(true) as f64,
        );
    }
    m.write();
}
