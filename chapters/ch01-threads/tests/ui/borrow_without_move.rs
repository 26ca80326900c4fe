// Lesson: `thread::spawn` will not take a closure that borrows a local.
//
// A spawned thread may outlive the function that started it, so anything it
// borrows could be gone while it still runs. Rust asks for a closure that owns
// what it uses ('static). Two fixes: `move` the vector into the closure (the
// caller gives it up), or use `thread::scope`, whose threads are joined before
// the scope ends and so may borrow.

use std::thread;

fn main() {
    let downloads = vec!["report.pdf", "photo.jpg"];
    let handle = thread::spawn(|| {
        println!("{} downloads to go", downloads.len());
    });
    handle.join().unwrap();
}
