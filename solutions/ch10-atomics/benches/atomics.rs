//! Locks, counters and reference counts built from atomics, against the
//! library ones (O3, O9).
//!
//! Run with `cargo xtask bench ch10-atomics` (or `cargo bench -p
//! ch10-atomics-solution --no-default-features --bench atomics`, which
//! prints the CSV).
//!
//! - `locks_short` and `locks_long` (param: threads): one `u64` incremented
//!   by 1, 2 or 4 threads sharing the increments evenly, each increment made
//!   while holding this chapter's `SpinLock`, std's `Mutex` or parking_lot's
//!   `Mutex`. `locks_short`: 1 000 000 increments, and the increment is all
//!   the lock guards. `locks_long`: 200 000, and the holder also passes the
//!   value through `std::hint::black_box` 100 times first, so the lock is
//!   held longer. With 4 threads on a 2-core machine there are more threads
//!   than cores.
//! - `counters` (param: threads): 2 000 000 `fetch_add`s split between 1, 2
//!   or 4 threads, on one shared `AtomicU64` with `Relaxed` or with
//!   `SeqCst`, and (`per_thread`) with `Relaxed` on one `AtomicU64` per
//!   thread, summed at the end. Every counter has a cache line of its own.
//! - `arc` (param: threads): 2 000 000 clones, each dropped at once, of one
//!   shared `MyArc` (this chapter's) or `std::sync::Arc`, split between 1 or
//!   2 threads.
//!
//! Each case records the best of 5 runs in its group, and in `<group>_cpu`
//! the least processor time the case's threads used in a run, all together:
//! a thread that spins while it waits adds to it, one that sleeps does not,
//! and neither does time the machine gives to other programs, which makes it
//! the steadier figure on a busy machine. The threads of a case wait on a
//! `Barrier` before their loops, so they start together. Every case checks
//! its result (the count, the sum, the reference count left), so a broken
//! lock or counter fails the run instead of timing well.

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

use ch10_atomics::hand_arc::MyArc;
use ch10_atomics::spin_lock::SpinLock;
use grading::Measurements;

const SHORT_INCREMENTS: u64 = 1_000_000;
const LONG_INCREMENTS: u64 = 200_000;
const LONG_WORK: u32 = 100;
const ADDS: u64 = 2_000_000;
const CLONES: u64 = 2_000_000;
const THREADS: [u64; 3] = [1, 2, 4];
const RUNS: usize = 5;

/// The processor time of the threads [`on_threads`] has run since it was
/// last set to 0, in ns.
static THREADS_CPU_NS: AtomicU64 = AtomicU64::new(0);

/// Runs `body(index)` on `threads` new threads, and adds the processor time
/// each used to [`THREADS_CPU_NS`] as it finishes. (Each thread reads its
/// own clock: the process's clock can miss the last few ms of a thread that
/// has ended.) The threads wait on a `Barrier` first, so they start `body`
/// together: a new thread may otherwise wait for a core until an earlier one
/// has finished, and never meet the others.
fn on_threads(threads: u64, body: impl Fn(usize) + Sync) {
    let count = usize::try_from(threads).expect("a few threads");
    let start = Barrier::new(count);
    thread::scope(|scope| {
        for index in 0..count {
            let (start, body) = (&start, &body);
            scope.spawn(move || {
                start.wait();
                body(index);
                THREADS_CPU_NS.fetch_add(
                    u64::try_from(grading::thread_cpu_time().as_nanos()).expect("a few seconds"),
                    Ordering::Relaxed,
                );
            });
        }
    });
}

/// `best_of` for `work`, and beside it, as `<group>_cpu`, the least
/// processor time its threads used in a run, in ms.
fn measure<T>(
    m: &mut Measurements,
    group: &str,
    case: &str,
    threads: u64,
    mut work: impl FnMut() -> T,
) {
    let mut least = u64::MAX;
    m.best_of(group, case, threads, RUNS, || {
        THREADS_CPU_NS.store(0, Ordering::Relaxed);
        let result = work();
        least = least.min(THREADS_CPU_NS.load(Ordering::Relaxed));
        result
    });
    m.record(&format!("{group}_cpu"), case, threads, least as f64 / 1e6);
}

