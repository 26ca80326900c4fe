//! Model checks of the hand-built channels with shuttle.
//!
//! Built only with the `shuttle` feature, which swaps their `Mutex` and
//! `Condvar` for shuttle's (see `src/sync.rs`). Run with
//! `cargo xtask model ch06-channels`, or
//! `cargo test -p ch06-channels-solution --features shuttle --test model`.
//!
//! What shuttle sees here: every interleaving it explores of sends, receives
//! and the drops of either end, and lost wake-ups, as deadlocked schedules (a
//! sender's drop that forgets to wake the receiver fails
//! `the_last_senders_drop_ends_the_receivers_loop` within its first few
//! schedules). What it does not produce: spurious wake-ups and real timeouts;
//! the graded tests cover those with real threads (the grading build's
//! made-up wake-ups, `early_wakeups` for `recv_timeout`).

use std::collections::BTreeSet;

use ch06_channels::hand_built::{Canceled, SendError, channel, oneshot};
use shuttle::scheduler::{PctScheduler, RandomScheduler};
use shuttle::{Config, Runner, thread};

/// Two senders (one a clone) send two messages each while the receiver
/// takes them: each arrives exactly once, each sender's in its order, and
/// the receiver's loop ends when both senders are gone.
fn every_message_arrives_once() {
    let (sender, receiver) = channel();
    let senders: Vec<_> = (0..2u32)
        .map(|id| {
            let sender = sender.clone();
            thread::spawn(move || {
                for n in 0..2 {
                    sender.send(id * 10 + n).unwrap();
                }
            })
        })
        .collect();
    drop(sender);
    let got: Vec<u32> = receiver.iter().collect();
    for sender in senders {
        sender.join().unwrap();
    }
    let unique: BTreeSet<u32> = got.iter().copied().collect();
    assert_eq!(got.len(), 4, "a message was lost or duplicated: {got:?}");
    assert_eq!(unique, BTreeSet::from([0, 1, 10, 11]));
    for id in [0, 10] {
        let own: Vec<u32> = got.iter().copied().filter(|n| n / 10 * 10 == id).collect();
        assert_eq!(
            own,
            [id, id + 1],
            "a sender's messages out of order: {got:?}"
        );
    }
}

/// The receiver waits while the last of two senders is dropped on another
/// thread: it wakes and its loop ends, after the message sent before.
fn the_last_drop_wakes_the_receiver() {
    let (sender, receiver) = channel::<u32>();
    let clone = sender.clone();
    let first = thread::spawn(move || {
        sender.send(1).unwrap();
        drop(sender);
    });
    let second = thread::spawn(move || drop(clone));
    assert_eq!(receiver.iter().collect::<Vec<_>>(), [1]);
    first.join().unwrap();
    second.join().unwrap();
}

/// The receiver is dropped while a sender sends: every send either
/// succeeds (before the drop) or hands its message back (after it), and
/// once one fails, the later ones fail too.
fn a_dropped_receiver_refuses_sends() {
    let (sender, receiver) = channel::<u32>();
    let dropper = thread::spawn(move || drop(receiver));
    let results: Vec<Result<(), SendError<u32>>> = (0..3).map(|n| sender.send(n)).collect();
    dropper.join().unwrap();
    let first_refused = results.iter().position(Result::is_err).unwrap_or(3);
    for (n, result) in results.iter().enumerate() {
        if n < first_refused {
            assert_eq!(*result, Ok(()));
        } else {
            assert_eq!(
                *result,
                Err(SendError(n as u32)),
                "refused sends keep failing"
            );
        }
    }
    assert_eq!(
        sender.send(9),
        Err(SendError(9)),
        "the receiver is gone for good"
    );
}

/// A one-shot sender that sends, or is dropped without sending, on another
/// thread while the receiver waits: the receiver always wakes, with the
/// value or with `Canceled`.
fn the_oneshot_always_wakes_its_receiver() {
    let (sender, receiver) = oneshot::<u32>();
    let (other_sender, other_receiver) = oneshot::<u32>();
    let senders = thread::spawn(move || {
        sender.send(7).unwrap();
        drop(other_sender);
    });
    assert_eq!(receiver.recv(), Ok(7));
    assert_eq!(other_receiver.recv(), Err(Canceled));
    senders.join().unwrap();
}

fn explore(test: fn()) {
    Runner::new(RandomScheduler::new_from_seed(2026, 1000), Config::new()).run(test);
    Runner::new(PctScheduler::new_from_seed(2026, 3, 1000), Config::new()).run(test);
}

#[test]
fn every_message_arrives_exactly_once_in_each_senders_order() {
    explore(every_message_arrives_once);
}

#[test]
fn the_last_senders_drop_ends_the_receivers_loop() {
    explore(the_last_drop_wakes_the_receiver);
}

#[test]
fn a_dropped_receiver_refuses_every_later_send() {
    explore(a_dropped_receiver_refuses_sends);
}

#[test]
fn the_oneshot_receiver_wakes_with_the_value_or_canceled() {
    explore(the_oneshot_always_wakes_its_receiver);
}
