//! Queue throughput (C3): the chapter's `BoundedQueue` against
//! `std::sync::mpsc::sync_channel` and `crossbeam_channel::bounded`.
//!
//! Run with `cargo bench -p ch04-condvars-solution --bench queues`. Each
//! iteration moves 100 000 numbers from one producer to one consumer through
//! a queue of 64 slots. The book quotes ratios from one run.

use std::hint::black_box;
use std::sync::mpsc;
use std::thread;

use ch04_condvars::bounded_queue::BoundedQueue;

fn main() {
    divan::main();
}

const ITEMS: u64 = 100_000;
const CAPACITY: usize = 64;

#[divan::bench(sample_count = 30)]
fn bounded_queue() -> u64 {
    let queue = BoundedQueue::new(CAPACITY);
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

#[divan::bench(sample_count = 30)]
fn std_sync_channel() -> u64 {
    let (sender, receiver) = mpsc::sync_channel(CAPACITY);
    thread::scope(|scope| {
        let consumer = scope.spawn(move || receiver.iter().sum::<u64>());
        for n in 0..ITEMS {
            sender.send(black_box(n)).unwrap();
        }
        drop(sender);
        consumer.join().unwrap()
    })
}

#[divan::bench(sample_count = 30)]
fn crossbeam_bounded() -> u64 {
    let (sender, receiver) = crossbeam_channel::bounded(CAPACITY);
    thread::scope(|scope| {
        let consumer = scope.spawn(move || receiver.iter().sum::<u64>());
        for n in 0..ITEMS {
            sender.send(black_box(n)).unwrap();
        }
        drop(sender);
        consumer.join().unwrap()
    })
}
