// Lesson: an `Rc` cannot be moved to another thread.
//
// In Python every object carries a reference count, and any thread may take
// or drop a reference: with the GIL, the interpreter never lets two threads
// change a count at once (the free-threaded build makes the count safe in
// another way, PEP 703). Rust's `Rc` has a plain, non-atomic count, which
// is why it is cheap. If one clone went to another thread, both threads could
// change the count at the same moment, lose an update, and free the value
// while a clone still points to it.
//
// So `Rc` is not `Send`, and `thread::spawn` accepts only closures that are
// `Send`: the compiler refuses the move below. `Arc` (an atomic count) is the
// one to share between threads.

use std::rc::Rc;
use std::thread;

fn main() {
    let config = Rc::new(vec![1, 2, 3]);
    let for_the_worker = Rc::clone(&config);
    let worker = thread::spawn(move || for_the_worker.len());
    println!("{} of {}", worker.join().unwrap(), config.len());
}
