// Lesson: an `Rc` cannot go to another thread.
//
// `Rc` counts its owners with a plain integer, so two threads cloning and
// dropping it at once could corrupt the count. Rust marks `Rc` as not `Send`,
// and `thread::spawn` only takes closures that are `Send`. Use `Arc`, whose
// count is atomic, to share ownership across threads.

use std::rc::Rc;
use std::thread;

fn main() {
    let settings = Rc::new(String::from("retries=3"));
    let for_the_thread = Rc::clone(&settings);
    let handle = thread::spawn(move || {
        println!("worker sees {for_the_thread}");
    });
    handle.join().unwrap();
}
