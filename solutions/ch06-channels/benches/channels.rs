//! Channel throughput (M8) and a pipeline's pace (M5).
//!
//! Run with `cargo xtask bench ch06-channels` (or `cargo bench -p
//! ch06-channels-solution --bench channels`, which prints the CSV).
//!
//! - `messages` (param: producers): 100 000 numbers from 1 or 4 producer
//!   threads (split evenly) to one consumer, the calling thread, through
//!   std's `channel` and `sync_channel(64)`, crossbeam's `unbounded` and
//!   `bounded(64)`, and this chapter's hand-built channel; the best of 9.
//! - `pace` (param: the middle stage's ms per item): 40 items through three
//!   stages joined by `sync_channel(2)`, the outer stages sleeping 1 ms an
//!   item and the middle one 1 or 3 ms; the best of 3. The time follows the
//!   slowest stage, not the sum.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use ch06_channels::hand_built;
use grading::Measurements;

const MESSAGES: u64 = 100_000;
const PRODUCERS: [u64; 2] = [1, 4];
const SLOTS: usize = 64;
const RUNS: usize = 9;
const PACE_ITEMS: u64 = 40;

/// Starts `producers` threads that send `MESSAGES` numbers between them
/// with `send`, then sums what `receive` yields on this thread until the
/// channel closes. `make` gives the two ends.
fn move_messages<S, R>(
    producers: u64,
    make: impl FnOnce() -> (S, R),
    send: impl Fn(&S, u64) + Sync,
    receive: impl FnOnce(R) -> u64,
) -> u64
where
    S: Clone + Send,
{
    let (sender, receiver) = make();
    thread::scope(|scope| {
        let send = &send;
        for p in 0..producers {
            let sender = sender.clone();
            scope.spawn(move || {
                for n in (p..MESSAGES).step_by(producers as usize) {
                    send(&sender, n);
                }
            });
        }
        drop(sender);
        let total = receive(receiver);
        assert_eq!(total, MESSAGES * (MESSAGES - 1) / 2, "every message once");
        total
    })
}

fn pace(middle: Duration) -> u64 {
    let outer = Duration::from_millis(1);
    let (to_second, from_first) = mpsc::sync_channel(2);
    let (to_third, from_second) = mpsc::sync_channel(2);
    thread::scope(|scope| {
        scope.spawn(move || {
            for n in 0..PACE_ITEMS {
                thread::sleep(outer);
                to_second.send(n).unwrap();
            }
        });
        scope.spawn(move || {
            for n in from_first {
                thread::sleep(middle);
                to_third.send(n).unwrap();
            }
        });
        scope
            .spawn(move || from_second.iter().inspect(|_| thread::sleep(outer)).sum())
            .join()
            .unwrap()
    })
}

fn main() {
    let mut m = Measurements::new("ch06-channels");
    for producers in PRODUCERS {
        m.best_of("messages", "std_channel", producers, RUNS, || {
            move_messages(
                producers,
                mpsc::channel,
                |s, n| s.send(n).unwrap(),
                |r| r.iter().sum(),
            )
        });
        m.best_of("messages", "std_sync_channel", producers, RUNS, || {
            move_messages(
                producers,
                || mpsc::sync_channel(SLOTS),
                |s, n| s.send(n).unwrap(),
                |r| r.iter().sum(),
            )
        });
        m.best_of("messages", "crossbeam_unbounded", producers, RUNS, || {
            move_messages(
                producers,
                crossbeam_channel::unbounded,
                |s, n| s.send(n).unwrap(),
                |r| r.iter().sum(),
            )
        });
        m.best_of("messages", "crossbeam_bounded", producers, RUNS, || {
            move_messages(
                producers,
                || crossbeam_channel::bounded(SLOTS),
                |s, n| s.send(n).unwrap(),
                |r| r.iter().sum(),
            )
        });
        m.best_of("messages", "hand_built", producers, RUNS, || {
            move_messages(
                producers,
                hand_built::channel,
                |s, n| s.send(n).unwrap(),
                |r| r.iter().sum(),
            )
        });
    }
    for middle in [1, 3] {
        m.best_of("pace", "pipeline", middle, 3, || {
            pace(Duration::from_millis(middle))
        });
    }
    m.write();
}
