//! What processes cost (X7), and what they buy (X4).
//!
//! Run with `cargo xtask bench ch08-processes` (or `cargo bench -p
//! ch08-processes-solution --bench costs`, which prints the CSV). It writes
//! `ch08-costs.csv`; `python/ch08_processes.py` runs the same map on
//! CPython's `multiprocessing.Pool`.
//!
//! - `start`: starting and waiting for a process, against a thread (per
//!   start, over batches of 50).
//! - `call`: one `square` through the pool (a round trip over pipes),
//!   against a function call (per call, over batches).
//! - `map_1m`: squaring a million numbers on two worker processes, CPython's
//!   default chunk size.
//! - `dir_size`: the size of a tree of 20 000 files: sequential, two threads,
//!   two worker processes.
//! - `collatz`: CPU-bound work (Collatz steps of 1..=2 000 000), sequential
//!   and on two worker processes.
//! - `spin`: a control: the same pure CPU loop in one child process, and in
//!   two at once. Their ratio is how much of a second core two processes
//!   really get on this machine, pool or no pool.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::{fs, thread};

use ch08_processes::dir_size::{file_len, total_size, total_size_processes, total_size_threads};
use ch08_processes::process_pool::ProcessPool;
use ch08_processes::tasks::{collatz_steps, square};
use grading::Measurements;

fn worker() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_lockstep-worker"))
}

fn child() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lockstep-child"))
}

/// A tree of 20 000 small files, removed again when dropped.
struct Tree(PathBuf);

impl Tree {
    fn new() -> Tree {
        let root = std::env::temp_dir().join(format!("lockstep-bench-tree-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for i in 0..20_000u32 {
            let dir = root
                .join(format!("d{}", i % 20))
                .join(format!("e{}", i % 10));
            fs::create_dir_all(&dir).unwrap();
            fs::write(dir.join(format!("f{i}")), [b'x'].repeat((i % 97) as usize)).unwrap();
        }
        Tree(root)
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const COLLATZ: u64 = 2_000_000;

fn spin(children: usize) {
    let running: Vec<_> = (0..children)
        .map(|_| {
            child()
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

fn main() {
    let mut m = Measurements::new("ch08-costs");

    m.per_call("start", "process", 50, 5, || {
        child()
            .args(["fail", "0", ""])
            .stderr(Stdio::null())
            .status()
            .expect("the child runs")
            .success()
    });
    m.per_call("start", "thread", 50, 5, || {
        thread::spawn(|| black_box(1u64)).join().unwrap()
    });

    m.per_call("call", "function", 100_000, 5, || {
        black_box(square as fn(u64) -> u64)(black_box(3))
    });
    let one = ProcessPool::new(worker(), 1).unwrap();
    m.per_call("call", "through_the_pool", 1_000, 5, || {
        one.map::<u64, u64>("square", &[3], Some(1))
    });
    drop(one);

    let two = ProcessPool::new(worker(), 2).unwrap();
    let numbers: Vec<u64> = (0..1_000_000).collect();
    m.best_of("map_1m", "rust_processes", 2, 10, || {
        two.map::<u64, u64>("square", &numbers, None)
    });

    // ANCHOR: dir_size
    let tree = Tree::new();
    m.best_of("dir_size", "sequential", 1, 20, || {
        total_size(&tree.0).unwrap()
    });
    m.best_of("dir_size", "threads", 2, 20, || {
        total_size_threads(&tree.0, 2, file_len).unwrap()
    });
    m.best_of("dir_size", "processes", 2, 20, || {
        total_size_processes(&tree.0, &two).unwrap()
    });
    // ANCHOR_END: dir_size
    drop(tree);

    let numbers: Vec<u64> = (1..=COLLATZ).collect();
    m.best_of("collatz", "sequential", 1, 10, || {
        numbers.iter().copied().map(collatz_steps).sum::<u64>()
    });
    m.best_of("collatz", "processes", 2, 10, || {
        two.map::<u64, u64>("collatz_steps", &numbers, None)
            .into_iter()
            .map(Result::unwrap)
            .sum::<u64>()
    });

    m.best_of("spin", "one_child", 1, 5, || spin(1));
    m.best_of("spin", "two_children", 2, 5, || spin(2));
    m.write();
}
