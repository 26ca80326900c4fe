// Lesson: `std`'s condition variable waits on `std`'s mutex guard only.
//
// Python's `Condition` can wrap any lock. `std::sync::Condvar::wait` takes a
// `std::sync::MutexGuard`, because waiting must release exactly that mutex and
// take it back on waking. A `parking_lot` guard is a different type, so this
// does not compile; `parking_lot` has its own `Condvar` for its own mutex.

use std::sync::Condvar;

fn main() {
    let ready = parking_lot::Mutex::new(false);
    let changed = Condvar::new();
    let guard = ready.lock();
    let _guard = changed.wait(guard);
}
