//! What a pool costs per job, how it scales, and how much chunking saves
//! (P1, P2, P5, P6).
//!
//! Run with `cargo xtask bench ch07-pools` (or `cargo bench -p
//! ch07-pools-solution --bench pools`, which prints the CSV). It writes
//! `ch07-pools.csv`; `python/ch07_pools.py` runs the same map on CPython's
//! `multiprocessing.pool.ThreadPool`.
//!
//! - `execute_1m`: a million tiny jobs, one `execute` each, on this
//!   chapter's pool, on the `threadpool` crate, and as `rayon` scope tasks;
//!   each with two workers (the machine's cores), shutdown included.
//! - `map_1m`: square a million numbers: one job per number, in chunks sized
//!   like CPython's default on 1, 2, 4 and 8 workers, and in chunks without
//!   returning the results (the myth that returning them changes much).
//! - `waits`: 100 waits of 10 ms on 1, 2, 5, 10 and 20 workers: how a pool
//!   overlaps waiting (P2).
//!
//! Ten thousand waits at once (a thread each, a pool of 100, async tasks)
//! are chapter 11's measurement: `solutions/ch11-async/benches/async.rs`.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use ch07_pools::chunking::{map_chunked, map_per_item, run_chunked};
use ch07_pools::thread_pool::ThreadPool;
use grading::Measurements;

const JOBS: u64 = 1_000_000;
const WORKERS: usize = 2;

fn square(x: u64) -> u64 {
    black_box(x) * x
}

// ANCHOR: default_chunk
/// CPython's default chunk for `Pool.map`: len / (4 × workers), rounded up.
fn default_chunk(len: usize, workers: usize) -> usize {
    len.div_ceil(4 * workers)
}
// ANCHOR_END: default_chunk

fn main() {
    let mut m = Measurements::new("ch07-pools");
    let workers = WORKERS as u64;

    // ANCHOR: execute_1m
    m.best_of("execute_1m", "our_pool", workers, 10, || {
        let counter = Arc::new(AtomicU64::new(0));
        let pool = ThreadPool::new(WORKERS);
        for _ in 0..JOBS {
            let counter = Arc::clone(&counter);
            pool.execute(move || {
                counter.fetch_add(1, Ordering::Relaxed);
            });
        }
        drop(pool);
        counter.load(Ordering::Relaxed)
    });
    m.best_of("execute_1m", "threadpool_crate", workers, 10, || {
        let counter = Arc::new(AtomicU64::new(0));
        let pool = threadpool::ThreadPool::new(WORKERS);
        for _ in 0..JOBS {
            let counter = Arc::clone(&counter);
            pool.execute(move || {
                counter.fetch_add(1, Ordering::Relaxed);
            });
        }
        pool.join();
        counter.load(Ordering::Relaxed)
    });
    m.best_of("execute_1m", "rayon_scope", workers, 10, || {
        let counter = AtomicU64::new(0);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(WORKERS)
            .build()
            .unwrap();
        pool.scope(|scope| {
            for _ in 0..JOBS {
                let counter = &counter;
                scope.spawn(move |_| {
                    counter.fetch_add(1, Ordering::Relaxed);
                });
            }
        });
        counter.load(Ordering::Relaxed)
    });
    // ANCHOR_END: execute_1m

    // ANCHOR: map_1m
    let numbers: Vec<u64> = (0..JOBS).collect();
    {
        let pool = ThreadPool::new(WORKERS);
        m.best_of("map_1m", "per_item", workers, 5, || {
            map_per_item(&pool, &numbers, square)
        });
    }
    for workers in [1, 2, 4, 8] {
        let pool = ThreadPool::new(workers);
        let chunk = default_chunk(numbers.len(), workers);
        m.best_of("map_1m", "chunked", workers as u64, 20, || {
            map_chunked(&pool, &numbers, chunk, square)
        });
        if workers == WORKERS {
            m.best_of("map_1m", "chunked_no_results", workers as u64, 20, || {
                run_chunked(&pool, &numbers, chunk, |x| {
                    black_box(square(x));
                })
            });
        }
    }
    // ANCHOR_END: map_1m

    // ANCHOR: waits
    for workers in [1, 2, 5, 10, 20] {
        let pool = ThreadPool::new(workers);
        let waits: Vec<u64> = (0..100).collect();
        m.best_of("waits", "our_pool", workers as u64, 3, || {
            map_chunked(&pool, &waits, 1, |_| {
                std::thread::sleep(Duration::from_millis(10));
                0
            })
        });
    }
    // ANCHOR_END: waits
    m.write();
}
