//! Tests for `many_waits`: the waits overlap (paused time is the longest
//! delay, not the sum) on the runtime's clock, and end in delay order;
//! a job records nothing until it is polled.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ch11_async::many_waits::{job, wait_all};

grading::graded! {
    fn ten_thousand_one_second_waits_take_one_second() {
        let (ended, took) = crate::paused(wait_all(vec![Duration::from_secs(1); 10_000]));
        assert_eq!(ended.len(), 10_000, "every wait's index comes back once");
        let mut sorted = ended.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 10_000, "every index comes back exactly once");
        assert_eq!(
            took,
            Duration::from_secs(1),
            "10 000 waits of 1 s on the runtime's clock take 1 s if they overlap (more if they took turns, \
             none if they slept on threads of their own)"
        );
    }

    fn waits_end_in_the_order_of_their_delays() {
        let delays: Vec<Duration> = [5, 1, 4, 2, 3].iter().map(|s| Duration::from_secs(*s)).collect();
        let (ended, took) = crate::paused(wait_all(delays));
        assert_eq!(ended, vec![1, 3, 4, 2, 0], "the shortest wait ends first");
        assert_eq!(took, Duration::from_secs(5), "all at once: as long as the longest");
    }

    fn no_delays_end_at_once() {
        let (ended, took) = crate::paused(wait_all(Vec::new()));
        assert!(ended.is_empty(), "nothing to wait for");
        assert_eq!(took, Duration::ZERO, "and no time taken");
    }

    fn a_job_does_nothing_until_it_is_polled() {
        let log = Arc::new(Mutex::new(Vec::new()));
        // Made outside any runtime and never polled: a job is only a value.
        drop(job(Arc::clone(&log), "never polled", Duration::from_secs(1)));
        let ((), took) = crate::paused(async {
            let first = job(Arc::clone(&log), "first", Duration::from_secs(2));
            let second = job(Arc::clone(&log), "second", Duration::from_secs(1));
            drop(job(Arc::clone(&log), "dropped", Duration::from_secs(1)));
            // The runtime gets three seconds to run anything that was started.
            tokio::time::sleep(Duration::from_secs(3)).await;
            assert!(
                log.lock().unwrap().is_empty(),
                "creating a job must record nothing, even after the runtime has run for 3 s: a job runs only when \
                 polled (was it spawned when made?), but the log holds {:?}",
                log.lock().unwrap()
            );
            tokio::join!(first, second);
        });
        insta::assert_snapshot!("jobs_log", log.lock().unwrap().join("\n"));
        assert_eq!(took, Duration::from_secs(5), "3 s of waiting, then the two jobs waited 2 s at the same time");
    }
}
