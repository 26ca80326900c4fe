use ch02_locks::taking_turns::{Event, Turn, seeded_nap, take_turns};
use grading::{Gauge, OverlapProbe, ThreadSet};
use std::thread;
use std::time::Duration;

const WORKERS: usize = 5;
const SEED: u64 = 2026;
const MAX_NAP: Duration = Duration::from_millis(40);

fn nap(worker: usize) {
    thread::sleep(seeded_nap(SEED, worker, MAX_NAP));
}

/// Checks that the log is pairs of (took, released) by the same worker.
fn assert_one_holder_at_a_time(log: &[Event]) {
    assert_eq!(
        log.len(),
        2 * WORKERS,
        "every worker takes and releases once: {log:?}"
    );
    for pair in log.chunks(2) {
        assert_eq!(pair[0].turn, Turn::Took, "{log:?}");
        assert_eq!(pair[1].turn, Turn::Released, "{log:?}");
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
        assert_eq!(gauge.peak(), 1);
        assert_eq!(threads.len(), WORKERS, "one thread per worker");
    }

    fn the_workers_nap_at_the_same_time() {
        let probe = OverlapProbe::new(WORKERS);
        take_turns(WORKERS, |_| { probe.arrive(); }, |_| {});
        probe.assert_overlapped("the naps");
    }
}
