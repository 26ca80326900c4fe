//! rayon and crossbeam on small jobs of their own: a book example for
//! chapter 7's "The real crates".
//!
//! rayon: a parallel iterator counts the primes below 50 000 on the global
//! pool; `join` runs two different counts side by side; a pool of exactly
//! two threads runs the same iterator through `install`. crossbeam: scoped
//! threads borrow a local list of words, and each sends the long words it
//! finds down one channel to the main thread (many senders, one receiver).
//!
//! Run it with `cargo run -p ch07-pools-solution --example ready_made_pools`.

use rayon::prelude::*;

const LIMIT: u64 = 50_000;

/// Whether `n` is prime, by trial division: a little CPU work per number.
fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

// ANCHOR: rayon
/// The primes below `limit`, counted on whatever rayon pool runs this.
fn count_primes(limit: u64) -> usize {
    (0..limit).into_par_iter().filter(|&n| is_prime(n)).count()
}

fn rayon_three_ways() {
    // The global pool: one thread per core, started on first use.
    println!("{} primes below {LIMIT}", count_primes(LIMIT));

    // Fork-join: two closures that may run on two threads; join returns both.
    let (primes, squares) = rayon::join(
        || count_primes(LIMIT / 2),
        || (0..LIMIT / 2).filter(|n| n.isqrt().pow(2) == *n).count(),
    );
    println!("{primes} primes and {squares} squares below {}", LIMIT / 2);

    // A pool of a size you choose; everything inside `install` runs on it.
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("two threads start");
    let (threads, primes) = two.install(|| (rayon::current_num_threads(), count_primes(LIMIT)));
    println!("{primes} primes again, on a pool of {threads}");
}
// ANCHOR_END: rayon

// ANCHOR: crossbeam
/// The words longer than `min_len`, found by `finders` scoped threads that
/// each read a share of `words` and report to one channel.
fn long_words<'a>(words: &[&'a str], finders: usize, min_len: usize) -> Vec<&'a str> {
    let (found, reports) = crossbeam_channel::unbounded();
    let share = words.len().div_ceil(finders.max(1)).max(1);
    crossbeam::scope(|s| {
        for part in words.chunks(share) {
            let found = found.clone();
            // The thread borrows `part` from the caller: the scope outlives it.
            s.spawn(move |_| {
                for word in part.iter().filter(|word| word.len() > min_len) {
                    found
                        .send(*word)
                        .expect("the receiver lives in this function");
                }
            });
        }
    })
    .expect("no finder panics");
    // Every finder has ended, so the channel holds all it will ever hold.
    drop(found);
    reports.try_iter().collect()
}
// ANCHOR_END: crossbeam

fn main() {
    rayon_three_ways();
    let words = "a pool pays the price of starting its threads once and then \
                 reuses them for every job that arrives afterwards"
        .split_whitespace()
        .collect::<Vec<_>>();
    let mut long = long_words(&words, 3, 6);
    long.sort_unstable();
    println!("words longer than six letters: {long:?}");
}
