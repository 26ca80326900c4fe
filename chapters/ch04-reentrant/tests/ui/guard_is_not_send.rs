// Lesson: a guard cannot be released by a thread that does not own the lock.
//
// Python's RLock raises RuntimeError when a thread releases a lock it does not
// own. In Rust the mistake cannot be written. Releasing is dropping the
// guard, and `ReentrantGuard` is not `Send`: it cannot move to another thread,
// so it is always dropped by the thread that took it. (std's `MutexGuard` is
// not `Send` either, for the same reason.)

use ch04_reentrant::reentrant_lock::ReentrantLock;
use std::thread;

fn main() {
    let lock = ReentrantLock::new(0);
    thread::scope(|scope| {
        let guard = lock.lock();
        scope.spawn(move || drop(guard));
    });
}
