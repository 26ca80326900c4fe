// Lesson: a `RefCell` cannot be shared by threads, even inside an `Arc`.
//
// `RefCell` is Rust's "change it through a shared reference, checked at run
// time": it keeps a borrow flag and panics if you borrow it mutably twice.
// The flag is a plain integer, made for one thread. Two threads could both
// read "not borrowed" and both push to the vector at once: the corruption
// that the GIL (or, on the free-threaded build, a lock per list) spares a
// Python list.
//
// An `Arc` shares its contents between threads, so it is `Send` only if the
// contents are `Sync` (safe to use from two threads through `&`). `RefCell`
// is not `Sync`, so `Arc<RefCell<..>>` cannot go to another thread. Use a
// `Mutex` (or an `RwLock`) instead: the lock that the `RefCell` lacks.

use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

fn main() {
    let log = Arc::new(RefCell::new(Vec::new()));
    let for_the_worker = Arc::clone(&log);
    let worker = thread::spawn(move || for_the_worker.borrow_mut().push("from the worker"));
    worker.join().unwrap();
    println!("{:?}", log.borrow());
}
