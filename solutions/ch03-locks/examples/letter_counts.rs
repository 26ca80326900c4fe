//! Counting the letters of a few lines on one thread per line, two ways: one
//! shared map locked for every letter, or one private map per thread merged
//! at the end.
//!
//! A book example for chapter 3 ("How much to lock"); it solves none of the
//! exercises. Run it with
//! `cargo run -p ch03-locks-solution --example letter_counts`.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};
use std::thread;

const LINES: [&str; 3] = [
    "the quick brown fox",
    "jumps over the lazy dog",
    "and the dog sleeps on",
];

// ANCHOR: shared_map
/// Every thread adds each letter it sees to one shared map, under its lock:
/// one lock per letter, and the threads queue for it.
fn count_in_one_shared_map(lines: &[&str]) -> BTreeMap<char, usize> {
    let counts = Mutex::new(BTreeMap::new());
    thread::scope(|s| {
        for line in lines {
            let counts = &counts;
            s.spawn(move || {
                for letter in line.chars().filter(char::is_ascii_alphabetic) {
                    let mut counts = counts.lock().unwrap_or_else(PoisonError::into_inner);
                    *counts.entry(letter).or_insert(0) += 1;
                    // The guard drops here: the lock is held for one letter.
                }
            });
        }
    });
    counts.into_inner().unwrap_or_else(PoisonError::into_inner)
}
// ANCHOR_END: shared_map

// ANCHOR: merge_maps
/// Every thread counts into a map of its own and hands it back through
/// `join`; the caller merges them. Nothing is shared, so nothing is locked.
fn count_then_merge(lines: &[&str]) -> BTreeMap<char, usize> {
    thread::scope(|s| {
        let counters: Vec<_> = lines
            .iter()
            .map(|line| {
                s.spawn(move || {
                    let mut counts = BTreeMap::new();
                    for letter in line.chars().filter(char::is_ascii_alphabetic) {
                        *counts.entry(letter).or_insert(0) += 1;
                    }
                    counts
                })
            })
            .collect();
        let mut total = BTreeMap::new();
        for counter in counters {
            for (letter, n) in counter.join().expect("a counter panicked") {
                *total.entry(letter).or_insert(0) += n;
            }
        }
        total
    })
}
// ANCHOR_END: merge_maps

fn main() {
    let shared = count_in_one_shared_map(&LINES);
    let merged = count_then_merge(&LINES);
    assert_eq!(shared, merged, "both ways count the same letters");
    let counts: Vec<String> = merged.iter().map(|(l, n)| format!("{l}:{n}")).collect();
    println!("{}", counts.join(" "));
}
