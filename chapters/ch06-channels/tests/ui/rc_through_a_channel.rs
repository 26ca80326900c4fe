// Lesson: a channel carries only what may cross threads.
//
// A Python queue takes any object. A Rust channel's `Sender<T>` can go to
// another thread only if `T` is `Send`, because every message it carries
// ends up on the receiving thread. An `Rc` has a plain, non-atomic count
// (chapter 2): a clone arriving on another thread would let two threads
// change the count at once. So the spawn below, which moves a sender of
// `Rc`s to a producer thread, is refused (E0277: `Rc<String>` cannot be sent
// between threads safely).
//
// Send the `String` itself (it moves), or an `Arc<String>` if both sides
// keep it.

use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

fn main() {
    let (sender, receiver) = mpsc::channel::<Rc<String>>();
    let producer = thread::spawn(move || {
        sender.send(Rc::new("hello".to_string())).unwrap();
    });
    producer.join().unwrap();
    println!("{}", receiver.recv().unwrap());
}
