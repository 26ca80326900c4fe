use ch07_pools::waiting_work::fetch_all;
use grading::{Band, Gauge, OverlapProbe, timed};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::panics;

const WAIT: Duration = Duration::from_millis(10);

grading::graded! {
    fn a_hundred_waits_on_ten_workers_take_a_tenth_of_the_time() {
        let pages: Vec<u32> = (0..100).collect();
        let (pages_back, took) = timed(|| fetch_all(10, pages, |page| { thread::sleep(WAIT); page }));
        assert_eq!(pages_back, (0..100).collect::<Vec<_>>(), "results in input order");
        // Ten rounds of one wait, not a hundred waits: about 100 ms, where
        // one after another would take a second.
        Band::around(WAIT * 10).assert_contains("100 fetches on 10 workers", took);
    }

    fn exactly_ten_fetches_wait_at_once() {
        let (gauge, probe) = (Arc::new(Gauge::new()), Arc::new(OverlapProbe::new(10)));
        let (g, p) = (gauge.clone(), probe.clone());
        fetch_all(10, (0..100).collect::<Vec<u32>>(), move |page| {
            let _waiting = g.enter();
            p.arrive();
            thread::sleep(Duration::from_millis(1));
            page
        });
        probe.assert_overlapped("ten workers");
        assert_eq!(gauge.peak(), 10, "a pool of ten runs ten at a time, never more");
    }

    fn results_keep_the_order_of_the_pages() {
        // Earlier pages take longer.
        let got = fetch_all(4, (0..8u64).collect(), |page| { thread::sleep(Duration::from_millis(8 - page)); page * 10 });
        assert_eq!(got, [0, 10, 20, 30, 40, 50, 60, 70], "fetch_all returns results in the order of the pages, though earlier pages finish last");
    }

    fn a_fetch_that_panics_makes_fetch_all_panic() {
        // Page 2's result can never arrive: fetch_all must say so by
        // panicking, not return the other pages, and not wait for ever.
        assert_eq!(
            fetch_all(3, (0..6u32).collect(), |page| page),
            [0, 1, 2, 3, 4, 5],
            "fetch_all returns every page, in order, when no fetch fails"
        );
        let failed = panics(|| {
            fetch_all(3, (0..6u32).collect(), |page| {
                assert!(page != 2, "the test's fetch fails on purpose for page 2");
                page
            })
        });
        assert!(failed, "a fetch panicked, so a page is missing: fetch_all must panic");
    }

    fn zero_workers_are_refused_even_with_no_pages() {
        assert_eq!(fetch_all(1, vec![1u32], |page| page), [1], "fetch_all with one worker fetches the one page");
        assert!(panics(|| fetch_all(0, vec![1u32], |page| page)), "fetch_all with zero workers must panic");
        assert!(
            panics(|| fetch_all(0, Vec::<u32>::new(), |page| page)),
            "fetch_all with zero workers must panic, also when there are no pages"
        );
    }
}
