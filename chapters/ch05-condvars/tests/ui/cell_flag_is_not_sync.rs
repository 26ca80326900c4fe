// Lesson: a plain flag cannot be shared between threads.
//
// A Python "event" made of a global boolean works, more or less, because the
// interpreter never tears a write. Rust refuses to share a `Cell<bool>`
// between threads at all: `Cell` is not `Sync`, since two threads writing it
// at once would be a data race. Share an `AtomicBool` for a flag that is only
// read and written, or a `Mutex<bool>` with a `Condvar` (the exercise
// `event_barrier`) to wait for it without spinning.

use std::cell::Cell;
use std::thread;

fn main() {
    let ready = Cell::new(false);
    thread::scope(|scope| {
        scope.spawn(|| ready.set(true));
        scope.spawn(|| while !ready.get() {});
    });
}
