//! Where two counters sit in memory, side by side and padded: a book example
//! for chapter 9's "Ways out".
//!
//! Two `AtomicU64`s next to each other are 8 bytes apart, so one 64-byte
//! cache line holds both: two cores that each write only their own counter
//! still take the line away from each other (false sharing).
//! `crossbeam_utils::CachePadded` aligns and pads a value to a cache line of
//! its own; on x86-64 and 64-bit ARM to 128 bytes, because those processors
//! fetch lines in pairs.
//!
//! Run it with `cargo run -p ch09-gil-solution --example cache_lines`.

use std::sync::atomic::AtomicU64;

use crossbeam_utils::CachePadded;

// ANCHOR: pairs
/// Two threads' counters, side by side.
#[derive(Default)]
struct Pair {
    first: AtomicU64,
    second: AtomicU64,
}

/// The same two counters, each on a cache line of its own.
#[derive(Default)]
struct PaddedPair {
    first: CachePadded<AtomicU64>,
    second: CachePadded<AtomicU64>,
}
// ANCHOR_END: pairs

/// Where `value` starts in memory.
fn address<T>(value: &T) -> usize {
    std::ptr::from_ref(value).addr()
}

fn main() {
    let pair = Pair::default();
    let apart = address(&pair.first).abs_diff(address(&pair.second));
    println!(
        "side by side: {apart} bytes apart, {} in all",
        size_of::<Pair>()
    );
    let padded = PaddedPair::default();
    // `*` reaches through the padding to the counter itself.
    let apart = address(&*padded.first).abs_diff(address(&*padded.second));
    println!(
        "padded: {apart} bytes apart, {} in all, each aligned to {} bytes",
        size_of::<PaddedPair>(),
        align_of::<CachePadded<AtomicU64>>()
    );
}
