use ch07_gil::gil::{Gil, GilStats};
use grading::{Band, Gauge, OverlapProbe, run_together, timed, wait_until};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::{CAP, set_or_ended, spin};

const STEP: Duration = Duration::from_micros(20);

/// Runs CPU-bound "bytecode" on `threads` threads under `gil`: each thread
/// acquires the lock once and does `steps` steps, ticking after each. Returns
/// which thread ran each step, in order. A thread that cannot get in gives
/// up after `CAP` (so a lock that never hands over fails with a message).
fn take_turns(gil: &Gil, threads: usize, steps: usize) -> Vec<usize> {
    let log = Mutex::new(Vec::new());
    run_together(threads, |t| {
        let started = Instant::now();
        let mut guard = gil.acquire();
        for _ in 0..steps {
            if started.elapsed() > CAP {
                break;
            }
            spin(STEP);
            log.lock().unwrap().push(t);
            guard.tick();
        }
    });
    log.into_inner().unwrap()
}

/// How many times the log changes from one thread to another.
fn changes(log: &[usize]) -> usize {
    log.windows(2).filter(|w| w[0] != w[1]).count()
}

grading::graded! {
    fn one_thread_at_a_time_runs_under_the_gil() {
        let gil = Gil::new(Duration::from_millis(1));
        let inside = Gauge::new();
        // Two threads that ever meet inside a step prove there is no
        // exclusion: the first to arrive waits for a partner (100 ms).
        let probe = OverlapProbe::with_patience(2, Duration::from_millis(100));
        run_together(4, |_| {
            let mut guard = gil.acquire();
            for step in 0..50 {
                {
                    let _in = inside.enter();
                    if step == 0 {
                        probe.arrive();
                    }
                    spin(STEP);
                }
                guard.tick();
            }
        });
        probe.assert_exclusive("the first step of four threads under the GIL");
        assert_eq!(inside.peak(), 1, "two threads ran bytecode at once under the GIL");
        assert_eq!(inside.entries(), 200);
    }

    fn cpu_bound_threads_take_turns() {
        let gil = Gil::new(Duration::from_millis(1));
        let log = take_turns(&gil, 2, 500);
        let stats = gil.stats();
        assert_eq!(log.iter().filter(|&&t| t == 0).count(), 500, "thread 0 did not finish: {stats:?}");
        assert_eq!(log.iter().filter(|&&t| t == 1).count(), 500, "thread 1 did not finish: {stats:?}");
        assert!(
            changes(&log) >= 2,
            "two CPU-bound threads of 10 ms each under a 1 ms switch interval should take turns, \
             but the lock changed hands {} time(s) between steps ({stats:?}): does tick ever let go?",
            changes(&log)
        );
        assert!(stats.switches >= 2, "the statistics count no switches: {stats:?}");
        assert!(stats.forced_drops >= 1, "nobody was asked to drop the lock: {stats:?}");
    }

    fn every_forced_drop_hands_the_lock_to_another_thread() {
        let gil = Gil::new(Duration::from_millis(1));
        take_turns(&gil, 2, 500);
        let stats = gil.stats();
        assert!(stats.forced_drops >= 1, "nobody was asked to drop the lock: {stats:?}");
        assert!(
            stats.switches >= stats.forced_drops,
            "the lock was dropped on request {} times but changed hands only {} times: \
             after a forced drop, the thread that dropped it must not take it back before \
             another thread has had it ({stats:?})",
            stats.forced_drops,
            stats.switches
        );
    }

    fn a_waiter_gets_the_lock_after_about_one_interval() {
        let interval = Duration::from_millis(20);
        let gil = Gil::new(interval);
        assert_eq!(gil.switch_interval(), interval);
        let holding = AtomicBool::new(false);
        let waiter_done = AtomicBool::new(false);
        thread::scope(|scope| {
            let holder = scope.spawn(|| {
                let started = Instant::now();
                let mut guard = gil.acquire();
                holding.store(true, Ordering::SeqCst);
                // CPU-bound until the waiter has had its turn.
                while !waiter_done.load(Ordering::SeqCst) && started.elapsed() < CAP {
                    spin(STEP);
                    guard.tick();
                }
            });
            assert!(set_or_ended(&holding, &holder), "the holder thread ended before it held the GIL");
            let (guard, took) = timed(|| gil.acquire());
            waiter_done.store(true, Ordering::SeqCst);
            drop(guard);
            Band::around(interval).assert_contains(
                "getting a 20 ms-interval GIL from a CPU-bound holder",
                took,
            );
        });
        let stats = gil.stats();
        assert_eq!(stats.forced_drops, 1, "{stats:?}");
        assert!(
            stats.waited >= interval.mul_f64(0.99),
            "the waiter waited a whole interval, but the statistics say {:?}",
            stats.waited
        );
    }

    fn a_lone_holder_is_never_interrupted() {
        let gil = Gil::new(Duration::from_millis(1));
        let mut guard = gil.acquire();
        for _ in 0..10_000 {
            guard.tick();
        }
        drop(guard);
        drop(gil.acquire());
        assert_eq!(
            gil.stats(),
            GilStats { acquisitions: 2, switches: 0, forced_drops: 0, waited: gil.stats().waited },
            "with nobody waiting, tick must not hand the lock over, and the same thread \
             taking it again is not a switch"
        );
        thread::scope(|scope| {
            scope.spawn(|| drop(gil.acquire()));
        });
        let stats = gil.stats();
        assert_eq!((stats.acquisitions, stats.switches), (3, 1), "another thread took it: {stats:?}");
    }

    fn dropping_the_guard_lets_a_waiter_in() {
        // An interval far beyond the deadline: the waiter must be woken by the
        // release, not by its own timer.
        let gil = Gil::new(Duration::from_secs(60));
        let guard = gil.acquire();
        let waiting = AtomicUsize::new(0);
        thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                waiting.store(1, Ordering::SeqCst);
                drop(gil.acquire());
            });
            wait_until(|| waiting.load(Ordering::SeqCst) == 1);
            // Give the waiter time to start waiting.
            thread::sleep(Duration::from_millis(50));
            drop(guard);
            waiter.join().unwrap();
        });
        assert_eq!(gil.stats().forced_drops, 0);
    }

    fn acquiring_twice_on_one_thread_panics_instead_of_hanging() {
        let gil = Gil::new(Duration::from_millis(5));
        let result = catch_unwind(AssertUnwindSafe(|| {
            let _first = gil.acquire();
            let _second = gil.acquire();
        }));
        let message = match result {
            Ok(()) => panic!("a second acquire on the same thread returned"),
            Err(payload) => payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default(),
        };
        assert!(message.contains("already holds"), "the panic should say the thread already holds the GIL: {message:?}");
        // The first guard was dropped while unwinding: the lock is free.
        thread::scope(|scope| {
            scope.spawn(|| drop(gil.acquire()));
        });
    }
}
