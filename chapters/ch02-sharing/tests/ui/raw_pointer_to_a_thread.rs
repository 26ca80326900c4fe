// Lesson: a raw pointer cannot be sent to another thread.
//
// Python has no pointers to hand around, only references that keep their
// object alive. A raw pointer (`*mut T`) is an address and nothing else: it
// does not keep the value alive, and it says nothing about who else may be
// using it. The compiler cannot check any of that, so raw pointers are
// neither `Send` nor `Sync`, and a closure that captures one cannot be given
// to `thread::spawn`.
//
// A type that holds a raw pointer may still be made `Send` with
// `unsafe impl Send`: a promise, checked by nobody, that moving it to another
// thread is safe. Here it would be false: the worker would write to `total`
// while `main` is free to read it, with no lock between them.

use std::thread;

fn main() {
    let mut total = 0u64;
    let pointer: *mut u64 = &mut total;
    let worker = thread::spawn(move || unsafe { *pointer += 1 });
    worker.join().unwrap();
    println!("{total}");
}
