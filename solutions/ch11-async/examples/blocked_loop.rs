//! One blocking call stops every task on the thread.
//!
//! A ticker task prints every 50 ms on a current-thread runtime. Another task
//! then calls `std::thread::sleep` for 300 ms: the runtime's only thread is
//! blocked, and the ticker misses every tick. With the same sleep moved to
//! `spawn_blocking`, the ticker goes on.
//!
//! Run with `cargo run -p ch11-async-solution --example blocked_loop`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Ticks counted while `work` runs, with a ticker every 50 ms beside it.
async fn ticks_during(work: impl std::future::Future<Output = ()>) -> u32 {
    let ticks = Arc::new(AtomicU32::new(0));
    let ticker = tokio::spawn({
        let ticks = Arc::clone(&ticks);
        async move {
            let mut every = tokio::time::interval(Duration::from_millis(50));
            every.tick().await; // the first tick is at once
            loop {
                every.tick().await;
                ticks.fetch_add(1, Ordering::Relaxed);
            }
        }
    });
    // Let the ticker start before the work begins.
    tokio::task::yield_now().await;
    work.await;
    ticker.abort();
    ticks.load(Ordering::Relaxed)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: blocked
    let blocked = ticks_during(async {
        std::thread::sleep(Duration::from_millis(300)); // blocks the thread
    })
    .await;
    // ANCHOR_END: blocked
    let moved = ticks_during(async {
        tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_millis(300)))
            .await
            .unwrap();
    })
    .await;
    println!("ticks while std::thread::sleep blocked the runtime's thread: {blocked}");
    println!("ticks while the same sleep ran in spawn_blocking: {moved} (about 6; it varies)");
}
