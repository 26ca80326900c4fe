// Lesson: a `MutexGuard` cannot be moved to another thread.
//
// In Python, a `threading.Lock` acquired by one thread may be released by
// another (an `RLock` may not). Rust's `MutexGuard` is the lock being held:
// dropping it unlocks. Many operating systems require that a mutex be
// unlocked by the thread that locked it, so the guard is not `Send`: the lock
// stays with the thread that took it, and is released there.
//
// To let another thread change the data, share the `Mutex` itself (here a
// `static`, since `Mutex::new` is `const`; or in an `Arc`), and let that
// thread take its own guard.

use std::sync::Mutex;
use std::thread;

static COUNTER: Mutex<u64> = Mutex::new(0);

fn main() {
    let mut guard = COUNTER.lock().unwrap();
    *guard += 1;
    let worker = thread::spawn(move || {
        *guard += 1;
        drop(guard);
    });
    worker.join().unwrap();
    println!("{}", COUNTER.lock().unwrap());
}
