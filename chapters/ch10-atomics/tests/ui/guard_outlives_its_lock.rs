// Lesson: a guard cannot outlive the lock it holds.
//
// A Python `with lock:` block ends where its indentation ends, but nothing
// stops you from keeping a reference to the protected data and using it after
// the block. In Rust the guard borrows the lock: the data is reachable only
// through the guard, and the guard only while the lock lives (E0597: the
// lock is dropped at the end of the block while the guard still borrows it).
// The spin lock you build in this chapter gets the same protection from its
// `SpinGuard<'a, T>`, for free.

use std::sync::Mutex;

fn main() {
    let guard;
    {
        let lock = Mutex::new(vec![1, 2, 3]);
        guard = lock.lock().unwrap();
    }
    println!("{:?}", *guard);
}
