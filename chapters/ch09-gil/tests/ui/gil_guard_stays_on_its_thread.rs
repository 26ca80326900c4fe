// Lesson: holding the GIL is a fact about one thread.
//
// CPython records which thread state holds the lock, and only that thread may
// release it. A `GilGuard` is that fact as a value, so it must not travel:
// it is neither `Send` nor `Sync`. The compiler refuses to move it into
// another thread, where dropping it would release a lock that thread never
// took. Let the other thread call `gil.acquire()` itself.

use ch09_gil::gil::Gil;
use std::thread;
use std::time::Duration;

fn main() {
    let gil = Gil::new(Duration::from_millis(5));
    let guard = gil.acquire();
    thread::scope(|scope| {
        scope.spawn(move || drop(guard));
    });
}
