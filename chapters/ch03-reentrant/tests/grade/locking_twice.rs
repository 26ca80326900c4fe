use ch03_reentrant::locking_twice::{lock_within, second_lock_succeeds};
use grading::{Band, timed};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_millis(100);

grading::graded! {
    fn a_free_lock_is_taken_at_once() {
        let lock = Mutex::new(5);
        let (guard, took) = timed(|| lock_within(&lock, Duration::from_secs(3)));
        assert_eq!(guard.map(|g| *g), Some(5));
        Band::under(Duration::from_millis(1500)).assert_contains("taking a free lock", took);
    }

    fn the_same_thread_cannot_take_a_plain_lock_twice() {
        let lock = Mutex::new(());
        let (succeeded, took) = timed(|| second_lock_succeeds(&lock, PATIENCE));
        assert!(!succeeded, "a std Mutex is not reentrant: the second attempt must fail");
        Band::around(PATIENCE).assert_contains("the second attempt", took);
        assert!(lock.try_lock().is_ok(), "both attempts are over: the lock is free again");
    }

    fn a_lock_released_in_time_is_taken() {
        let lock = Mutex::new(0);
        thread::scope(|scope| {
            let held = lock.lock().unwrap();
            let waiter = scope.spawn(|| lock_within(&lock, Duration::from_secs(3)).map(|mut g| { *g += 1; }));
            thread::sleep(Duration::from_millis(50));
            drop(held);
            assert!(waiter.join().unwrap().is_some(), "the lock was released well within the patience");
        });
        assert_eq!(*lock.lock().unwrap(), 1);
    }

    fn a_lock_held_too_long_is_given_up() {
        let lock = Mutex::new(());
        let held = lock.lock().unwrap();
        thread::scope(|scope| {
            let (outcome, took) = scope.spawn(|| timed(|| lock_within(&lock, PATIENCE).is_some())).join().unwrap();
            assert!(!outcome);
            Band::around(PATIENCE).assert_contains("waiting for a held lock", took);
        });
        drop(held);
    }

    fn a_poisoned_lock_is_still_taken() {
        let lock = Mutex::new(7);
        thread::scope(|scope| {
            let _ = scope.spawn(|| {
                let _held = lock.lock().unwrap();
                panic!("poison it");
            }).join();
        });
        assert!(lock.is_poisoned());
        assert_eq!(lock_within(&lock, PATIENCE).map(|g| *g), Some(7));
    }
}
