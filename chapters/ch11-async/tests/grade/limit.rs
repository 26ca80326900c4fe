//! Tests for `limit`: never more than `limit` requests in flight, and exactly
//! `limit` when there is work for them; a slot is reused as soon as a request
//! ends; results in input order; a limit of 0 is refused.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ch11_async::limit::fetch_all;

/// Counts the requests in flight and keeps the highest count.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    /// A request that takes `secs` seconds of the runtime's clock and
    /// returns its url's length.
    fn request(
        self: &Arc<Self>,
        url: String,
        secs: u64,
    ) -> impl std::future::Future<Output = usize> + Send + 'static {
        let this = Arc::clone(self);
        async move {
            let now = this.now.fetch_add(1, Ordering::SeqCst) + 1;
            this.peak.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_secs(secs)).await;
            this.now.fetch_sub(1, Ordering::SeqCst);
            url.len()
        }
    }
}

fn urls(n: usize) -> Vec<String> {
    (0..n).map(|i| "x".repeat(i + 1)).collect()
}

grading::graded! {
    fn ten_requests_three_at_a_time() {
        let in_flight = Arc::new(InFlight::default());
        let (lengths, took) = crate::paused(fetch_all(urls(10), 3, |url| in_flight.request(url, 1)));
        assert_eq!(lengths, (1..=10).collect::<Vec<_>>(), "the results come back in the order of the urls");
        assert_eq!(in_flight.peak.load(Ordering::SeqCst), 3, "at most 3 requests at once, and 3 when there are enough");
        assert_eq!(took, Duration::from_secs(4), "ten 1 s requests, three at a time, take 4 s: 3 + 3 + 3 + 1");
    }

    fn a_slot_is_reused_as_soon_as_a_request_ends() {
        let in_flight = Arc::new(InFlight::default());
        let secs = [3, 1, 1, 1];
        let (lengths, took) = crate::paused(fetch_all(urls(4), 2, |url| {
            let secs = secs[url.len() - 1];
            in_flight.request(url, secs)
        }));
        assert_eq!(lengths, vec![1, 2, 3, 4], "the results come back in the order of the urls, not the order they finished");
        assert_eq!(
            took,
            Duration::from_secs(3),
            "one slot is busy for 3 s while the other serves three 1 s requests: 3 s, not 4 (in batches of two)"
        );
        assert_eq!(in_flight.peak.load(Ordering::SeqCst), 2, "at most 2 at once");
    }

    fn a_limit_above_the_work_runs_everything_at_once() {
        let in_flight = Arc::new(InFlight::default());
        let (lengths, took) = crate::paused(fetch_all(urls(5), 100, |url| in_flight.request(url, 2)));
        assert_eq!(lengths.len(), 5, "every request ran");
        assert_eq!(in_flight.peak.load(Ordering::SeqCst), 5, "all five at once");
        assert_eq!(took, Duration::from_secs(2), "as long as one request");
    }

    #[should_panic(expected = "limit of 0")]
    fn a_limit_of_zero_is_refused() {
        crate::paused(fetch_all(urls(1), 0, |url| async move { url.len() }));
    }
}
