//! What a pool costs per job, and how much chunking saves (P1, P5, P6).
//!
//! Run with `cargo bench -p ch05-pools-solution --bench pools`. The book
//! quotes ratios from one run; `python3 python/ch05_pools.py` runs the same
//! chunked map on CPython's `multiprocessing.pool.ThreadPool`.
//!
//! - `execute_1m`: a million tiny jobs, one `execute` each, on this chapter's
//!   pool, on the `threadpool` crate, and as `rayon` scope tasks; each with
//!   two workers (the machine's cores), including shutdown.
//! - `map_1m_*`: square a million numbers: one job per number, in chunks
//!   (by worker count), and in chunks without returning the results.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use ch05_pools::chunking::{map_chunked, map_per_item, run_chunked};
use ch05_pools::thread_pool::ThreadPool;

fn main() {
    divan::main();
}

const JOBS: u64 = 1_000_000;
const WORKERS: usize = 2;

#[divan::bench(sample_count = 30, sample_size = 1)]
fn execute_1m_our_pool() -> u64 {
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
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn execute_1m_threadpool_crate() -> u64 {
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
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn execute_1m_rayon_spawn() -> u64 {
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
}

fn square(x: u64) -> u64 {
    black_box(x) * x
}

fn million() -> Vec<u64> {
    (0..JOBS).collect()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn map_1m_per_item(bencher: divan::Bencher) {
    let numbers = million();
    let pool = ThreadPool::new(WORKERS);
    bencher.bench_local(|| map_per_item(&pool, &numbers, square));
}

/// Chunks sized like CPython's default for `Pool.map`: len / (4 × workers).
#[divan::bench(args = [1, 2, 4, 8], sample_count = 20)]
fn map_1m_chunked(bencher: divan::Bencher, workers: usize) {
    let numbers = million();
    let pool = ThreadPool::new(workers);
    let chunk = numbers.len().div_ceil(4 * workers);
    bencher.bench_local(|| map_chunked(&pool, &numbers, chunk, square));
}

/// The same chunks, discarding the results (P6): does returning them matter?
#[divan::bench(args = [2], sample_count = 20)]
fn map_1m_chunked_no_results(bencher: divan::Bencher, workers: usize) {
    let numbers = million();
    let pool = ThreadPool::new(workers);
    let chunk = numbers.len().div_ceil(4 * workers);
    bencher.bench_local(|| {
        run_chunked(&pool, &numbers, chunk, |x| {
            black_box(square(x));
        })
    });
}
