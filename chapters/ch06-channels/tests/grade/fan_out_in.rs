//! Tests for `fan_out_in`, both functions: results in input order whatever
//! order the workers finish in, exactly the workers asked for and all busy
//! at once, jobs taken as workers free up, every input once, and the edges.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use ch06_channels::fan_out_in::{map_crossbeam, map_std};
use grading::{Gauge, OverlapProbe, ThreadSet};

/// A job function as the tests pass it.
type Job<'a> = &'a (dyn Fn(u64) -> u64 + Sync);

/// One of the two functions, as the tests call it.
type Map = fn(Vec<u64>, usize, Job<'_>) -> Vec<u64>;

/// Both functions, with their names.
fn both() -> [(&'static str, Map); 2] {
    [
        ("map_crossbeam", |inputs, workers, f| {
            map_crossbeam(inputs, workers, f)
        }),
        ("map_std", |inputs, workers, f| map_std(inputs, workers, f)),
    ]
}

fn results_in_input_order_whatever_order_the_workers_finish_in() {
    for (name, map) in both() {
        let finished = Mutex::new(Vec::new());
        let out = map((0..8).collect(), 4, &|n| {
            // Earlier inputs take longer: they finish last.
            thread::sleep(Duration::from_millis(15 * (8 - n)));
            finished.lock().unwrap().push(n);
            n * 10
        });
        assert_eq!(
            out,
            (0..8).map(|n| n * 10).collect::<Vec<_>>(),
            "{name}: results in input order"
        );
        let finished = finished.into_inner().unwrap();
        assert_ne!(
            finished,
            (0..8).collect::<Vec<_>>(),
            "{name}: (the jobs should have finished out of order)"
        );
    }
}

fn exactly_the_workers_asked_for_all_busy_at_once() {
    for (name, map) in both() {
        let probe = OverlapProbe::new(4);
        let gauge = Gauge::new();
        let threads = ThreadSet::new();
        let calls = AtomicUsize::new(0);
        let out = map((0..40).collect(), 4, &|n| {
            let _inside = gauge.enter();
            threads.record();
            calls.fetch_add(1, Ordering::SeqCst);
            probe.arrive();
            thread::sleep(Duration::from_millis(2));
            n + 1
        });
        assert_eq!(
            out,
            (1..41).collect::<Vec<_>>(),
            "{name}: every result, in input order"
        );
        probe.assert_overlapped(&format!("{name}: four workers on forty jobs"));
        assert_eq!(
            threads.len(),
            4,
            "{name}: exactly the four workers asked for do the work"
        );
        assert!(
            !threads.contains(thread::current().id()),
            "{name}: the workers are not the caller"
        );
        assert!(
            gauge.peak() <= 4,
            "{name}: at most four jobs at once, saw {}",
            gauge.peak()
        );
        assert_eq!(
            calls.load(Ordering::SeqCst),
            40,
            "{name}: each input is worked on exactly once"
        );
    }
}

fn a_slow_job_does_not_hold_up_the_jobs_behind_it() {
    for (name, map) in both() {
        let done = AtomicUsize::new(0);
        let out = map((0..20).collect(), 2, &|n| {
            if n == 0 {
                // Job 0 waits until the other worker has done all the rest:
                // only a worker that takes the next job when it is free can.
                crate::within_three_seconds(
                    || done.load(Ordering::SeqCst) >= 19,
                    || {
                        format!(
                            "{name}: job 0 waited 3 s while the other jobs sat in a worker's share; \
                             each worker should take the next job from the queue when it is free"
                        )
                    },
                );
            } else {
                done.fetch_add(1, Ordering::SeqCst);
            }
            n
        });
        assert_eq!(
            out,
            (0..20).collect::<Vec<_>>(),
            "{name}: every result, in input order"
        );
    }
}

fn more_workers_than_inputs_and_no_inputs() {
    for (name, map) in both() {
        let threads = ThreadSet::new();
        let out = map(vec![5, 6, 7], 8, &|n| {
            threads.record();
            n * n
        });
        assert_eq!(out, [25, 36, 49], "{name}: three inputs, eight workers");
        assert!(
            !threads.is_empty() && !threads.contains(thread::current().id()),
            "{name}: the workers, not the caller, do the work"
        );
        let out = map(Vec::new(), 3, &|_| panic!("no input, no call"));
        assert!(out.is_empty(), "{name}: no inputs, no results");
    }
}

fn zero_workers_is_refused() {
    for (name, map) in both() {
        assert_eq!(
            map(vec![1, 2], 1, &|n| n),
            [1, 2],
            "{name}: one worker does all the work"
        );
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| map(vec![1, 2], 0, &|n| n)));
        let payload = outcome.expect_err("zero workers cannot do the work: it should panic");
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|text| text.to_string()))
            .unwrap_or_default();
        assert!(
            message.contains("worker"),
            "{name}: the panic should say that zero workers is the problem; it said {message:?}"
        );
    }
}

grading::graded! {
    fn results_come_back_in_input_order() {
        results_in_input_order_whatever_order_the_workers_finish_in();
    }

    fn four_workers_all_busy_at_once_and_no_more() {
        exactly_the_workers_asked_for_all_busy_at_once();
    }

    fn workers_take_the_next_job_when_they_are_free() {
        a_slow_job_does_not_hold_up_the_jobs_behind_it();
    }

    fn more_workers_than_inputs_and_an_empty_input() {
        more_workers_than_inputs_and_no_inputs();
    }

    fn zero_workers_panics() {
        zero_workers_is_refused();
    }
}
