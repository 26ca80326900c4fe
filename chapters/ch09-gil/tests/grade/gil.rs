use ch09_gil::gil::{Gil, GilStats};
use grading::{Band, Gauge, OverlapProbe, run_together, timed, wait_until};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::{CAP, set_or_ended, spin};

const STEP: Duration = Duration::from_micros(20);

/// Runs CPU-bound "bytecode" on `threads` threads under `gil`: each thread
/// acquires the lock once and does at least `steps` steps, ticking after
/// each, and goes on until the lock has changed hands twice between steps
/// (on a busy machine that can take longer than the steps). Returns which
/// thread ran each step, in order. A thread gives up after `CAP` (so a lock
/// that never hands over fails with a message).
fn take_turns(gil: &Gil, threads: usize, steps: usize) -> Vec<usize> {
    let log = Mutex::new(Vec::new());
    run_together(threads, |t| {
        let started = Instant::now();
        let mut guard = gil.acquire();
        let mut done = 0;
        while started.elapsed() < CAP {
            if done >= steps && changes(&log.lock().unwrap()) >= 2 {
                break;
            }
            spin(STEP);
            log.lock().unwrap().push(t);
            done += 1;
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
        assert_eq!(inside.entries(), 200, "each of the four threads runs all 50 of its steps under the GIL");
    }

    fn cpu_bound_threads_take_turns() {
        let gil = Gil::new(Duration::from_millis(1));
        let log = take_turns(&gil, 2, 500);
        let stats = gil.stats();
        assert!(log.iter().filter(|&&t| t == 0).count() >= 500, "thread 0 did not finish: {stats:?}");
        assert!(log.iter().filter(|&&t| t == 1).count() >= 500, "thread 1 did not finish: {stats:?}");
        assert!(
            changes(&log) >= 2,
            "two CPU-bound threads of 10 ms each under a 1 ms switch interval should take turns, \
             but in {CAP:?} the lock changed hands {} time(s) between steps ({stats:?}): does tick \
             ever let go?",
            changes(&log)
        );
        assert!(stats.switches >= 2, "the statistics count no switches: {stats:?}");
        assert!(stats.forced_drops >= 1, "nobody was asked to drop the lock: {stats:?}");
    }

    fn every_forced_drop_hands_the_lock_to_another_thread() {
        // Two CPU-bound threads force each other to hand over, again and
        // again: each holds the lock, computes and ticks. This thread checks
        // every one of its own ticks: a tick that dropped the lock on request
        // must also have seen another thread take it before this one got it
        // back.
        let gil = Gil::new(Duration::from_millis(1));
        let rounds = 60;
        let done = AtomicBool::new(false);
        let mut taken_back = 0;
        let mut forced = 0;
        thread::scope(|scope| {
            let mut guard = gil.acquire();
            scope.spawn(|| {
                let mut other = gil.acquire();
                while !done.load(Ordering::SeqCst) {
                    spin(STEP);
                    other.tick();
                }
            });
            let started = Instant::now();
            while forced < rounds && started.elapsed() < CAP {
                spin(STEP);
                let before = gil.stats();
                guard.tick();
                let after = gil.stats();
                let (drops, switches) = (
                    after.forced_drops - before.forced_drops,
                    after.switches - before.switches,
                );
                forced += drops;
                if drops > 0 && switches == 0 {
                    taken_back += 1;
                }
            }
            done.store(true, Ordering::SeqCst);
        });
        let stats = gil.stats();
        assert!(forced >= 1, "nobody was asked to drop the lock: {stats:?}");
        assert_eq!(
            taken_back, 0,
            "{taken_back} of {forced} time(s) a thread dropped the lock on request and took it \
             back itself: after a forced drop, the thread that dropped it must not take it back \
             before another thread has had it ({stats:?})"
        );
    }

    fn a_waiter_gets_the_lock_after_about_one_interval() {
        let interval = Duration::from_millis(20);
        let gil = Gil::new(interval);
        assert_eq!(gil.switch_interval(), interval, "switch_interval() is the interval the Gil was made with");
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
        assert_eq!(
            stats.forced_drops, 1,
            "one waiter asked the CPU-bound holder once, so forced_drops is 1: {stats:?}"
        );
        assert!(
            stats.waited >= interval.mul_f64(0.99),
            "the waiter waited a whole interval, but the statistics say {:?}",
            stats.waited
        );
    }

    fn a_new_holder_gets_a_whole_interval_before_it_is_asked() {
        // Two waiters queue behind this thread, which lets go a third of an
        // interval later. One of them takes the lock and computes; the other
        // one's interval then runs out, but the lock changed hands during it,
        // so it must wait a whole interval more before it asks.
        let interval = Duration::from_millis(300);
        let gil = Gil::new(interval);
        let guard = gil.acquire();
        let first_in = AtomicBool::new(false);
        let second_in = AtomicBool::new(false);
        let asked_at = Mutex::new(None);
        let released_at = thread::scope(|scope| {
            for _ in 0..2 {
                scope.spawn(|| {
                    let mut guard = gil.acquire();
                    if first_in.swap(true, Ordering::SeqCst) {
                        second_in.store(true, Ordering::SeqCst);
                        return;
                    }
                    // CPU-bound until it had to let the other waiter in.
                    let started = Instant::now();
                    while !second_in.load(Ordering::SeqCst) && started.elapsed() < CAP {
                        spin(STEP);
                        guard.tick();
                    }
                    *asked_at.lock().unwrap() = second_in.load(Ordering::SeqCst).then(Instant::now);
                });
            }
            // Give both waiters time to start waiting.
            thread::sleep(interval / 3);
            let released_at = Instant::now();
            drop(guard);
            released_at
        });
        let asked_at = asked_at
            .into_inner()
            .unwrap()
            .expect("the second waiter never got the GIL from a CPU-bound holder that ticks");
        let held = asked_at - released_at;
        assert!(
            held >= interval.mul_f64(0.99),
            "the first waiter to get the GIL had to let go {held:?} after it got it, before a whole \
             {interval:?} interval: a waiter whose interval runs out asks only if one thread held the \
             lock all that time; when it changed hands, the new holder gets a fresh interval"
        );
    }

    fn the_statistics_through_a_few_hand_overs() {
        let gil = Gil::new(Duration::from_millis(5));
        let mut seen = Vec::new();
        let guard = gil.acquire();
        seen.push(("this thread takes the lock", gil.stats()));
        drop(guard);
        let guard = gil.acquire();
        seen.push(("this thread takes it again", gil.stats()));
        drop(guard);
        let other = thread::scope(|scope| {
            scope.spawn(|| {
                let _guard = gil.acquire();
                gil.stats()
            }).join().unwrap()
        });
        seen.push(("another thread takes it", other));
        let mut guard = gil.acquire();
        seen.push(("this thread takes it back", gil.stats()));
        let forced = thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                let _guard = gil.acquire();
                gil.stats()
            });
            // CPU-bound, until the waiter asked for the lock and had it.
            let started = Instant::now();
            while !waiter.is_finished() && started.elapsed() < CAP {
                spin(STEP);
                guard.tick();
            }
            drop(guard);
            waiter.join().unwrap()
        });
        seen.push(("a waiter asks for it and gets it", forced));
        let trace: String = seen
            .iter()
            .map(|(what, stats)| {
                format!(
                    "{what:<34} acquisitions {}, switches {}, forced drops {}\n",
                    stats.acquisitions, stats.switches, stats.forced_drops
                )
            })
            .collect();
        insta::assert_snapshot!(trace);
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
        assert_eq!(
            gil.stats().forced_drops,
            0,
            "the waiter got the lock when the guard was dropped; with no drop request, that is not a forced drop"
        );
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
