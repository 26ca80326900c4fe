//! Tests for `bridge`: every output, in order, for more items than the two
//! channels hold; the items are read no further ahead of the stage than the
//! channel allows; the stage runs on the runtime, not on the caller's
//! thread.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ch11_async::bridge::through_async;

/// A runtime with one worker thread of its own, on the real clock.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_time()
        .build()
        .expect("a runtime")
}

grading::graded! {
    fn a_thousand_items_come_back_in_order_through_small_channels() {
        let runtime = runtime();
        let outputs = through_async(runtime.handle(), 0..1_000_u64, 2, |n| async move {
            tokio::task::yield_now().await;
            n * 2
        });
        assert_eq!(outputs, (0..1_000).map(|n| n * 2).collect::<Vec<_>>(), "every output, in the order of the items");
    }

    fn the_stage_runs_on_the_runtime_not_on_the_callers_thread() {
        let runtime = runtime();
        let caller = std::thread::current().id();
        let outputs = through_async(runtime.handle(), 0..3_u8, 1, move |n| async move {
            (n, std::thread::current().id() != caller, tokio::runtime::Handle::try_current().is_ok())
        });
        for (n, elsewhere, in_runtime) in outputs {
            assert!(elsewhere && in_runtime, "item {n}: the stage must run as a task on the runtime, not on the caller's thread");
        }
    }

    fn items_are_read_no_further_ahead_than_the_channel_allows() {
        let runtime = runtime();
        let read = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(tokio::sync::Semaphore::new(0));
        let counting = {
            let read = Arc::clone(&read);
            (0..100_u32).inspect(move |_| {
                read.fetch_add(1, Ordering::SeqCst);
            })
        };
        let (opener, stage_gate) = (Arc::clone(&gate), Arc::clone(&gate));
        let watcher_read = Arc::clone(&read);
        let watcher = std::thread::spawn(move || {
            // The stage is stopped at its gate: give the feeder time to run
            // ahead, if it would.
            std::thread::sleep(Duration::from_millis(300));
            let ahead = watcher_read.load(Ordering::SeqCst);
            opener.add_permits(100);
            ahead
        });
        let outputs = through_async(runtime.handle(), counting, 4, move |n| {
            let gate = Arc::clone(&stage_gate);
            async move {
                gate.acquire().await.expect("the gate stays open").forget();
                n
            }
        });
        let ahead = watcher.join().expect("the watcher does not panic");
        assert!(
            ahead <= 4 + 2,
            "with the stage stopped and a capacity of 4, {ahead} items were read: at most 4 waiting, one in the stage \\
             and one on its way (6); more means the channel does not hold the feeder back"
        );
        assert_eq!(outputs, (0..100).collect::<Vec<_>>(), "once the stage goes on, every item comes through in order");
    }

    #[should_panic(expected = "capacity of 0")]
    fn a_capacity_of_zero_is_refused() {
        let runtime = runtime();
        through_async(runtime.handle(), 0..1_u8, 0, |n| async move { n });
    }
}
