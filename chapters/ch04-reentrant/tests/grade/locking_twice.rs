use ch04_reentrant::locking_twice::{lock_within, second_lock_succeeds};
use grading::{Band, timed};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_millis(100);

grading::graded! {
    fn a_free_lock_is_taken_at_once() {
        let lock = Mutex::new(5);
        let (guard, took) = timed(|| lock_within(&lock, Duration::from_secs(3)));
        assert_eq!(guard.map(|g| *g), Some(5), "lock_within takes a free lock and its guard reads the value inside, 5");
        Band::under(Duration::from_millis(1500)).assert_contains("taking a free lock", took);
    }

    fn the_same_thread_cannot_take_a_plain_lock_twice() {
        let lock = Mutex::new(());
        let (succeeded, took) = timed(|| second_lock_succeeds(&lock, PATIENCE));
        assert!(!succeeded, "a std Mutex is not reentrant: the second attempt must fail");
        Band::around(PATIENCE).assert_contains("the second attempt", took);
        assert!(lock.try_lock().is_ok(), "both attempts are over: the lock is free again");
    }

    fn a_zero_patience_still_tries_once() {
        let lock = Mutex::new(5);
        assert_eq!(lock_within(&lock, Duration::ZERO).map(|g| *g), Some(5), "a free lock is taken even with no patience at all");
        let held = lock.lock().unwrap();
        let (outcome, took) = timed(|| lock_within(&lock, Duration::ZERO).is_some());
        assert!(!outcome, "a held lock is not taken");
        Band::under(Duration::from_millis(500)).assert_contains("giving up with no patience", took);
        drop(held);
    }

    fn a_lock_released_in_time_is_taken_soon_after_the_release() {
        let lock = Mutex::new(0);
        thread::scope(|scope| {
            let held = lock.lock().unwrap();
            let waiter = scope.spawn(|| timed(|| lock_within(&lock, Duration::from_secs(3)).map(|mut g| { *g += 1; })));
            thread::sleep(Duration::from_millis(50));
            drop(held);
            let (taken, took) = waiter.join().unwrap();
            assert!(taken.is_some(), "the lock was released well within the patience");
            // Released after 50 ms: waiting out (most of) the 3 s patience is wrong.
            Band::under(Duration::from_millis(1500)).assert_contains("taking a lock released after 50 ms", took);
        });
        assert_eq!(*lock.lock().unwrap(), 1, "the guard lock_within returned must be the lock's own: the waiter's += 1 must show in the lock");
    }

    fn a_lock_held_too_long_is_given_up() {
        let lock = Mutex::new(());
        let held = lock.lock().unwrap();
        thread::scope(|scope| {
            let (outcome, took) = scope.spawn(|| timed(|| lock_within(&lock, PATIENCE).is_some())).join().unwrap();
            assert!(!outcome, "lock_within must return None when the lock stays held for all of its patience");
            Band::around(PATIENCE).assert_contains("waiting for a held lock", took);
        });
        drop(held);
    }

    fn a_poisoned_lock_is_still_taken() {
        let lock = Mutex::new(7);
        thread::scope(|scope| {
            let _ = scope.spawn(|| {
                let _held = lock.lock().unwrap();
                panic!("the test poisons the lock on purpose: this thread panics while holding it");
            }).join();
        });
        assert!(lock.is_poisoned(), "the test's own set-up: a thread that panicked while holding the lock leaves it poisoned");
        assert_eq!(lock_within(&lock, PATIENCE).map(|g| *g), Some(7), "lock_within takes a poisoned lock anyway (TryLockError::Poisoned holds the guard)");
    }

    fn the_second_attempt_fails_on_a_poisoned_lock_too() {
        let lock = Mutex::new(());
        thread::scope(|scope| {
            let _ = scope.spawn(|| {
                let _held = lock.lock().unwrap();
                panic!("the test poisons the lock on purpose: this thread panics while holding it");
            }).join();
        });
        assert!(lock.is_poisoned(), "the test's own set-up: a thread that panicked while holding the lock leaves it poisoned");
        let succeeded = thread::scope(|scope| scope.spawn(|| second_lock_succeeds(&lock, PATIENCE)).join());
        assert_eq!(succeeded.ok(), Some(false), "a poisoned lock is taken all the same the first time, and not a second time");
        assert!(!matches!(lock.try_lock(), Err(std::sync::TryLockError::WouldBlock)), "both attempts are over: the lock is free again");
    }
}
