//! Exercise `shared_config` (S1, S3): one configuration for every worker:
//! `Arc`, a borrow, never a copy.
//!
//! A Python worker pool shares its configuration for free: every thread holds
//! a reference to the same object, and the interpreter's reference count keeps
//! it alive. Rust gives a value one owner, so there are two ways to let many
//! threads read one [`Config`]:
//!
//! - [`check_all`] starts its workers with `thread::spawn`, whose closures must
//!   be `'static`: they cannot borrow the caller's data, so each worker owns an
//!   `Arc<Config>` clone. Cloning an `Arc` adds one to an atomic count
//!   (Python's `sys.getrefcount`, `Arc::strong_count` here); the configuration
//!   itself is never copied, and when the last clone is dropped, it is freed.
//! - [`check_all_scoped`] starts them with `thread::scope`, which joins every
//!   worker before it returns, so the workers may simply borrow `&Config`.
//!
//! Both split the jobs into `workers` runs of consecutive jobs (the given
//! [`split_evenly`]), check each job with `check(&config, job)`, and return
//! the answers in the order of the jobs.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

// ANCHOR: config
/// A configuration that every worker reads and nobody changes. (Given.)
///
/// Its `Clone` is a deep copy of every field, as Python's `copy.deepcopy`
/// would make; it counts the copies in a counter that the original and all
/// its copies share, so [`copies`](Config::copies) tells how many were made.
#[derive(Debug)]
pub struct Config {
    name: String,
    limits: Vec<u64>,
    aliases: HashMap<String, u64>,
    copies: Arc<AtomicUsize>,
}

impl Config {
    /// A configuration named `name` with these limits and aliases.
    pub fn new(name: &str, limits: Vec<u64>, aliases: HashMap<String, u64>) -> Self {
        Config {
            name: name.to_owned(),
            limits,
            aliases,
            copies: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// A configuration big enough that copying it shows: `size` limits
    /// (`0, 1, 2, ...`) and `size` aliases (`"alias-0"` to `0`, ...).
    pub fn sample(name: &str, size: usize) -> Self {
        let limits = (0..size as u64).collect();
        let aliases = (0..size as u64)
            .map(|i| (format!("alias-{i}"), i))
            .collect();
        Config::new(name, limits, aliases)
    }

    /// The configuration's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The limits.
    pub fn limits(&self) -> &[u64] {
        &self.limits
    }

    /// The value of an alias, if there is one.
    pub fn alias(&self, alias: &str) -> Option<u64> {
        self.aliases.get(alias).copied()
    }

    /// How many deep copies were made of this configuration, of its copies,
    /// or of the configuration it was copied from.
    pub fn copies(&self) -> usize {
        self.copies.load(Ordering::SeqCst)
    }
}

impl Clone for Config {
    fn clone(&self) -> Self {
        self.copies.fetch_add(1, Ordering::SeqCst);
        Config {
            name: self.name.clone(),
            limits: self.limits.clone(),
            aliases: self.aliases.clone(),
            copies: Arc::clone(&self.copies),
        }
    }
}

/// Splits `0..len` into `workers` runs of consecutive indices whose lengths
/// differ by at most one, longest first; runs that would be empty (more
/// workers than jobs) are left out. (Given.)
///
/// # Panics
///
/// When `workers` is zero.
pub fn split_evenly(len: usize, workers: usize) -> Vec<Range<usize>> {
    assert!(workers > 0, "at least one worker is needed");
    let (base, extra) = (len / workers, len % workers);
    let mut start = 0;
    let mut runs = Vec::new();
    for worker in 0..workers.min(len) {
        let end = start + base + usize::from(worker < extra);
        runs.push(start..end);
        start = end;
    }
    runs
}
// ANCHOR_END: config

// ANCHOR: check_all
/// Checks every job with `check(&config, job)` on `workers` threads started
/// with `thread::spawn`, one per run of [`split_evenly`], and returns the
/// answers in the order of `jobs`.
///
/// Each worker owns a clone of the `Arc`, so all of them read the one
/// configuration the caller passed: no copy is made, and when this returns
/// every worker's clone has been dropped, so the caller's own handles are the
/// only ones left (`Arc::strong_count` as before the call, less the handle
/// passed in).
///
/// # Panics
///
/// When `workers` is zero, or when `check` panics.
pub fn check_all<F>(config: Arc<Config>, jobs: Vec<u64>, workers: usize, check: F) -> Vec<bool>
where
    F: Fn(&Config, u64) -> bool + Send + Sync + 'static,
{
    let check = Arc::new(check);
    let handles: Vec<_> = split_evenly(jobs.len(), workers)
        .into_iter()
        .map(|run| {
            let config = Arc::clone(&config);
            let check = Arc::clone(&check);
            let run = jobs[run].to_vec();
            thread::spawn(move || {
                run.into_iter()
                    .map(|job| check(&config, job))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    // Every worker runs before the first join: join them in the order of
    // their runs, so the answers come back in the order of the jobs.
    handles
        .into_iter()
        .flat_map(|handle| handle.join().expect("a worker panicked"))
        .collect()
}
// ANCHOR_END: check_all

// ANCHOR: check_all_scoped
/// Checks every job with `check(config, job)` on `workers` scoped threads,
/// one per run of [`split_evenly`], and returns the answers in the order of
/// `jobs`.
///
/// The scope joins every worker before it returns, so the workers borrow
/// `config`, `jobs` and `check`: no `Arc`, no copy.
///
/// # Panics
///
/// When `workers` is zero, or when `check` panics.
pub fn check_all_scoped<F>(config: &Config, jobs: &[u64], workers: usize, check: F) -> Vec<bool>
where
    F: Fn(&Config, u64) -> bool + Sync,
{
    let check = &check;
    thread::scope(|scope| {
        let handles: Vec<_> = split_evenly(jobs.len(), workers)
            .into_iter()
            .map(|run| {
                let run = &jobs[run];
                scope.spawn(move || {
                    run.iter()
                        .map(|&job| check(config, job))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().expect("a worker panicked"))
            .collect()
    })
}
// ANCHOR_END: check_all_scoped
