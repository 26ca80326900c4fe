//! Tests for `lazy_init`: one initialiser among many callers, waiters that
//! sleep (no processor time) and all wake, a panicking initialiser that lets
//! the next caller try, and under loom, that every caller sees the value the
//! initialiser published.

use ch10_atomics::lazy_init::OnceCell;

#[cfg(not(feature = "loom"))]
use std::sync::atomic::{AtomicUsize, Ordering};
#[cfg(not(feature = "loom"))]
use std::thread;
#[cfg(not(feature = "loom"))]
use std::time::Duration;

#[cfg(not(feature = "loom"))]
grading::graded! {
    fn get_is_none_before_and_the_value_after() {
        let cell = OnceCell::new();
        assert_eq!(cell.get(), None, "nothing is there before the first get_or_init");
        assert_eq!(cell.get_or_init(|| String::from("made")), "made", "the first get_or_init runs its initialiser and returns the value");
        assert_eq!(cell.get().map(String::as_str), Some("made"), "after get_or_init, get gives the value");
        assert_eq!(
            cell.get_or_init(|| String::from("again")),
            "made",
            "a later get_or_init does not run its initialiser"
        );
    }

    fn eight_callers_at_once_run_the_initialiser_once_and_share_its_value() {
        let cell = OnceCell::new();
        let runs = AtomicUsize::new(0);
        let seen = std::sync::Mutex::new(Vec::new());
        grading::run_together(8, |thread| {
            let value: &String = cell.get_or_init(|| {
                runs.fetch_add(1, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(50));
                format!("made by {thread}")
            });
            seen.lock().unwrap().push(value as *const String as usize);
        });
        assert_eq!(runs.load(Ordering::SeqCst), 1, "the initialiser ran more than once");
        let seen = seen.into_inner().unwrap();
        assert!(seen.windows(2).all(|w| w[0] == w[1]), "every caller gets a reference to the one value");
    }

    fn every_waiter_wakes_when_the_value_is_ready() {
        let cell = OnceCell::new();
        thread::scope(|scope| {
            let first = scope.spawn(|| {
                *cell.get_or_init(|| {
                    thread::sleep(Duration::from_millis(200));
                    7
                })
            });
            thread::sleep(Duration::from_millis(30));
            let waiters: Vec<_> = (0..3).map(|_| scope.spawn(|| *cell.get_or_init(|| 0))).collect();
            assert_eq!(first.join().unwrap(), 7, "the first caller gets the value its initialiser made");
            for waiter in waiters {
                assert_eq!(waiter.join().unwrap(), 7, "a waiter got a value of its own: the initialiser ran twice");
            }
        });
    }

    fn waiters_sleep_instead_of_spinning() {
        let cell = OnceCell::new();
        thread::scope(|scope| {
            scope.spawn(|| {
                cell.get_or_init(|| {
                    thread::sleep(Duration::from_millis(400));
                    1
                })
            });
            thread::sleep(Duration::from_millis(30));
            let waiters: Vec<_> = (0..2)
                .map(|_| {
                    scope.spawn(|| {
                        let before = grading::thread_cpu_time();
                        cell.get_or_init(|| 2);
                        grading::thread_cpu_time() - before
                    })
                })
                .collect();
            for waiter in waiters {
                let used = waiter.join().unwrap();
                assert!(
                    used < Duration::from_millis(100),
                    "a waiter used {used:?} of processor time while the initialiser slept for 400 ms: \
                     it spun instead of sleeping in futex::wait"
                );
            }
        });
    }

    fn a_panicking_initialiser_lets_a_waiter_try_in_its_place() {
        let cell = OnceCell::new();
        thread::scope(|scope| {
            let panicker = scope.spawn(|| {
                cell.get_or_init(|| -> u32 {
                    thread::sleep(Duration::from_millis(150));
                    panic!("the initialiser failed (on purpose)")
                });
            });
            thread::sleep(Duration::from_millis(30));
            let waiter = scope.spawn(|| *cell.get_or_init(|| 5));
            assert!(panicker.join().is_err(), "the initialiser's panic reaches its caller");
            assert_eq!(waiter.join().unwrap(), 5, "the waiter runs its own initialiser after the first one panicked");
        });
        let cell = OnceCell::new();
        let failed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            cell.get_or_init(|| -> u32 { panic!("the initialiser failed (on purpose)") });
        }));
        assert!(failed.is_err(), "the initialiser's panic reaches the caller of get_or_init");
        assert_eq!(cell.get(), None, "after a panic the cell is empty");
        assert_eq!(*cell.get_or_init(|| 9), 9, "the next caller initialises it");
    }

    fn the_value_is_dropped_once_with_the_cell() {
        let drops = crate::Drops::default();
        let cell = OnceCell::new();
        cell.get_or_init(|| drops.value(1));
        cell.get_or_init(|| drops.value(2));
        assert_eq!(drops.count(), 0, "the second initialiser never ran, and the value is still there");
        drop(cell);
        assert_eq!(drops.count(), 1, "the cell drops its value once");
    }
}

#[cfg(feature = "loom")]
grading::graded! {
    fn loom_one_initialiser_and_both_callers_see_its_value() {
        crate::model("two threads call get_or_init at once: one initialises, both see its value", || {
            use ch10_atomics::sync::{Arc, AtomicUsize, Ordering, thread};
            let cell = Arc::new(OnceCell::new());
            let runs = Arc::new(AtomicUsize::new(0));
            let other = {
                let (cell, runs) = (Arc::clone(&cell), Arc::clone(&runs));
                thread::spawn(move || {
                    *cell.get_or_init(|| {
                        runs.fetch_add(1, Ordering::Relaxed);
                        2_u64
                    })
                })
            };
            let mine = *cell.get_or_init(|| {
                runs.fetch_add(1, Ordering::Relaxed);
                1_u64
            });
            let theirs = other.join().unwrap();
            assert_eq!(mine, theirs, "the two callers got different values");
            assert_eq!(runs.load(Ordering::Relaxed), 1, "the initialiser ran twice");
        });
    }

    fn loom_get_sees_nothing_or_the_whole_value() {
        crate::model("one thread initialises while another calls get", || {
            use ch10_atomics::sync::{Arc, thread};
            let cell = Arc::new(OnceCell::new());
            let other = {
                let cell = Arc::clone(&cell);
                thread::spawn(move || *cell.get_or_init(|| 3_u64))
            };
            if let Some(value) = cell.get() {
                assert_eq!(*value, 3, "get saw a value that was not the one the initialiser made");
            }
            assert_eq!(other.join().unwrap(), 3, "get_or_init returns the value its initialiser made");
        });
    }
}
