//! Scoped threads that borrow the caller's data: one pair hands its results
//! back through `join`, the other writes into the caller's vector in place.
//!
//! A book example for chapter 1 ("The Rust way", "Daemons, inverted"); it
//! solves none of the exercises. Run it with
//! `cargo run -p ch01-threads-solution --example scoped_threads`.

use std::thread;

// ANCHOR: sum_in_halves
/// Sums `numbers` on two threads, one per half.
///
/// Both threads are started before either is joined, so the halves are
/// summed at the same time. They borrow `numbers`, which only a scope allows:
/// it joins them before it returns, while `numbers` is still alive.
fn sum_in_halves(numbers: &[u64]) -> u64 {
    let (left, right) = numbers.split_at(numbers.len() / 2);
    thread::scope(|s| {
        let left_sum = s.spawn(|| left.iter().sum::<u64>());
        let right_sum = s.spawn(|| right.iter().sum::<u64>());
        // Each closure's return value comes back through its handle.
        let left_sum = left_sum.join().expect("the left half panicked");
        let right_sum = right_sum.join().expect("the right half panicked");
        left_sum + right_sum
    })
}
// ANCHOR_END: sum_in_halves

// ANCHOR: double_in_place
/// Doubles every number, one thread per run of four.
///
/// There is no `join` in sight: the scope joins every thread it started
/// before it returns, so when this function returns, every number is doubled.
fn double_in_place(numbers: &mut [u64]) {
    thread::scope(|s| {
        for run in numbers.chunks_mut(4) {
            // Each thread borrows its own run mutably; no two runs overlap.
            s.spawn(move || run.iter_mut().for_each(|n| *n *= 2));
        }
    });
}
// ANCHOR_END: double_in_place

fn main() {
    let mut numbers: Vec<u64> = (1..=10).collect();
    println!("sum of {numbers:?} in halves: {}", sum_in_halves(&numbers));
    double_in_place(&mut numbers);
    println!("doubled in place: {numbers:?}");
}
