//! A thread panics while it holds a lock: `std`'s mutex is released and
//! poisoned, `parking_lot`'s is only released.
//!
//! A book example for chapter 3 ("Guards, `with`, and panics" and
//! "Poisoning, and locks that do not poison"); it solves none of the
//! exercises. Run it with
//! `cargo run -p ch03-locks-solution --example after_a_panic`: the two
//! panic messages on stderr are expected.

use std::sync::Mutex;
use std::thread;

// ANCHOR: poisoned
/// A list of scores, and a scorer that panics halfway through an update.
fn std_poisons() {
    let scores = Mutex::new(vec![10, 20]);

    let scorer = thread::scope(|s| {
        s.spawn(|| {
            let mut scores = scores.lock().expect("nobody has panicked yet");
            scores.push(30);
            // The second half of the update never happens: unwinding drops
            // the guard, which releases the lock and poisons it.
            panic!("the scorer tripped before pushing 40");
        })
        .join()
    });
    println!("std: the scorer panicked: {}", scorer.is_err());
    println!("std: poisoned: {}", scores.is_poisoned());

    // `lock()` now returns an `Err`, and the guard is inside it.
    let seen = match scores.lock() {
        Ok(scores) => scores.clone(),
        Err(poisoned) => {
            println!("std: lock() says: {poisoned}");
            poisoned.into_inner().clone()
        }
    };
    println!("std: half an update is there to look at: {seen:?}");

    // Having looked, declare the data sound again.
    scores.clear_poison();
    println!("std: poisoned after clear_poison: {}", scores.is_poisoned());
}
// ANCHOR_END: poisoned

// ANCHOR: not_poisoned
/// The same scorer with `parking_lot::Mutex`, which has no poisoning.
fn parking_lot_does_not() {
    let scores = parking_lot::Mutex::new(vec![10, 20]);

    let scorer = thread::scope(|s| {
        s.spawn(|| {
            // No `Result` to unwrap: `lock()` returns the guard itself.
            let mut scores = scores.lock();
            scores.push(30);
            panic!("the scorer tripped before pushing 40");
        })
        .join()
    });
    println!("parking_lot: the scorer panicked: {}", scorer.is_err());
    // The next `lock()` just succeeds; nothing says that a holder panicked.
    println!("parking_lot: {:?}", *scores.lock());
}
// ANCHOR_END: not_poisoned

fn main() {
    std_poisons();
    parking_lot_does_not();
}
