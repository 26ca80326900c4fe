// Lesson: two threads may not change one variable without a lock.
//
// Python lets a thousand threads run `count += 1` on the same integer and
// quietly loses updates. Rust refuses to compile it: a scoped thread that
// changes `count` needs a `&mut` borrow, and only one `&mut` borrow may exist
// at a time. To share and change a value, put it behind a `Mutex` (or use an
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
