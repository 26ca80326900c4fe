//! Tests for `blocking`: the checksum is right, and while it works, another
//! task on the same one-thread runtime keeps running (real time here: the
//! checksum blocks a real thread for 300 ms, so the bands are wide).

use std::time::{Duration, Instant};

use ch11_async::blocking::{checksum, slow_checksum};

/// Runs `body` on a current-thread runtime on the real clock.
fn on_one_thread<F: std::future::Future>(body: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime")
        .block_on(body)
}

grading::graded! {
    fn the_checksum_is_the_blocking_one() {
        let data = b"the quick brown fox".to_vec();
        let expected = slow_checksum(&data);
        assert_eq!(on_one_thread(checksum(data)), expected, "checksum gives what slow_checksum gives");
    }

    fn another_task_runs_while_the_checksum_works() {
        let (sibling_ran_after, checksum_took) = on_one_thread(async {
            let start = Instant::now();
            // A task that only needs the thread for a moment, ten times.
            let sibling = tokio::spawn(async move {
                for _ in 0..10 {
                    tokio::task::yield_now().await;
                }
                start.elapsed()
            });
            checksum(vec![1, 2, 3]).await;
            let checksum_took = start.elapsed();
            (sibling.await.expect("the sibling does not panic"), checksum_took)
        });
        assert!(checksum_took >= Duration::from_millis(290), "the checksum still takes its 300 ms (it took {checksum_took:?})");
        assert!(
            sibling_ran_after + Duration::from_millis(150) < checksum_took,
            "another task on the runtime's one thread finished {sibling_ran_after:?} after the start, and the checksum \\
             {checksum_took:?}: the checksum held the thread, so nothing else ran until it returned"
        );
    }
}
