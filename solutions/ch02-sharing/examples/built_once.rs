//! Demo: a `static` `OnceLock` that eight racing threads ask for at once is
//! built exactly once, and every thread gets the same value (S4).
//!
//! `cargo run -p ch02-sharing-solution --example built_once`. The build is
//! slow on purpose (20 ms), so all eight threads arrive while it runs; the
//! seven that lose the race wait for the winner's value instead of building
//! their own.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, OnceLock};
use std::thread;
use std::time::Duration;

// ANCHOR: static
/// The prime numbers below 10 000, computed the first time someone asks.
static PRIMES: OnceLock<Vec<u32>> = OnceLock::new();
/// How many times the table was computed: an atomic in a static needs no lock.
static BUILT: AtomicUsize = AtomicUsize::new(0);

fn primes() -> &'static [u32] {
    PRIMES.get_or_init(|| {
        BUILT.fetch_add(1, Ordering::Relaxed);
        thread::sleep(Duration::from_millis(20)); // a slow start-up
        (2..10_000u32)
            .filter(|&n| (2..n).take_while(|d| d * d <= n).all(|d| n % d != 0))
            .collect()
    })
}
// ANCHOR_END: static

fn main() {
    // ANCHOR: race
    let start = Barrier::new(8);
    let addresses: Vec<usize> = thread::scope(|scope| {
        let askers: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    start.wait(); // all eight ask at the same moment
                    primes().as_ptr() as usize
                })
            })
            .collect();
        askers
            .into_iter()
            .map(|asker| asker.join().unwrap())
            .collect()
    });
    // ANCHOR_END: race
    let first = addresses[0];
    println!("8 threads asked at once");
    println!("built {} time(s)", BUILT.load(Ordering::Relaxed));
    println!(
        "every thread got the same table: {}",
        addresses.iter().all(|&address| address == first)
    );
    println!("{} primes below 10 000", primes().len());
}
