use ch09_gil::gil::Gil;
use grading::{Band, OverlapProbe, run_together, timed, wait_until};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crate::support::{eventually, set_or_ended};

grading::graded! {
    fn four_sleepers_under_the_gil_overlap() {
        let gil = Gil::new(Gil::DEFAULT_INTERVAL);
        let probe = OverlapProbe::new(4);
        let ((), took) = timed(|| {
            run_together(4, |_| {
                let mut guard = gil.acquire();
                guard.allow_threads(|| {
                    probe.arrive();
                    thread::sleep(Duration::from_millis(50));
                });
            });
        });
        probe.assert_overlapped("four threads sleeping inside allow_threads");
        Band::around(Duration::from_millis(50))
            .assert_contains("four 50 ms sleeps under the GIL, released around each", took);
    }

    fn the_lock_is_free_while_the_call_blocks() {
        let gil = Gil::new(Duration::from_millis(1));
        let inside = AtomicBool::new(false);
        let other_ran = AtomicBool::new(false);
        thread::scope(|scope| {
            let blocker = scope.spawn(|| {
                let mut guard = gil.acquire();
                let answer = guard.allow_threads(|| {
                    inside.store(true, Ordering::SeqCst);
                    assert!(
                        eventually(|| other_ran.load(Ordering::SeqCst)),
                        "while this thread blocked inside allow_threads, no other thread could take the GIL"
                    );
                    42
                });
                assert_eq!(answer, 42, "allow_threads returns what the call returned");
            });
            assert!(set_or_ended(&inside, &blocker), "the thread ended before its blocking call began");
            drop(gil.acquire());
            other_ran.store(true, Ordering::SeqCst);
        });
    }

    fn the_lock_is_held_again_afterwards() {
        let gil = Gil::new(Duration::from_millis(1));
        let both_inside = std::sync::Barrier::new(2);
        // With the lock taken back, the first thread out waits here alone
        // (200 ms); without it, both arrive and meet.
        let probe = OverlapProbe::with_patience(2, Duration::from_millis(200));
        run_together(2, |_| {
            let mut guard = gil.acquire();
            guard.allow_threads(|| {
                both_inside.wait();
            });
            probe.arrive();
            guard.tick();
        });
        probe.assert_exclusive("the first step after allow_threads");
    }

    fn a_panic_in_the_call_still_takes_the_lock_back() {
        let gil = Gil::new(Duration::from_millis(1));
        let inside = AtomicBool::new(false);
        let other_holds = AtomicBool::new(false);
        let log = Mutex::new(Vec::new());
        let payload = thread::scope(|scope| {
            let panicker = scope.spawn(|| {
                let mut guard = gil.acquire();
                let result = catch_unwind(AssertUnwindSafe(|| {
                    guard.allow_threads(|| {
                        inside.store(true, Ordering::SeqCst);
                        wait_until(|| other_holds.load(Ordering::SeqCst));
                        panic!("the blocking call failed");
                    })
                }));
                // The guard is ours again only once the other thread let go.
                log.lock().unwrap().push("back after the panic");
                drop(guard);
                result.err().map(|payload| {
                    payload
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_default()
                })
            });
            assert!(set_or_ended(&inside, &panicker), "the thread ended before its blocking call began");
            let guard = gil.acquire();
            other_holds.store(true, Ordering::SeqCst);
            // Give a guard that came back without the lock time to show it.
            thread::sleep(Duration::from_millis(50));
            log.lock().unwrap().push("other thread let go");
            drop(guard);
            panicker.join().unwrap()
        });
        assert_eq!(
            payload.as_deref(),
            Some("the blocking call failed"),
            "the blocking call's own panic should reach the caller of allow_threads, as it is"
        );
        assert_eq!(
            *log.lock().unwrap(),
            ["other thread let go", "back after the panic"],
            "after a panic in the blocking call, allow_threads must still wait for the lock"
        );
        // And the lock is free and consistent afterwards.
        thread::scope(|scope| {
            scope.spawn(|| drop(gil.acquire()));
        });
    }

    fn with_nobody_waiting_the_lock_comes_back_at_once() {
        // A long switch interval: taking a free lock back must not wait for it.
        let gil = Gil::new(Duration::from_secs(1));
        let mut guard = gil.acquire();
        let (answer, took) = timed(|| guard.allow_threads(|| 7));
        assert_eq!(answer, 7, "allow_threads returns what the call returned");
        Band::under(Duration::from_millis(250))
            .assert_contains("an instant call inside allow_threads (a free GIL, 1 s interval)", took);
    }
}
