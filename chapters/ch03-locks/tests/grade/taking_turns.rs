use ch03_locks::taking_turns::{Event, Turn, seeded_nap, take_turns};
use grading::{Gauge, OverlapProbe, ThreadSet};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

const WORKERS: usize = 5;
const SEED: u64 = 2026;
const MAX_NAP: Duration = Duration::from_millis(40);

fn nap(worker: usize) {
    thread::sleep(seeded_nap(SEED, worker, MAX_NAP));
}

/// Checks that the log is pairs of (took, released) by the same worker.
fn assert_one_holder_at_a_time(log: &[Event]) {
    assert_whole_turns(log, WORKERS);
}

/// Checks that the log of `workers` workers is pairs of (took, released) by
/// the same worker.
fn assert_whole_turns(log: &[Event], workers: usize) {
    assert_eq!(
        log.len(),
        2 * workers,
        "every worker takes and releases once: {log:?}"
    );
    for pair in log.chunks(2) {
        assert_eq!(
            pair[0].turn,
            Turn::Took,
            "each turn in the log begins with a Took: {log:?}"
        );
        assert_eq!(
            pair[1].turn,
            Turn::Released,
            "each Took is followed by a Released before the next Took: {log:?}"
        );
        assert_eq!(
            pair[0].worker, pair[1].worker,
            "another worker took the lock in between: {log:?}"
        );
    }
}

grading::graded! {
    fn the_log_shows_one_holder_at_a_time() {
        let log = take_turns(WORKERS, nap, |_| thread::sleep(Duration::from_millis(2)));
        assert_one_holder_at_a_time(&log);
        let mut sorted = log.clone();
        sorted.sort();
        let lines: Vec<String> = sorted
            .iter()
            .map(|e| format!("worker {} {:?} after a nap of {:?}", e.worker, e.turn, seeded_nap(SEED, e.worker, MAX_NAP)))
            .collect();
        insta::assert_snapshot!("taking_turns_sorted_log", lines.join("\n"));
    }

    fn no_two_workers_hold_the_lock_together() {
        let (gauge, probe) = (Gauge::new(), OverlapProbe::with_patience(2, Duration::from_millis(500)));
        let threads = ThreadSet::new();
        take_turns(WORKERS, |_| {}, |_| {
            let _inside = gauge.enter();
            threads.record();
            probe.arrive();
        });
        probe.assert_exclusive("take_turns");
        assert_eq!(gauge.peak(), 1, "hold runs for one worker at a time: call it while holding the lock");
        assert_eq!(threads.len(), WORKERS, "one thread per worker");
    }

    fn workers_queued_for_the_lock_log_whole_turns() {
        // The naps end together, so every worker but the holder waits for the
        // lock, and one of them gets it the moment it is let go: between one
        // worker's Took and its Released, no other worker's Took may come.
        const QUEUED: usize = 8;
        for _ in 0..5 {
            let naps_end = OverlapProbe::new(QUEUED);
            let hold = |_| thread::sleep(Duration::from_millis(1));
            let log = take_turns(QUEUED, |_| { naps_end.arrive(); }, hold);
            naps_end.assert_overlapped("the naps");
            assert_whole_turns(&log, QUEUED);
        }
    }

    fn the_log_follows_the_order_the_lock_was_taken() {
        // Worker i naps until worker i + 1 has had its turn, so the last
        // worker goes first and worker 0 last, whatever order they start in.
        let holds = Mutex::new(Vec::new());
        let held = || holds.lock().unwrap_or_else(PoisonError::into_inner).len();
        let log = take_turns(
            WORKERS,
            |worker| {
                let before_me = (WORKERS - 1)
                    .checked_sub(worker)
                    .expect("workers are numbered from 0 to workers - 1");
                let started = Instant::now();
                while held() < before_me {
                    assert!(
                        started.elapsed() < Duration::from_secs(2),
                        "worker {worker} napped until worker {} had had its turn, which never came: \
                         do the workers nap at the same time, outside the lock?",
                        worker + 1
                    );
                    thread::sleep(Duration::from_millis(1));
                }
            },
            |worker| holds.lock().unwrap_or_else(PoisonError::into_inner).push(worker),
        );
        let holds = holds.into_inner().unwrap_or_else(PoisonError::into_inner);
        assert_eq!(holds, [4, 3, 2, 1, 0], "hold(i) runs once per worker, in the order of the turns");
        let took: Vec<usize> = log.iter().filter(|e| e.turn == Turn::Took).map(|e| e.worker).collect();
        assert_eq!(took, holds, "the log lists the turns in the order the lock was taken: {log:?}");
        let lines: Vec<String> = log.iter().map(|e| format!("worker {} {:?}", e.worker, e.turn)).collect();
        insta::assert_snapshot!("taking_turns_last_worker_first", lines.join("\n"));
    }

    fn the_workers_nap_at_the_same_time() {
        let probe = OverlapProbe::new(WORKERS);
        take_turns(WORKERS, |_| { probe.arrive(); }, |_| {});
        probe.assert_overlapped("the naps");
    }
}
