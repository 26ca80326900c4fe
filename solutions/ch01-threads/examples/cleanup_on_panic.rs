//! A value's `Drop` runs when its thread ends, also when the thread panics;
//! `JoinHandle::is_finished` tells whether a thread has ended yet.
//!
//! A book example for chapter 1 ("Alive, joined with a timeout, listed"); it
//! solves none of the exercises. Run it with
//! `cargo run -p ch01-threads-solution --example cleanup_on_panic`: the
//! panic's message on stderr is expected.

use std::thread;
use std::time::Duration;

// ANCHOR: farewell
/// Says goodbye when it is dropped, however its thread ends.
struct Farewell(&'static str);

impl Drop for Farewell {
    fn drop(&mut self) {
        println!("{}: cleaned up", self.0);
    }
}

fn main() {
    let calm = thread::spawn(|| {
        let _farewell = Farewell("calm");
        42
    });
    let clumsy = thread::spawn(|| {
        let _farewell = Farewell("clumsy");
        thread::sleep(Duration::from_millis(50));
        panic!("clumsy tripped");
    });

    // `is_finished` is Python's `not is_alive()`: it answers at once, never
    // waits. The clumsy thread is still asleep, so the answer is `false`.
    println!("clumsy finished yet: {}", clumsy.is_finished());

    println!("calm returned {:?}", calm.join());
    // Unwinding dropped the clumsy thread's `Farewell` too; its `join`
    // reports the panic instead of a value.
    println!("clumsy panicked: {}", clumsy.join().is_err());
}
// ANCHOR_END: farewell
