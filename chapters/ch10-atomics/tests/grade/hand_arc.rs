//! Tests for `hand_arc`: clones share one value, the count follows clones and
//! drops, the value is dropped exactly once and only after the last clone,
//! `get_mut` only when alone, and under loom, that the last drop and
//! `get_mut` come after every other owner's use.

use ch10_atomics::hand_arc::MyArc;

#[cfg(not(feature = "loom"))]
grading::graded! {
    fn clones_share_one_value_and_the_count_follows_them() {
        let first = MyArc::new(String::from("shared"));
        assert_eq!(MyArc::strong_count(&first), 1, "a new MyArc counts one");
        let second = first.clone();
        assert!(std::ptr::eq(&*first, &*second), "a clone points at the same value, not a copy");
        assert_eq!(*second, "shared", "a clone reads the shared value");
        assert_eq!(MyArc::strong_count(&first), 2, "a clone counts one more");
        let third = second.clone();
        assert_eq!(MyArc::strong_count(&third), 3, "a clone of a clone counts one more again");
        drop(second);
        assert_eq!(MyArc::strong_count(&first), 2, "a drop counts one less");
        drop(third);
        assert_eq!(MyArc::strong_count(&first), 1, "after two drops, one owner is left");
    }

    fn the_value_is_dropped_once_after_the_last_clone() {
        let drops = crate::Drops::default();
        let first = MyArc::new(drops.value(1));
        let second = first.clone();
        drop(first);
        assert_eq!(drops.count(), 0, "the value was dropped while a clone still pointed at it");
        assert_eq!(second.0, 1, "the value is still there");
        drop(second);
        assert_eq!(drops.count(), 1, "the last drop drops the value, once");
    }

    fn clones_dropped_on_four_threads_drop_the_value_once() {
        for _ in 0..100 {
            let drops = crate::Drops::default();
            let shared = MyArc::new(drops.value(7));
            let clones: Vec<MyArc<crate::Counted>> = (0..4).map(|_| shared.clone()).collect();
            drop(shared);
            let clones = std::sync::Mutex::new(clones);
            grading::run_together(4, |_| {
                let mine = clones.lock().unwrap().pop().unwrap();
                let more: Vec<_> = (0..50).map(|_| mine.clone()).collect();
                assert_eq!(mine.0, 7, "every clone reads the shared value");
                drop(more);
                drop(mine);
            });
            assert_eq!(drops.count(), 1, "four threads dropped the last clones: the value must be dropped exactly once");
        }
    }

    fn get_mut_only_for_the_last_owner() {
        let mut first = MyArc::new(vec![1]);
        let second = first.clone();
        assert!(MyArc::get_mut(&mut first).is_none(), "get_mut with another clone alive must give None");
        drop(second);
        MyArc::get_mut(&mut first).expect("the only owner gets a mutable reference").push(2);
        assert_eq!(*first, vec![1, 2], "the change made through get_mut is in the shared value");
    }

    fn a_clone_can_live_on_another_thread() {
        let shared = MyArc::new(vec![1, 2, 3]);
        let elsewhere = shared.clone();
        let sum = std::thread::spawn(move || elsewhere.iter().sum::<i32>()).join().unwrap();
        assert_eq!(sum, 6, "the clone on the other thread read the shared value");
        assert_eq!(MyArc::strong_count(&shared), 1, "the other thread's clone was dropped there");
    }
}

/// A value whose reads and final write loom checks: another owner reads it,
/// and its drop writes to it.
#[cfg(feature = "loom")]
struct Probe {
    value: ch10_atomics::sync::UnsafeCell<u64>,
    drops: ch10_atomics::sync::Arc<ch10_atomics::sync::AtomicUsize>,
}

// SAFETY: `&Probe` only reads; writing needs `&mut Probe` (or its drop), and
// loom reports any write that is not ordered after the reads.
#[cfg(feature = "loom")]
unsafe impl Sync for Probe {}

#[cfg(feature = "loom")]
impl Probe {
    /// A probe holding 5, and the count of its drops.
    fn new() -> (
        Self,
        ch10_atomics::sync::Arc<ch10_atomics::sync::AtomicUsize>,
    ) {
        let drops = ch10_atomics::sync::Arc::new(ch10_atomics::sync::AtomicUsize::new(0));
        let probe = Probe {
            value: ch10_atomics::sync::UnsafeCell::new(5),
            drops: ch10_atomics::sync::Arc::clone(&drops),
        };
        (probe, drops)
    }

    fn read(&self) -> u64 {
        // SAFETY: only shared reads happen while more than one owner lives.
        self.value.with(|value| unsafe { *value })
    }

    fn write(&mut self, new: u64) {
        // SAFETY: `&mut self`: no other reference to the probe exists.
        self.value.with_mut(|value| unsafe { *value = new });
    }
}

#[cfg(feature = "loom")]
impl Drop for Probe {
    fn drop(&mut self) {
        self.write(0);
        self.drops
            .fetch_add(1, ch10_atomics::sync::Ordering::Relaxed);
    }
}

#[cfg(feature = "loom")]
grading::graded! {
    fn loom_the_last_drop_comes_after_every_other_owners_use() {
        crate::model("a thread reads through its clone and drops it while this one drops its own", || {
            use ch10_atomics::sync::thread;
            let (probe, drops) = Probe::new();
            let first = MyArc::new(probe);
            let second = first.clone();
            let other = thread::spawn(move || {
                assert_eq!(second.read(), 5, "the other owner reads the value through its clone");
                drop(second);
            });
            drop(first);
            other.join().unwrap();
            let dropped = drops.load(ch10_atomics::sync::Ordering::Relaxed);
            assert_eq!(dropped, 1, "two owners dropped their clones at once: the value was dropped {dropped} times, not once");
        });
    }

    fn loom_get_mut_comes_after_the_other_owners_use() {
        crate::model("a thread reads through its clone and drops it; this one waits for get_mut and writes", || {
            use ch10_atomics::sync::thread;
            let (probe, _drops) = Probe::new();
            let mut first = MyArc::new(probe);
            let second = first.clone();
            let other = thread::spawn(move || {
                assert_eq!(second.read(), 5, "the other owner reads the value through its clone");
                drop(second);
            });
            while MyArc::get_mut(&mut first).is_none() {
                thread::yield_now();
            }
            MyArc::get_mut(&mut first).unwrap().write(6);
            assert_eq!(first.read(), 6, "the write made through get_mut is in the value");
            other.join().unwrap();
        });
    }
}
