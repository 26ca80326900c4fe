//! The store-buffer test: weak memory on an ordinary x86 machine.
//!
//! Two threads, two flags, both 0. Thread A sets `x` and then reads `y`;
//! thread B sets `y` and then reads `x`. In any interleaving of the four
//! steps, at least one thread reads a 1: whoever reads second comes after
//! both stores. Yet with `Release` stores and `Acquire` loads both threads
//! can read 0, because each processor core may let its own load go ahead of
//! its store still waiting in the core's store buffer. x86 allows exactly this
//! reordering and no other. Only `SeqCst` on all four operations rules it out.
//!
//! The demo runs many rounds each way and counts the rounds in which both
//! threads read 0. With `SeqCst` the count is always 0; with
//! `Release`/`Acquire` it is usually more than 0 here, and how many depends on
//! the machine and the moment (on a machine with one core, it stays 0).
//!
//! Run with `cargo run --release -p ch10-atomics-solution --example store_buffer`.

use std::hint;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::thread;

const ROUNDS: usize = 20_000;

/// A barrier for two threads that spins (a blocking barrier is too slow to
/// line the threads up within a few nanoseconds of each other).
struct SpinBarrier {
    arrived: AtomicUsize,
    generation: AtomicUsize,
}

impl SpinBarrier {
    fn wait(&self) {
        let generation = self.generation.load(Ordering::SeqCst);
        if self.arrived.fetch_add(1, Ordering::SeqCst) == 1 {
            self.arrived.store(0, Ordering::SeqCst);
            self.generation.fetch_add(1, Ordering::SeqCst);
            return;
        }
        let mut spins = 0_u32;
        while self.generation.load(Ordering::SeqCst) == generation {
            spins += 1;
            if spins.is_multiple_of(1024) {
                // Let the other thread run if it shares our core.
                thread::yield_now();
            } else {
                hint::spin_loop();
            }
        }
    }
}

/// Runs the rounds with `store` and `load` orderings; returns how many
/// rounds ended with both threads reading 0.
fn both_read_zero(store: Ordering, load: Ordering) -> usize {
    let (x, y) = (AtomicBool::new(false), AtomicBool::new(false));
    let b_read = AtomicU32::new(0);
    let barrier = SpinBarrier {
        arrived: AtomicUsize::new(0),
        generation: AtomicUsize::new(0),
    };
    let mut both_zero = 0;
    thread::scope(|scope| {
        // ANCHOR: threads
        scope.spawn(|| {
            for _ in 0..ROUNDS {
                barrier.wait();
                y.store(true, store);
                b_read.store(u32::from(x.load(load)), Ordering::SeqCst);
                barrier.wait();
                barrier.wait();
            }
        });
        for _ in 0..ROUNDS {
            barrier.wait();
            x.store(true, store);
            let a_read = y.load(load);
            barrier.wait();
            if !a_read && b_read.load(Ordering::SeqCst) == 0 {
                both_zero += 1;
            }
            x.store(false, Ordering::SeqCst);
            y.store(false, Ordering::SeqCst);
            barrier.wait();
        }
        // ANCHOR_END: threads
    });
    both_zero
}

fn main() {
    let seq_cst = both_read_zero(Ordering::SeqCst, Ordering::SeqCst);
    println!("SeqCst: both threads read 0 in {seq_cst} of {ROUNDS} rounds");
    let release_acquire = both_read_zero(Ordering::Release, Ordering::Acquire);
    println!(
        "Release/Acquire: both threads read 0 in {release_acquire} of {ROUNDS} rounds \
         (0 is possible too; run it again)"
    );
}
