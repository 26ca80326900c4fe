//! Tests for `spin_lock`: one holder at a time, a guard that unlocks when
//! dropped, a `try_lock` that never waits, and under loom, that each holder
//! sees what the one before it wrote.

use ch10_atomics::spin_lock::SpinLock;

#[cfg(not(feature = "loom"))]
grading::graded! {
    fn four_threads_add_forty_thousand_with_nothing_lost() {
        let lock = SpinLock::new(0_u64);
        grading::run_together(4, |_| {
            for _ in 0..10_000 {
                let mut count = lock.lock();
                // A read and a write, with room between them: only a lock
                // keeps another thread out of it.
                let seen = *count;
                std::hint::black_box(&seen);
                *count = seen + 1;
            }
        });
        assert_eq!(lock.into_inner(), 40_000, "increments were lost: two threads were inside at once");
    }

    fn only_one_thread_is_inside_at_a_time() {
        let lock = SpinLock::new(());
        let gauge = grading::Gauge::new();
        grading::run_together(4, |_| {
            for _ in 0..2_000 {
                let _guard = lock.lock();
                let _inside = gauge.enter();
                for step in 0..20 {
                    std::hint::black_box(step);
                }
            }
        });
        assert_eq!(gauge.peak(), 1, "{} threads held the lock at once", gauge.peak());
        assert_eq!(gauge.entries(), 8_000, "every one of the 8 000 turns went into the locked region");
    }

    fn a_dropped_guard_unlocks_and_the_value_keeps_its_changes() {
        let lock = SpinLock::new(vec![1]);
        lock.lock().push(2);
        // A guard that did not unlock would make this wait for ever.
        lock.lock().push(3);
        assert_eq!(*lock.lock(), vec![1, 2, 3], "both changes made under the lock are kept");
        assert_eq!(lock.into_inner(), vec![1, 2, 3], "into_inner gives the value with its changes");
    }

    fn try_lock_fails_at_once_while_held_and_succeeds_after() {
        let lock = SpinLock::new(5);
        let guard = lock.lock();
        std::thread::scope(|scope| {
            let other = scope.spawn(|| lock.try_lock().map(|value| *value));
            assert_eq!(other.join().unwrap(), None, "try_lock of a held lock gives None, without waiting");
        });
        assert!(lock.try_lock().is_none(), "try_lock on the holder's own thread gives None too");
        drop(guard);
        let mut again = lock.try_lock().expect("try_lock of a free lock takes it");
        *again += 1;
        drop(again);
        assert_eq!(*lock.lock(), 6, "the change made under try_lock is kept");
    }

    fn a_waiter_gets_in_once_the_holder_lets_go() {
        let lock = SpinLock::new(Vec::new());
        std::thread::scope(|scope| {
            let mut guard = lock.lock();
            let waiter = scope.spawn(|| lock.lock().push("waiter"));
            std::thread::sleep(std::time::Duration::from_millis(100));
            guard.push("holder");
            drop(guard);
            waiter.join().unwrap();
        });
        assert_eq!(*lock.lock(), ["holder", "waiter"], "the waiter went in before the holder let go");
    }
}

#[cfg(feature = "loom")]
grading::graded! {
    fn loom_the_next_holder_sees_what_the_last_one_wrote() {
        crate::model("two threads add one under the lock: the count ends at 2", || {
            use ch10_atomics::sync::{Arc, thread};
            let lock = Arc::new(SpinLock::new(0_u32));
            let other = {
                let lock = Arc::clone(&lock);
                thread::spawn(move || *lock.lock() += 1)
            };
            *lock.lock() += 1;
            other.join().unwrap();
            assert_eq!(*lock.lock(), 2, "an increment under the lock was lost");
        });
    }

    fn loom_try_lock_takes_the_lock_properly_too() {
        crate::model("one thread locks, one tries: whoever gets in sees the other's write", || {
            use ch10_atomics::sync::{Arc, thread};
            let lock = Arc::new(SpinLock::new(0_u32));
            let other = {
                let lock = Arc::clone(&lock);
                thread::spawn(move || {
                    if let Some(mut value) = lock.try_lock() {
                        *value += 10;
                    }
                })
            };
            *lock.lock() += 1;
            other.join().unwrap();
            let total = *lock.lock();
            assert!(total == 1 || total == 11, "the count is {total}: an update was lost or doubled");
        });
    }
}
