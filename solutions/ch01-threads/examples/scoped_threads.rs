//! Scoped threads that borrow the caller's data: one pair hands its results
//! back through `join`, the other sorts the caller's vector in place.
//!
//! A book example for chapter 1 ("The Rust way", "Daemons, inverted"); it
//! solves none of the exercises. Run it with
//! `cargo run -p ch01-threads-solution --example scoped_threads`.

use std::thread;

// ANCHOR: lowest_and_highest
/// The lowest and the highest of `readings`, each looked for on a thread of
/// its own; `None` when there are no readings.
///
/// Both threads are started before either is joined, so the two searches run
/// at the same time. They borrow `readings`, which only a scope allows: it
/// joins them before it returns, while `readings` is still alive.
fn lowest_and_highest(readings: &[i32]) -> Option<(i32, i32)> {
    thread::scope(|s| {
        let lowest = s.spawn(|| readings.iter().copied().min());
        let highest = s.spawn(|| readings.iter().copied().max());
        // Each closure's return value comes back through its handle.
        let lowest = lowest.join().expect("the search for the lowest panicked");
        let highest = highest.join().expect("the search for the highest panicked");
        lowest.zip(highest)
    })
}
// ANCHOR_END: lowest_and_highest

// ANCHOR: sort_halves
/// Sorts the first half and the second half of `readings` separately, each
/// on a thread of its own.
///
/// There is no `join` in sight: the scope joins every thread it started
/// before it returns, so when this function returns, both halves are sorted.
fn sort_halves(readings: &mut [i32]) {
    let middle = readings.len() / 2;
    // Two `&mut` that cannot overlap, so each thread may hold one.
    let (front, back) = readings.split_at_mut(middle);
    thread::scope(|s| {
        s.spawn(|| front.sort_unstable());
        s.spawn(|| back.sort_unstable());
    });
}
// ANCHOR_END: sort_halves

fn main() {
    let mut readings = vec![17, -3, 22, 8, 0, 31, -9, 12];
    println!(
        "lowest and highest of {readings:?}: {:?}",
        lowest_and_highest(&readings)
    );
    sort_halves(&mut readings);
    println!("each half sorted: {readings:?}");
}
