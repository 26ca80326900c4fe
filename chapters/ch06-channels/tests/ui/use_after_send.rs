// Lesson: a value sent down a channel belongs to the receiver.
//
// In Python, `queue.put(batch)` puts a reference to `batch` in the queue; the
// producer still holds the same list and can append to it while the consumer
// reads it, and nothing stops the two from seeing each other's changes
// half-way. In Rust, `send` takes the value itself: ownership moves with the
// message. The producer cannot touch it afterwards, so the consumer owns it
// alone, without a copy and without a lock.
//
// Using the batch after sending it is a use of a moved value (E0382). Send a
// clone if both sides need it, or build a new batch.

use std::sync::mpsc;
use std::thread;

fn main() {
    let (sender, receiver) = mpsc::channel::<Vec<u32>>();
    let consumer = thread::spawn(move || receiver.recv().unwrap().len());
    let mut batch = vec![1, 2, 3];
    sender.send(batch).unwrap();
    batch.push(4);
    println!("{}", consumer.join().unwrap());
}
