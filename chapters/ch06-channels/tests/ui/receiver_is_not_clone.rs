// Lesson: std's receiver has one owner; there is no second one to clone.
//
// Several Python threads may call `get()` on one `queue.Queue`, and each item
// goes to one of them. `std::sync::mpsc` means "multi-producer, single
// consumer": `Sender` is `Clone`, `Receiver` is not, so you cannot hand each
// worker a receiver of its own (E0599: no `clone` for `Receiver`).
//
// Two ways out: crossbeam's channel, whose `Receiver` is `Clone` (multi-
// consumer), or one std receiver behind a `Mutex`, which the workers lock
// only to take a job.

use std::sync::mpsc;
use std::thread;

fn main() {
    let (sender, receiver) = mpsc::channel::<u32>();
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let jobs = receiver.clone();
            thread::spawn(move || jobs.iter().count())
        })
        .collect();
    drop(sender);
    for worker in workers {
        worker.join().unwrap();
    }
}
