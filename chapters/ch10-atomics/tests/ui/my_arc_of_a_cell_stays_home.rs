// Lesson: a shared pointer crosses threads only if what it shares may.
//
// Python's objects can be reached from any thread. Rust's `Arc<T>` (and the
// `MyArc<T>` of this chapter) is `Send` only when `T` is `Send + Sync`:
// every clone gives `&T` to its thread, so `T` must be safe to share.
// A `Cell` is not (E0277): two threads could change it at once. `MyArc`'s own
// `unsafe impl Send` carries exactly those bounds; without them, this would
// compile and race.

use ch10_atomics::hand_arc::MyArc;
use std::cell::Cell;
use std::thread;

fn main() {
    let counter = MyArc::new(Cell::new(0_u32));
    let elsewhere = counter.clone();
    let worker = thread::spawn(move || elsewhere.set(elsewhere.get() + 1));
    counter.set(counter.get() + 1);
    worker.join().unwrap();
}
