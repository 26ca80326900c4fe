//! Exercise `cost` (T10, T11): split CPU-bound work over threads.
//!
//! In CPython with the GIL (the default build), threads take turns holding
//! the global interpreter lock, so a computation split over threads is no
//! faster than one thread. Rust threads run on all the logical CPUs at once, so the same split really is faster, once each
//! thread has enough work to pay for starting it. The benchmark `cost` in the
//! solution measures both sides of that.
//!
//! Your task: implement [`parallel_sum`].

use std::ops::Range;
use std::thread;

/// Splits `0..len` into at most `parts` contiguous ranges whose lengths differ
/// by at most one; never returns an empty range. (Given.)
///
/// # Examples
///
/// ```
/// use ch01_threads::cost::split_evenly;
/// assert_eq!(split_evenly(10, 4), vec![0..3, 3..6, 6..8, 8..10]);
/// assert_eq!(split_evenly(2, 4), vec![0..1, 1..2]);
/// ```
///
/// # Panics
///
/// When `parts` is zero.
pub fn split_evenly(len: usize, parts: usize) -> Vec<Range<usize>> {
    assert!(parts > 0, "cannot split into zero parts");
    let parts = parts.min(len);
    let mut ranges = Vec::with_capacity(parts);
    let mut start = 0;
    for i in 0..parts {
        // The first `len % parts` ranges take one extra element.
        let size = len / parts + usize::from(i < len % parts);
        ranges.push(start..start + size);
        start += size;
    }
    ranges
}

// ANCHOR: parallel_sum
/// Sums `f(x)` over `numbers`, splitting the work over `threads` threads that
/// run at the same time, each summing one contiguous part.
///
/// Uses `threads` threads when there are at least that many numbers, and one
/// thread per number otherwise.
///
/// # Panics
///
/// When `threads` is zero, with the message "threads must be at least 1".
pub fn parallel_sum<F>(numbers: &[u64], threads: usize, f: F) -> u64
where
    F: Fn(u64) -> u64 + Sync,
{
    // TODO: one scoped thread per part from `split_evenly`, then add up.
    todo!("sum in parallel")
}
// ANCHOR_END: parallel_sum
