//! A thread that already holds a lock asks for it again, without hanging:
//! `std`'s `try_lock` answers at once, `parking_lot`'s `try_lock_for` after
//! a time limit.
//!
//! A book example for chapter 4 ("Locking twice, safely"); it solves none of
//! the exercises. Run it with
//! `cargo run -p ch04-reentrant-solution --example try_lock_twice`.

use std::sync::{Mutex, TryLockError};
use std::time::{Duration, Instant};

// ANCHOR: try_again
fn main() {
    let door = Mutex::new("the room behind the door");
    let held = door.lock().expect("nobody else uses the door");

    // `door.lock()` here would wait for this very thread to let go: forever,
    // or a panic (std leaves it open). `try_lock` never waits.
    match door.try_lock() {
        Ok(_) => println!("std: taken twice?"),
        Err(TryLockError::WouldBlock) => println!("std: try_lock while holding it: WouldBlock"),
        Err(TryLockError::Poisoned(_)) => println!("std: poisoned"),
    }
    drop(held);
    println!("std: try_lock once let go: {}", door.try_lock().is_ok());

    // parking_lot's mutex has the timed attempt that std's lacks.
    let door = parking_lot::Mutex::new("the room behind the door");
    let _held = door.lock();
    let started = Instant::now();
    let again = door.try_lock_for(Duration::from_millis(50));
    println!(
        "parking_lot: try_lock_for while holding it: {} after {:?}",
        if again.is_some() { "taken" } else { "gave up" },
        started.elapsed()
    );
}
// ANCHOR_END: try_again
