//! A thousand threads each read a count, pause a millisecond, and write back
//! one more: once without a lock, once with one.
//!
//! Run it with `cargo run -p ch03-locks-solution --example racy_counter`. The
//! racy count comes out far below 1000, and differs from run to run; the
//! locked count is always 1000, and takes about a thousand pauses, one after
//! another.

use std::thread;
use std::time::{Duration, Instant};

use ch03_locks::lost_update::{Counter, RacyCounter, in_threads};

const THREADS: usize = 1000;
const PAUSE: Duration = Duration::from_millis(1);

// ANCHOR: demo
fn main() {
    let racy = RacyCounter::new();
    let started = Instant::now();
    in_threads(THREADS, || racy.increment_slowly(|| thread::sleep(PAUSE)));
    println!(
        "racy:   {} of {THREADS} increments counted in {:?}",
        racy.get(),
        started.elapsed()
    );

    let locked = Counter::new();
    let started = Instant::now();
    in_threads(THREADS, || locked.increment_slowly(|| thread::sleep(PAUSE)));
    println!(
        "locked: {} of {THREADS} increments counted in {:?}",
        locked.get(),
        started.elapsed()
    );
}
// ANCHOR_END: demo
