//! Queue throughput (C3): the chapter's `BoundedQueue` against
//! `std::sync::mpsc::sync_channel` and `crossbeam_channel::bounded`.
//!
//! Run with `cargo xtask bench ch05-condvars` (or `cargo bench -p
//! ch05-condvars-solution --bench queues`, which prints the CSV). Each run
//! moves 100 000 numbers from one producer to one consumer through a queue
//! of 1, 8, 64 or 512 slots; `ch05-queues.csv` holds the best of 15 runs of
//! each queue at each capacity.

use std::hint::black_box;
use std::sync::mpsc;
use std::thread;

use ch05_condvars::bounded_queue::BoundedQueue;
use grading::Measurements;

const ITEMS: u64 = 100_000;
const CAPACITIES: [usize; 4] = [1, 8, 64, 512];
const RUNS: usize = 15;

fn bounded_queue(capacity: usize) -> u64 {
    let queue = BoundedQueue::new(capacity);
    thread::scope(|scope| {
        let queue = &queue;
        let consumer = scope.spawn(move || std::iter::from_fn(|| queue.get()).sum::<u64>());
        for n in 0..ITEMS {
            queue.put(black_box(n)).unwrap();
        }
        queue.close();
        consumer.join().unwrap()
    })
}

fn std_sync_channel(capacity: usize) -> u64 {
    let (sender, receiver) = mpsc::sync_channel(capacity);
    thread::scope(|scope| {
        let consumer = scope.spawn(move || receiver.iter().sum::<u64>());
        for n in 0..ITEMS {
            sender.send(black_box(n)).unwrap();
        }
        drop(sender);
        consumer.join().unwrap()
    })
}

fn crossbeam_bounded(capacity: usize) -> u64 {
    let (sender, receiver) = crossbeam_channel::bounded(capacity);
    thread::scope(|scope| {
        let consumer = scope.spawn(move || receiver.iter().sum::<u64>());
        for n in 0..ITEMS {
            sender.send(black_box(n)).unwrap();
        }
        drop(sender);
        consumer.join().unwrap()
    })
}

fn main() {
    let mut m = Measurements::new("ch05-queues");
    let expected = ITEMS * (ITEMS - 1) / 2;
    for capacity in CAPACITIES {
        for (case, queue) in [
            ("crossbeam_bounded", crossbeam_bounded as fn(usize) -> u64),
            ("std_sync_channel", std_sync_channel),
            ("bounded_queue", bounded_queue),
        ] {
            m.best_of("move_100k", case, capacity as u64, RUNS, || {
                assert_eq!(queue(capacity), expected, "{case} lost or duplicated items");
            });
        }
    }
    m.write();
}
