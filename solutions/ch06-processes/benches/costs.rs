//! What processes cost (X7), and what they buy (X4).
//!
//! Run with `cargo bench -p ch06-processes-solution --bench costs`. The book
//! quotes ratios from one run; `python3 python/ch06_processes.py` runs the
//! same map on CPython's `multiprocessing.Pool`.
//!
//! - `start_*`: starting and waiting for a process, against a thread.
//! - `call_*`: one `square` through the pool (a round trip over pipes),
//!   against a function call.
//! - `map_1m`: squaring a million numbers on two worker processes, CPython's
//!   default chunk size.
//! - `dir_size_*`: the size of a tree of 20 000 files: sequential, two
//!   threads, two worker processes.
//! - `collatz_*`: CPU-bound work (Collatz steps of 1..=2 000 000),
//!   sequential and on two worker processes.
//! - `spin_*`: a control: the same pure CPU loop in one child process, and
//!   in two at once. Their ratio is how much of a second core two processes
//!   really get on this machine, pool or no pool.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::{fs, thread};

use ch06_processes::dir_size::{file_len, total_size, total_size_processes, total_size_threads};
use ch06_processes::process_pool::ProcessPool;
use ch06_processes::tasks::{collatz_steps, square};

fn main() {
    divan::main();
}

fn worker() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_lockstep-worker"))
}

#[divan::bench(sample_count = 30)]
fn start_process() -> bool {
    Command::new(env!("CARGO_BIN_EXE_lockstep-child"))
        .args(["fail", "0", ""])
        .stderr(Stdio::null())
        .status()
        .expect("the child runs")
        .success()
}

#[divan::bench(sample_count = 30)]
fn start_thread() -> u64 {
    thread::spawn(|| black_box(1u64)).join().unwrap()
}

#[divan::bench]
fn call_function() -> u64 {
    black_box(square as fn(u64) -> u64)(black_box(3))
}

#[divan::bench(sample_count = 30)]
fn call_through_the_pool(bencher: divan::Bencher) {
    let pool = ProcessPool::new(worker(), 1).unwrap();
    bencher.bench_local(|| pool.map::<u64, u64>("square", &[3], Some(1)));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn map_1m(bencher: divan::Bencher) {
    let pool = ProcessPool::new(worker(), 2).unwrap();
    let numbers: Vec<u64> = (0..1_000_000).collect();
    bencher.bench_local(|| pool.map::<u64, u64>("square", &numbers, None));
}

/// A tree of 20 000 small files, made once per run.
fn tree() -> &'static PathBuf {
    static TREE: OnceLock<PathBuf> = OnceLock::new();
    TREE.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("lockstep-bench-tree-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for i in 0..20_000u32 {
            let dir = root
                .join(format!("d{}", i % 20))
                .join(format!("e{}", i % 10));
            fs::create_dir_all(&dir).unwrap();
            fs::write(dir.join(format!("f{i}")), [b'x'].repeat((i % 97) as usize)).unwrap();
        }
        root
    })
}

#[divan::bench(sample_count = 20)]
fn dir_size_sequential() -> u64 {
    total_size(tree()).unwrap()
}

#[divan::bench(sample_count = 20)]
fn dir_size_two_threads() -> u64 {
    total_size_threads(tree(), 2, file_len).unwrap()
}

#[divan::bench(sample_count = 20)]
fn dir_size_two_processes(bencher: divan::Bencher) {
    let pool = ProcessPool::new(worker(), 2).unwrap();
    bencher.bench_local(|| total_size_processes(tree(), &pool).unwrap());
}

const COLLATZ: u64 = 2_000_000;

#[divan::bench(sample_count = 20)]
fn collatz_sequential() -> u64 {
    (1..=COLLATZ).map(collatz_steps).sum()
}

#[divan::bench(sample_count = 20)]
fn collatz_two_processes(bencher: divan::Bencher) {
    let pool = ProcessPool::new(worker(), 2).unwrap();
    let numbers: Vec<u64> = (1..=COLLATZ).collect();
    bencher.bench_local(|| {
        pool.map::<u64, u64>("collatz_steps", &numbers, None)
            .into_iter()
            .map(Result::unwrap)
            .sum::<u64>()
    });
}

fn spin(children: usize) {
    let running: Vec<_> = (0..children)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_lockstep-child"))
                .args(["spin", "300000000"])
                .stdout(Stdio::null())
                .spawn()
                .expect("the child runs")
        })
        .collect();
    for mut child in running {
        assert!(child.wait().unwrap().success());
    }
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn spin_one_process() {
    spin(1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn spin_two_processes_at_once() {
    spin(2);
}
