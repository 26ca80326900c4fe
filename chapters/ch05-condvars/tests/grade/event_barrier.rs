use crate::{until_asleep, with_early_wakeups};
use ch05_condvars::event_barrier::{Event, run_in_phases};
use grading::sync::counted;
use grading::{Band, timed, wait_until};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

const SHORT: Duration = Duration::from_millis(50);

grading::graded! {
    fn wait_returns_only_after_the_event_is_set() {
        let event = Event::new();
        let log = Mutex::new(Vec::new());
        thread::scope(|scope| {
            scope.spawn(|| {
                event.wait();
                log.lock().unwrap().push("woke");
            });
            // Give a wait that does not wait every chance to return early.
            thread::sleep(Duration::from_millis(30));
            log.lock().unwrap().push("set");
            event.set();
        });
        assert_eq!(*log.lock().unwrap(), ["set", "woke"], "wait returns only once the event is set: the log must read set, then woke");
        assert!(event.is_set(), "after set, is_set() says true");
    }

    fn set_wakes_every_waiter() {
        let (event, counts) = counted(Event::new);
        thread::scope(|scope| {
            let waiters: Vec<_> = (0..4).map(|_| scope.spawn(|| event.wait())).collect();
            // All four are asleep when the event is set.
            let ended = || waiters.iter().any(|waiter| waiter.is_finished());
            until_asleep(&counts, 4, || event.is_set(), ended);
            assert!(!ended(), "wait on an unset event ended instead of waiting");
            event.set();
        });
    }

    fn the_flag_is_up_before_set_wakes_anyone() {
        // Someone looks at the event the moment set notifies the waiter: the
        // flag must be up by then. A waiter woken earlier finds it down and
        // sleeps on, and nobody wakes it again.
        for _ in 0..50 {
            let (event, counts) = counted(Event::new);
            let (event, counts, looking) = (&event, &counts, &AtomicBool::new(false));
            thread::scope(|scope| {
                let waiter = scope.spawn(move || event.wait());
                until_asleep(counts, 1, || event.is_set(), || waiter.is_finished());
                assert!(!waiter.is_finished(), "wait on an unset event ended instead of waiting");
                let observer = scope.spawn(move || {
                    looking.store(true, Ordering::SeqCst);
                    wait_until(|| counts.notifications() > 0);
                    event.is_set()
                });
                wait_until(|| looking.load(Ordering::SeqCst));
                event.set();
                let flag_was_up = observer.join().unwrap();
                if !flag_was_up {
                    // Wake a waiter that went back to sleep, so that the
                    // test can say why.
                    event.set();
                }
                waiter.join().unwrap();
                assert!(flag_was_up, "set woke the waiter before it raised the flag");
            });
        }
    }

    fn wait_timeout_says_whether_it_was_set() {
        // The timed wait wakes early, again and again: the timeout counts
        // from the call, not from the last wake-up.
        let event = Arc::new(Event::new());
        let unset = Arc::clone(&event);
        let set = with_early_wakeups("wait_timeout(50 ms) on an unset event", SHORT, move || unset.wait_timeout(SHORT));
        assert!(!set, "nobody set it");
        event.set();
        assert!(event.wait_timeout(SHORT), "a set event answers at once");
        event.clear();
        assert!(!event.is_set(), "after clear, is_set() says false");
        assert!(!event.wait_timeout(SHORT), "clear lowered it again");
    }

    fn a_set_during_a_timed_wait_ends_it_early() {
        let event = Event::new();
        thread::scope(|scope| {
            let waiter = scope.spawn(|| timed(|| event.wait_timeout(Duration::from_secs(3))));
            thread::sleep(Duration::from_millis(20));
            event.set();
            let (set, took) = waiter.join().unwrap();
            assert!(set, "wait_timeout(3 s) returns true when the event is set while it waits");
            Band::under(Duration::from_millis(1500)).assert_contains("a timed wait that was set", took);
        });
    }

    fn phases_run_in_lockstep_with_one_leader_each() {
        let log = Mutex::new(Vec::new());
        let phases = run_in_phases(4, 5, |worker, phase| {
            if worker == 0 {
                // The slowest worker: the others must wait for it every phase.
                thread::sleep(Duration::from_millis(2));
            }
            log.lock().unwrap().push(phase);
            (worker * 10 + phase) as u64
        });
        let log = log.into_inner().unwrap();
        assert_eq!(log.len(), 20, "each of the 4 workers runs each of the 5 phases once: work is called 20 times");
        assert!(log.windows(2).all(|w| w[0] <= w[1]), "a phase began before the last one ended: {log:?}");
        let expected: Vec<u64> = (0..5).map(|p| (0..4).map(|w| (w * 10 + p) as u64).sum()).collect();
        assert_eq!(phases.sums, expected, "each phase's sum adds the results of all 4 workers for that phase, and only those");
        assert_eq!(phases.leaders.len(), 5, "one leader per phase");
        assert!(phases.leaders.iter().all(|&w| w < 4), "each phase's leader is one of the workers, numbered 0 to 3: {:?}", phases.leaders);
    }

    fn every_phase_sums_only_its_own_parts() {
        // Many short phases: a worker that writes its next part before the
        // leader has added up this phase changes this phase's sum.
        let (workers, phases) = (4, 1000);
        let result = run_in_phases(workers, phases, |worker, phase| (phase * 100 + worker) as u64);
        let expected: Vec<u64> = (0..phases).map(|p| (0..workers).map(|w| (p * 100 + w) as u64).sum()).collect();
        let wrong: Vec<usize> = (0..phases).filter(|&p| result.sums.get(p) != expected.get(p)).collect();
        assert!(wrong.is_empty(), "the sums of phases {wrong:?} took in parts of another phase");
        assert_eq!(result.leaders.len(), phases, "one leader per phase");
    }
}
