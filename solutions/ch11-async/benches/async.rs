//! Tasks against threads (E2, E9): many waits at once, the price of
//! starting one, and a message there and back.
//!
//! Run with `cargo xtask bench ch11-async` (or `cargo bench -p
//! ch11-async-solution --no-default-features --bench async`, which prints
//! the CSV). It writes `ch11-async.csv`; `python/ch11_async.py` does the
//! same with CPython's threads and `asyncio`.
//!
//! The tasks run on two tokio runtimes, each built once, before the timing:
//! the multi-threaded one on two worker threads, as many as the machine the
//! book was measured on has cores (case `tokio_tasks`), and the
//! current-thread one, which runs every task on the thread that calls
//! `block_on`, as asyncio runs every coroutine on its loop's thread (case
//! `tokio_current_thread`).
//!
//! - `many_waits` (param: the waits): 10 000 waits of 10 ms, all started
//!   at once: a thread for each (`thread_per_wait`), a pool of 100 threads
//!   (the `threadpool` crate, built once) running one wait per job
//!   (`pool_of_100`), and a tokio task for each, sleeping with
//!   `tokio::time::sleep`. The best of 3. The decision guide's async row
//!   rests on this group.
//! - `spawn` (param: the spawns): start 10 000 threads or tasks that each
//!   return their number, then join them all and add up what they
//!   returned; a `std::thread::spawn` each (`threads`), or a `tokio::spawn`
//!   each from inside `block_on`. All 10 000 are started before the first
//!   is joined (chapter 1 starts and joins one thread at a time). Divided
//!   by 10 000, the time to start and join one. The best of 3.
//! - `round_trip` (param: the round trips): 10 000 numbers sent one at a
//!   time from one side to the other, each answered with the number plus
//!   one before the next is sent, over two channels of capacity 1: between
//!   two threads (the calling thread and one it starts, `std::sync::mpsc`'s
//!   `sync_channel`) or between two tasks (both spawned, tokio's
//!   `mpsc::channel`). Divided by 10 000, one round trip. The best of 5.
//!
//! Every case checks its result (the sum of what came back), so a lost
//! message or task fails the run instead of timing well. (The chapter's
//! tests turn on tokio's `test-util`, so these builds have it too; its
//! clock is never paused here, and unpaused it reads the system's clock.)

use std::hint::black_box;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use grading::Measurements;
use tokio::runtime::{Builder, Runtime};

const WAITS: u64 = 10_000;
const WAIT: Duration = Duration::from_millis(10);
const SPAWNS: u64 = 10_000;
const ROUND_TRIPS: u64 = 10_000;
/// The multi-threaded runtime's worker threads.
const WORKERS: usize = 2;

