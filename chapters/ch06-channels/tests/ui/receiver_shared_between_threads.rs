// Lesson: an `Arc` does not make std's receiver shareable.
//
// The next idea after a failed `clone` is to put the receiver in an `Arc`
// and give each worker a handle. An `Arc<T>` can go to another thread only if
// `T` is `Sync`, safe to use from two threads at once, and `Receiver` is not:
// its insides assume a single consumer. The compiler refuses the spawn
// (E0277: `Receiver<u32>` cannot be shared between threads safely).
//
// A `Mutex` around it is what makes one receiver shareable: `Arc<Mutex<
// Receiver<u32>>>`, locked only while taking a job.

use std::sync::Arc;
use std::sync::mpsc;
use std::thread;

fn main() {
    let (sender, receiver) = mpsc::channel::<u32>();
    let receiver = Arc::new(receiver);
    let jobs = Arc::clone(&receiver);
    let worker = thread::spawn(move || jobs.iter().count());
    drop(sender);
    worker.join().unwrap();
}
