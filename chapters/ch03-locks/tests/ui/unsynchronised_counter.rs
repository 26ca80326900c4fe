// Lesson: two threads may not change one variable without a lock.
//
// In Python, two threads can run `count += 1` on one global with no lock,
// and the program runs. Whether it loses updates depends on the interpreter.
// On CPython 3.10 and later with the GIL (the default build), a thread is
// switched only at calls and backward jumps (python/cpython#18334), so a
// bare `+=` in a loop is in practice not interrupted between its read and its
// write, and the total usually comes out right. The race is still there: it
// loses updates on older versions, on the free-threaded build, and as soon
// as a call sits between the read and the write.
//
// Rust refuses to compile it, on any machine: a scoped thread that changes
// `count` needs a `&mut` borrow, and only one `&mut` borrow may exist at a
// time. To share and change a value, put it behind a `Mutex` (or use an
// atomic); then each thread borrows the lock immutably and takes its turn.

use std::thread;

fn main() {
    let mut count = 0;
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| count += 1);
        }
    });
    println!("{count}");
}
