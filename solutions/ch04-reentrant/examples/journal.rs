//! A recursive function that writes to a locked journal at every level, two
//! ways: a reentrant lock taken again at every level, or a plain lock taken
//! once, at the top, with the recursion working on `&mut` to the data.
//!
//! A book example for chapter 4 ("Rust's `RLock`" and "No reentrancy
//! needed"); it solves none of the exercises. Run it with
//! `cargo run -p ch04-reentrant-solution --example journal`.

use std::cell::RefCell;
use std::sync::{Mutex, PoisonError};

use parking_lot::ReentrantMutex;

// ANCHOR: reentrant
/// Writes `n`, `n - 1`, ..., 1 to the journal, taking its lock at every
/// level of the recursion: the same thread, again and again.
fn count_down_reentrant(journal: &ReentrantMutex<RefCell<Vec<u32>>>, n: u32) {
    let held = journal.lock();
    if n == 0 {
        return;
    }
    // The guard gives `&RefCell`; the `RefCell` borrow lasts this statement
    // only, so it is over before the next level borrows again.
    held.borrow_mut().push(n);
    count_down_reentrant(journal, n - 1);
}
// ANCHOR_END: reentrant

// ANCHOR: lock_once
/// The same, locked once: the public function takes the lock, and the
/// recursion gets `&mut` to the data. It never sees the lock, so it cannot
/// take it again, and the data needs no `RefCell`.
fn count_down_locked_once(journal: &Mutex<Vec<u32>>, n: u32) {
    let mut entries = journal.lock().unwrap_or_else(PoisonError::into_inner);
    write_count_down(&mut entries, n);
}

fn write_count_down(entries: &mut Vec<u32>, n: u32) {
    if n == 0 {
        return;
    }
    entries.push(n);
    write_count_down(entries, n - 1);
}
// ANCHOR_END: lock_once

fn main() {
    let reentrant = ReentrantMutex::new(RefCell::new(Vec::new()));
    count_down_reentrant(&reentrant, 5);
    println!("reentrant, 6 locks: {:?}", reentrant.lock().borrow());

    let plain = Mutex::new(Vec::new());
    count_down_locked_once(&plain, 5);
    println!(
        "plain, 1 lock:      {:?}",
        plain.lock().unwrap_or_else(PoisonError::into_inner)
    );
}
