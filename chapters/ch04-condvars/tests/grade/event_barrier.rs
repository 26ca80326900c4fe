use ch04_condvars::event_barrier::{Event, run_in_phases};
use grading::{Band, timed};
use std::sync::Mutex;
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
        assert_eq!(*log.lock().unwrap(), ["set", "woke"]);
        assert!(event.is_set());
    }

    fn set_wakes_every_waiter() {
        let event = Event::new();
        thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| event.wait());
            }
            thread::sleep(Duration::from_millis(20));
            event.set();
        });
    }

    fn wait_timeout_says_whether_it_was_set() {
        let event = Event::new();
        let (set, took) = timed(|| event.wait_timeout(SHORT));
        assert!(!set, "nobody set it");
        Band::around(SHORT).assert_contains("wait_timeout on an unset event", took);
        event.set();
        assert!(event.wait_timeout(SHORT), "a set event answers at once");
        event.clear();
        assert!(!event.is_set());
        assert!(!event.wait_timeout(SHORT), "clear lowered it again");
    }

    fn a_set_during_a_timed_wait_ends_it_early() {
        let event = Event::new();
        thread::scope(|scope| {
            let waiter = scope.spawn(|| timed(|| event.wait_timeout(Duration::from_secs(3))));
            thread::sleep(Duration::from_millis(20));
            event.set();
            let (set, took) = waiter.join().unwrap();
            assert!(set);
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
        assert_eq!(log.len(), 20);
        assert!(log.windows(2).all(|w| w[0] <= w[1]), "a phase began before the last one ended: {log:?}");
        let expected: Vec<u64> = (0..5).map(|p| (0..4).map(|w| (w * 10 + p) as u64).sum()).collect();
        assert_eq!(phases.sums, expected);
        assert_eq!(phases.leaders.len(), 5, "one leader per phase");
        assert!(phases.leaders.iter().all(|&w| w < 4));
    }
}
