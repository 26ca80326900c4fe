use ch03_reentrant::reentrant_lock::{ReentrantGuard, ReentrantLock};
use grading::{Gauge, OverlapProbe, run_together};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::Duration;

// The guard must stay on the thread that took it: releasing from another
// thread would corrupt the owner record. The lock itself must be shareable
// even around a `Cell`, which is `Send` but not `Sync`.
static_assertions::assert_not_impl_any!(ReentrantGuard<'static, u8>: Send, Sync);
static_assertions::assert_impl_all!(ReentrantLock<Cell<u64>>: Send, Sync);

grading::graded! {
    fn the_owner_can_lock_again_and_depth_counts_the_levels() {
        let lock = ReentrantLock::new(Cell::new(0));
        assert_eq!(lock.depth(), 0);
        let outer = lock.lock();
        let inner = lock.lock();
        assert_eq!(lock.depth(), 2);
        thread::scope(|scope| {
            scope.spawn(|| assert_eq!(lock.depth(), 0, "depth counts only the calling thread's levels"));
        });
        inner.set(inner.get() + 1);
        drop(inner);
        assert_eq!(lock.depth(), 1);
        assert_eq!(outer.get(), 1);
        drop(outer);
        assert_eq!(lock.depth(), 0);
    }

    fn another_thread_waits_for_the_outermost_release() {
        let lock = ReentrantLock::new(());
        let log = Mutex::new(Vec::new());
        let note = |event: &str| log.lock().unwrap().push(event.to_owned());
        let (trying, tried) = mpsc::channel();
        thread::scope(|scope| {
            let outer = lock.lock();
            let inner = lock.lock();
            scope.spawn(|| {
                trying.send(()).unwrap();
                let _mine = lock.lock();
                note("other thread took it");
            });
            tried.recv().unwrap();
            // The other thread is blocked now; give a wrong lock every chance
            // to let it in early.
            thread::sleep(Duration::from_millis(30));
            note("inner released");
            drop(inner);
            thread::sleep(Duration::from_millis(30));
            note("outer released");
            drop(outer);
        });
        assert_eq!(
            *log.lock().unwrap(),
            ["inner released", "outer released", "other thread took it"],
            "the other thread must wait for the outermost release"
        );
    }

    fn only_one_thread_is_inside_at_a_time() {
        let lock = ReentrantLock::new(());
        let (gauge, probe) = (Gauge::new(), OverlapProbe::with_patience(2, Duration::from_millis(300)));
        run_together(4, |_| {
            let _outer = lock.lock();
            let _inner = lock.lock();
            let _inside = gauge.enter();
            probe.arrive();
        });
        probe.assert_exclusive("ReentrantLock");
        assert_eq!(gauge.peak(), 1);
    }

    fn no_wakeup_is_lost_and_no_thread_barges_in_under_contention() {
        let lock = ReentrantLock::new(Cell::new(0u64));
        let (inside, overlaps) = (AtomicBool::new(false), AtomicUsize::new(0));
        run_together(8, |_| {
            for _ in 0..2000 {
                let outer = lock.lock();
                if inside.swap(true, Ordering::SeqCst) {
                    overlaps.fetch_add(1, Ordering::SeqCst);
                }
                let inner = lock.lock();
                inner.set(inner.get() + 1);
                drop(inner);
                inside.store(false, Ordering::SeqCst);
                drop(outer);
            }
        });
        assert_eq!(overlaps.load(Ordering::SeqCst), 0, "threads were inside together");
        assert_eq!(lock.lock().get(), 8 * 2000);
    }

    fn try_lock_reenters_for_the_owner_and_refuses_others() {
        let lock = ReentrantLock::new(());
        let held = lock.lock();
        assert!(lock.try_lock().is_some(), "the owner may take it again");
        thread::scope(|scope| {
            assert!(scope.spawn(|| lock.try_lock().is_none()).join().unwrap(), "others may not");
        });
        drop(held);
        thread::scope(|scope| {
            assert!(scope.spawn(|| lock.try_lock().is_some()).join().unwrap(), "a free lock is taken");
        });
    }

    fn into_inner_gives_the_value_back() {
        let lock = ReentrantLock::new(vec![1, 2, 3]);
        assert_eq!(lock.lock().len(), 3);
        assert_eq!(lock.into_inner(), [1, 2, 3]);
    }
}