/// The two runtimes, each with its case name.
fn runtimes() -> [(&'static str, Runtime); 2] {
    let multi = Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .enable_time()
        .build()
        .expect("a multi-threaded tokio runtime");
    let single = Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread tokio runtime");
    [("tokio_tasks", multi), ("tokio_current_thread", single)]
}

/// 0 + 1 + … + (n - 1).
fn sum_below(n: u64) -> u64 {
    n * (n - 1) / 2
}

// ANCHOR: many_waits
fn many_waits(m: &mut Measurements, runtimes: &[(&str, Runtime)]) {
    m.best_of("many_waits", "thread_per_wait", WAITS, 3, || {
        thread::scope(|scope| {
            for _ in 0..WAITS {
                scope.spawn(|| thread::sleep(WAIT));
            }
        });
    });
    let pool = threadpool::ThreadPool::new(100);
    m.best_of("many_waits", "pool_of_100", WAITS, 3, || {
        for _ in 0..WAITS {
            pool.execute(|| thread::sleep(WAIT));
        }
        pool.join();
        assert_eq!(pool.panic_count(), 0, "no wait panicked");
    });
    for (case, runtime) in runtimes {
        m.best_of("many_waits", case, WAITS, 3, || {
            runtime.block_on(async {
                let tasks: Vec<_> = (0..WAITS)
                    .map(|_| tokio::spawn(tokio::time::sleep(WAIT)))
                    .collect();
                for task in tasks {
                    task.await.expect("a sleeping task does not panic");
                }
            });
        });
    }
}
// ANCHOR_END: many_waits

// ANCHOR: spawn
fn spawn(m: &mut Measurements, runtimes: &[(&str, Runtime)]) {
    m.best_of("spawn", "threads", SPAWNS, 3, || {
        let threads: Vec<_> = (0..SPAWNS)
            .map(|n| thread::spawn(move || black_box(n)))
            .collect();
        let total: u64 = threads
            .into_iter()
            .map(|thread| thread.join().expect("the thread returns"))
            .sum();
        assert_eq!(total, sum_below(SPAWNS), "every thread joined once");
    });
    for (case, runtime) in runtimes {
        m.best_of("spawn", case, SPAWNS, 3, || {
            runtime.block_on(async {
                let tasks: Vec<_> = (0..SPAWNS)
                    .map(|n| tokio::spawn(async move { black_box(n) }))
                    .collect();
                let mut total = 0;
                for task in tasks {
                    total += task.await.expect("the task returns");
                }
                assert_eq!(total, sum_below(SPAWNS), "every task joined once");
            });
        });
    }
}
// ANCHOR_END: spawn

// ANCHOR: round_trip
/// Sends 0, 1, 2, … to a second thread, which answers each with the number
/// plus one; returns the sum of the answers.
fn round_trips_between_threads() -> u64 {
    let (to_far, far_inbox) = mpsc::sync_channel::<u64>(1);
    let (to_near, near_inbox) = mpsc::sync_channel::<u64>(1);
    thread::scope(|scope| {
        scope.spawn(move || {
            for n in far_inbox {
                to_near
                    .send(n + 1)
                    .expect("the near side waits for every answer");
            }
        });
        let mut total = 0;
        for n in 0..ROUND_TRIPS {
            to_far.send(n).expect("the far side is running");
            total += near_inbox.recv().expect("an answer");
        }
        // Closing the channel ends the far thread's loop, which the scope
        // waits for.
        drop(to_far);
        total
    })
}

/// The same between two tasks.
async fn round_trips_between_tasks() -> u64 {
    let (to_far, mut far_inbox) = tokio::sync::mpsc::channel::<u64>(1);
    let (to_near, mut near_inbox) = tokio::sync::mpsc::channel::<u64>(1);
    let far = tokio::spawn(async move {
        while let Some(n) = far_inbox.recv().await {
            to_near
                .send(n + 1)
                .await
                .expect("the near side waits for every answer");
        }
    });
    let near = tokio::spawn(async move {
        let mut total = 0;
        for n in 0..ROUND_TRIPS {
            to_far.send(n).await.expect("the far side is running");
            total += near_inbox.recv().await.expect("an answer");
        }
        total
    });
    let total = near.await.expect("the near task returns");
    far.await.expect("the far task ends");
    total
}

fn round_trip(m: &mut Measurements, runtimes: &[(&str, Runtime)]) {
    let expected = sum_below(ROUND_TRIPS) + ROUND_TRIPS;
    m.best_of("round_trip", "threads", ROUND_TRIPS, 5, || {
        assert_eq!(round_trips_between_threads(), expected, "every answer");
    });
    for (case, runtime) in runtimes {
        m.best_of("round_trip", case, ROUND_TRIPS, 5, || {
            let total = runtime.block_on(round_trips_between_tasks());
            assert_eq!(total, expected, "every answer");
        });
    }
}
// ANCHOR_END: round_trip

fn main() {
    let mut m = Measurements::new("ch11-async");
    let runtimes = runtimes();
    many_waits(&mut m, &runtimes);
    spawn(&mut m, &runtimes);
    round_trip(&mut m, &runtimes);
    m.write();
}