/// The critical section: `work` trips of the value through `black_box`
/// (which the compiler cannot see through), then one increment.
fn critical(count: &mut u64, work: u32) {
    let mut value = *count;
    for _ in 0..work {
        value = black_box(value);
    }
    *count = value + 1;
}

/// `threads` threads sharing `increments` calls of `bump` on `lock`; then
/// checks that `total` finds every one.
fn increment_under<L: Sync>(
    threads: u64,
    increments: u64,
    lock: L,
    bump: impl Fn(&L) + Sync,
    total: impl FnOnce(L) -> u64,
) -> u64 {
    on_threads(threads, |_| {
        for _ in 0..increments / threads {
            bump(&lock);
        }
    });
    let total = total(lock);
    assert_eq!(total, increments, "every increment, once");
    total
}

/// A counter alone on its cache line (128 bytes covers the pair of lines
/// some processors fetch together), so no other data shares it.
#[repr(align(128))]
#[derive(Default)]
struct Padded(AtomicU64);

/// `threads` threads sharing `ADDS` calls of `add` on one counter.
fn shared_counter(threads: u64, add: impl Fn(&AtomicU64) + Sync) -> u64 {
    let counter = Padded::default();
    on_threads(threads, |_| {
        for _ in 0..ADDS / threads {
            add(&counter.0);
        }
    });
    let total = counter.0.into_inner();
    assert_eq!(total, ADDS, "every add, once");
    total
}

/// The same adds, each thread on a counter of its own, summed at the end.
fn per_thread_counters(threads: u64) -> u64 {
    let counters: Vec<Padded> = (0..threads).map(|_| Padded::default()).collect();
    on_threads(threads, |index| {
        let counter = &counters[index].0;
        for _ in 0..ADDS / threads {
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let total = counters.iter().map(|c| c.0.load(Ordering::Relaxed)).sum();
    assert_eq!(total, ADDS, "every add, once");
    total
}

/// `threads` threads sharing `CLONES` clones of `shared`, each dropped at
/// once; `count` reads the reference count afterwards, which must be 1.
fn clone_and_drop<A: Clone + Sync>(threads: u64, shared: A, count: impl Fn(&A) -> usize) -> usize {
    on_threads(threads, |_| {
        for _ in 0..CLONES / threads {
            black_box(shared.clone());
        }
    });
    let left = count(&shared);
    assert_eq!(left, 1, "every clone dropped");
    left
}

fn main() {
    let mut m = Measurements::new("ch10-atomics");
    let lengths = [
        ("locks_short", SHORT_INCREMENTS, 0),
        ("locks_long", LONG_INCREMENTS, LONG_WORK),
    ];
    for (group, increments, work) in lengths {
        for threads in THREADS {
            measure(&mut m, group, "spin_lock", threads, || {
                increment_under(
                    threads,
                    increments,
                    SpinLock::new(0),
                    |lock| critical(&mut lock.lock(), work),
                    SpinLock::into_inner,
                )
            });
            measure(&mut m, group, "std_mutex", threads, || {
                increment_under(
                    threads,
                    increments,
                    Mutex::new(0),
                    |lock| critical(&mut lock.lock().unwrap(), work),
                    |lock| lock.into_inner().unwrap(),
                )
            });
            measure(&mut m, group, "parking_lot", threads, || {
                increment_under(
                    threads,
                    increments,
                    parking_lot::Mutex::new(0),
                    |lock| critical(&mut lock.lock(), work),
                    parking_lot::Mutex::into_inner,
                )
            });
        }
    }
    for threads in THREADS {
        measure(&mut m, "counters", "relaxed", threads, || {
            shared_counter(threads, |c| {
                c.fetch_add(1, Ordering::Relaxed);
            })
        });
        measure(&mut m, "counters", "seq_cst", threads, || {
            shared_counter(threads, |c| {
                c.fetch_add(1, Ordering::SeqCst);
            })
        });
        measure(&mut m, "counters", "per_thread", threads, || {
            per_thread_counters(threads)
        });
    }
    for threads in [1, 2] {
        measure(&mut m, "arc", "my_arc", threads, || {
            clone_and_drop(threads, MyArc::new(0_u64), MyArc::strong_count)
        });
        measure(&mut m, "arc", "std_arc", threads, || {
            clone_and_drop(threads, Arc::new(0_u64), Arc::strong_count)
        });
    }
    m.write();
}
