//! One pipeline, three queues: two producers send 100 000 numbers through a
//! bounded queue of 64 to two consumers, who add them up.
//!
//! Run it with `cargo run --release -p ch05-condvars-solution --example
//! pipeline`. The queue built in this chapter, `std::sync::mpsc::sync_channel`
//! and `crossbeam_channel::bounded` do the same job; the benchmark `queues`
//! measures them properly.

use std::sync::mpsc;
use std::thread;
use std::time::Instant;

use ch05_condvars::bounded_queue::BoundedQueue;

const ITEMS: u64 = 100_000;
const CAPACITY: usize = 64;

/// The sum every pipeline must arrive at.
fn expected() -> u64 {
    (0..ITEMS).sum()
}

// ANCHOR: pipelines
fn with_our_queue() -> u64 {
    let queue = BoundedQueue::new(CAPACITY);
    let queue = &queue;
    thread::scope(|scope| {
        let producers: Vec<_> = (0..2)
            .map(|p| scope.spawn(move || (p..ITEMS).step_by(2).for_each(|n| queue.put(n).unwrap())))
            .collect();
        let consumers: Vec<_> = (0..2)
            .map(|_| scope.spawn(move || std::iter::from_fn(|| queue.get()).sum::<u64>()))
            .collect();
        producers.into_iter().for_each(|p| p.join().unwrap());
        queue.close();
        consumers.into_iter().map(|c| c.join().unwrap()).sum()
    })
}

fn with_sync_channel() -> u64 {
    // std's receiver cannot be shared, so each consumer gets a channel and
    // each producer one of them: the same four threads, a slightly different
    // shape.
    thread::scope(|scope| {
        let consumers: Vec<_> = (0..2)
            .map(|p| {
                let (sender, receiver) = mpsc::sync_channel(CAPACITY / 2);
                scope.spawn(move || (p..ITEMS).step_by(2).for_each(|n| sender.send(n).unwrap()));
                scope.spawn(move || receiver.iter().sum::<u64>())
            })
            .collect();
        consumers.into_iter().map(|c| c.join().unwrap()).sum()
    })
}

fn with_crossbeam() -> u64 {
    let (sender, receiver) = crossbeam_channel::bounded(CAPACITY);
    thread::scope(|scope| {
        for p in 0..2 {
            let sender = sender.clone();
            scope.spawn(move || (p..ITEMS).step_by(2).for_each(|n| sender.send(n).unwrap()));
        }
        // The consumers stop when every sender is gone: drop the original.
        drop(sender);
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let receiver = receiver.clone();
                scope.spawn(move || receiver.iter().sum::<u64>())
            })
            .collect();
        consumers.into_iter().map(|c| c.join().unwrap()).sum()
    })
}
// ANCHOR_END: pipelines

fn main() {
    for (name, pipeline) in [
        ("BoundedQueue", with_our_queue as fn() -> u64),
        ("sync_channel", with_sync_channel),
        ("crossbeam", with_crossbeam),
    ] {
        let started = Instant::now();
        let sum = pipeline();
        let took = started.elapsed();
        assert_eq!(sum, expected(), "{name} lost or duplicated items");
        println!("{name:<14} {ITEMS} items, sum {sum}, in {took:?}");
    }
}
