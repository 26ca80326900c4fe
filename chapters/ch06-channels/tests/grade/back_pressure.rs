//! Tests for `back_pressure`: a blocked last stage holds the first at most
//! the capacities ahead (capacity 0 included), the stages overlap on three
//! threads of their own, the pace is one stage's and not the sum, and every
//! item comes out once, in order.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use ch06_channels::back_pressure::pipeline;
use grading::{Band, OverlapProbe, ThreadSet, timed, wait_until};

/// With the third stage blocked, how many items the first stage took on.
fn taken_on_while_the_last_stage_is_blocked(capacity: usize) -> usize {
    let started = AtomicUsize::new(0);
    let open = AtomicBool::new(false);
    let items: Vec<u64> = (0..1000).collect();
    thread::scope(|scope| {
        let run = scope.spawn(|| {
            pipeline(
                items.clone(),
                capacity,
                |n| {
                    started.fetch_add(1, Ordering::SeqCst);
                    n + 1
                },
                |n| n * 2,
                |n| {
                    wait_until(|| open.load(Ordering::SeqCst));
                    n
                },
            )
        });
        // Every right pipeline gets this far: `capacity` items waiting in
        // each channel and one in the hands of each stage. Then give a wrong
        // one time to run on.
        let full = 2 * capacity + 3;
        crate::within_three_seconds(
            || started.load(Ordering::SeqCst) >= full,
            || {
                format!(
                    "with capacity {capacity} and the third stage blocked, the first stage stopped after {} items; \
                     two channels of {capacity} slots and one item in the hands of each stage let it take on {full}",
                    started.load(Ordering::SeqCst)
                )
            },
        );
        thread::sleep(Duration::from_millis(300));
        let ahead = started.load(Ordering::SeqCst);
        open.store(true, Ordering::SeqCst);
        let out = run.join().unwrap();
        let expected: Vec<u64> = items.iter().map(|n| (n + 1) * 2).collect();
        assert!(out == expected, "every item comes out once, in input order");
        ahead
    })
}

fn assert_held_back(capacity: usize) {
    let ahead = taken_on_while_the_last_stage_is_blocked(capacity);
    let most = 2 * capacity + 3;
    assert!(
        ahead <= most,
        "with capacity {capacity} and the third stage blocked, the first stage took on {ahead} items; \
         bounded channels allow at most {most} ({capacity} waiting in each channel and one in the hands of each stage)"
    );
}

grading::graded! {
    fn a_blocked_last_stage_holds_the_first_back_with_capacity_four() {
        assert_held_back(4);
    }

    fn a_blocked_last_stage_holds_the_first_back_with_capacity_one() {
        assert_held_back(1);
    }

    fn capacity_zero_is_a_rendezvous() {
        assert_held_back(0);
    }

    fn the_stages_run_at_once_on_three_threads_of_their_own() {
        let probe = OverlapProbe::new(2);
        let sets = [ThreadSet::new(), ThreadSet::new(), ThreadSet::new()];
        let all = ThreadSet::new();
        let out = pipeline(
            (0..20u32).collect(),
            4,
            |n| {
                sets[0].record();
                all.record();
                // The first stage on its third item, the third on its first.
                if n == 2 {
                    probe.arrive();
                }
                n
            },
            |n| {
                sets[1].record();
                all.record();
                n
            },
            |n| {
                sets[2].record();
                all.record();
                if n == 0 {
                    probe.arrive();
                }
                n
            },
        );
        assert_eq!(out, (0..20).collect::<Vec<_>>(), "every item, in order");
        probe.assert_overlapped("the first stage (on item 2) and the third (on item 0)");
        let me = thread::current().id();
        for set in &sets {
            assert_eq!(set.len(), 1, "each stage runs on one thread for all its items");
            assert!(!set.contains(me), "no stage runs on the caller's thread");
        }
        assert_eq!(all.len(), 3, "three stages, three threads");
    }

    fn the_pace_is_one_stages_not_the_sum_of_the_three() {
        let step = Duration::from_millis(40);
        let (out, elapsed) = timed(|| {
            pipeline(
                (0..10u32).collect(),
                1,
                |n| {
                    thread::sleep(step);
                    n
                },
                |n| {
                    thread::sleep(step);
                    n
                },
                |n| {
                    thread::sleep(step);
                    n
                },
            )
        });
        assert_eq!(out, (0..10).collect::<Vec<_>>(), "every item, in order");
        // Pipelined: about (10 + 2) steps, 480 ms; one stage after the other:
        // 30 steps, 1200 ms.
        Band { min: step * 12, max: step * 25 }
            .assert_contains("ten items through three stages of 40 ms each", elapsed);
    }

    fn every_item_comes_out_once_in_order_and_an_empty_input_ends() {
        let seen = Mutex::new(0);
        let out = pipeline(
            (0..2000u64).collect(),
            2,
            |n| n.to_string(),
            |text| format!("<{text}>"),
            |text| {
                *seen.lock().unwrap() += 1;
                text.len()
            },
        );
        let expected: Vec<usize> = (0..2000u64).map(|n| n.to_string().len() + 2).collect();
        assert!(out == expected, "every item, once, in input order");
        assert_eq!(*seen.lock().unwrap(), 2000, "the third stage saw every item once");
        let empty: Vec<u8> = pipeline(Vec::<u8>::new(), 3, |n| n, |n| n, |n| n);
        assert!(empty.is_empty(), "no items: nothing out, and the pipeline ends");
    }
}
