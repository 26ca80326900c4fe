use ch04_reentrant::reentrant_lock::{ReentrantGuard, ReentrantLock};
use grading::{Band, Gauge, OverlapProbe, run_together};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// What another thread sees of `lock`: its depth there, and whether its
/// `try_lock` gets in.
fn seen_from_another_thread(lock: &ReentrantLock<()>) -> String {
    thread::scope(|scope| {
        scope
            .spawn(|| {
                let depth = lock.depth();
                let took = lock.try_lock().is_some();
                format!(
                    "another thread: depth {depth}, try_lock {}",
                    if took { "takes it" } else { "refused" }
                )
            })
            .join()
            .unwrap_or_else(|_| "another thread: panicked".to_owned())
    })
}

// The guard must stay on the thread that took it: releasing from another
// thread would corrupt the owner record. The lock itself must be shareable
// even around a `Cell`, which is `Send` but not `Sync`.
static_assertions::assert_not_impl_any!(ReentrantGuard<'static, u8>: Send, Sync);
static_assertions::assert_impl_all!(ReentrantLock<Cell<u64>>: Send, Sync);

grading::graded! {
    fn the_owner_can_lock_again_and_depth_counts_the_levels() {
        let lock = ReentrantLock::new(Cell::new(0));
        assert_eq!(lock.depth(), 0, "a new lock is held by nobody: depth is 0");
        let outer = lock.lock();
        let inner = lock.lock();
        assert_eq!(lock.depth(), 2, "the owner took the lock twice: depth is 2");
        thread::scope(|scope| {
            scope.spawn(|| assert_eq!(lock.depth(), 0, "depth counts only the calling thread's levels"));
        });
        inner.set(inner.get() + 1);
        drop(inner);
        assert_eq!(lock.depth(), 1, "dropping the inner guard releases one level: depth goes from 2 to 1");
        assert_eq!(outer.get(), 1, "both guards reach the same value: the inner guard's change shows through the outer one");
        drop(outer);
        assert_eq!(lock.depth(), 0, "dropping the outer guard releases the last level: depth is 0");
    }

    fn depth_through_nested_locks_released_out_of_order() {
        let lock = ReentrantLock::new(());
        let mut trace = vec![format!("new: depth {}", lock.depth())];
        let first = lock.lock();
        trace.push(format!("lock: depth {}", lock.depth()));
        let second = lock.try_lock().expect("the owner may take it again");
        trace.push(format!("try_lock: depth {}", lock.depth()));
        let third = lock.lock();
        trace.push(format!("lock: depth {}", lock.depth()));
        trace.push(seen_from_another_thread(&lock));
        drop(second);
        trace.push(format!("drop the second guard: depth {}", lock.depth()));
        drop(first);
        trace.push(format!("drop the first guard: depth {}", lock.depth()));
        trace.push(seen_from_another_thread(&lock));
        drop(third);
        trace.push(format!("drop the third guard: depth {}", lock.depth()));
        trace.push(seen_from_another_thread(&lock));
        trace.push(format!("afterwards: depth {}", lock.depth()));
        insta::assert_snapshot!("depth_through_nested_locks", trace.join("\n"));
    }

    fn a_waiter_takes_the_lock_soon_after_each_release() {
        let lock = &ReentrantLock::new(());
        let (go, gone) = mpsc::channel::<()>();
        let (took, takes) = mpsc::channel::<Instant>();
        let mut hand_overs = Vec::new();
        thread::scope(|scope| {
            scope.spawn(move || {
                for () in gone {
                    let got_it = {
                        let _mine = lock.lock();
                        Instant::now()
                    };
                    took.send(got_it).unwrap();
                }
            });
            for _ in 0..20 {
                let held = lock.lock();
                go.send(()).unwrap();
                // Meanwhile the other thread starts waiting for the lock.
                thread::sleep(Duration::from_millis(5));
                let released = Instant::now();
                drop(held);
                hand_overs.push(takes.recv().expect("the waiting thread never took the lock").saturating_duration_since(released));
            }
            drop(go);
        });
        // A waiter wakes when the lock is released, not when it next happens
        // to look. The median leaves out a hand-over the machine delayed.
        hand_overs.sort();
        Band::under(Duration::from_millis(20)).assert_contains("a typical hand-over, from a release to the waiter taking the lock,", hand_overs[hand_overs.len() / 2]);
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
        assert_eq!(gauge.peak(), 1, "at most one thread may be inside the lock at a time");
    }

    fn no_wakeup_is_lost_and_no_thread_barges_in_under_contention() {
        const ROUNDS: u64 = 50;
        let lock = ReentrantLock::new(Cell::new(0u64));
        let (inside, overlaps) = (AtomicBool::new(false), AtomicUsize::new(0));
        // Few rounds: the grading build yields after every complete release,
        // and on a machine whose cores are busy each yield may cost a
        // scheduler time slice.
        run_together(8, |_| {
            for _ in 0..ROUNDS {
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
        assert_eq!(lock.lock().get(), 8 * ROUNDS, "every thread's every round counted once");
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
        assert_eq!(lock.lock().len(), 3, "a guard reads the value inside: a vector of 3 items");
        assert_eq!(lock.into_inner(), [1, 2, 3], "into_inner gives back the value the lock was made with");
    }
}
