//! Exercise `hand_built` (M7): a one-shot channel and a blocking
//! multi-producer channel, built on a `Mutex` and a `Condvar`.
//!
//! A channel is a queue under a lock, a condition variable for the receiver
//! to sleep on, and two facts the queue alone does not know: how many
//! senders are left, and whether the receiver is still there. Each end's
//! `Drop` updates those facts, and the sender's `Drop` must wake the
//! receiver when it was the last one: a receiver asleep on an empty queue
//! would otherwise sleep for ever, because nothing else will ever notify it.
//! Python's `queue.Queue` has no ends to drop, which is why it needs
//! sentinels or `shutdown()`.
//!
//! Two channels here:
//! - [`oneshot`]: one value, once (like a `concurrent.futures.Future` that
//!   one thread sets and one thread waits for).
//! - [`channel`]: any number of values from any number of senders (`Sender`
//!   is `Clone`) to one receiver, in order per sender, unbounded.
//!
//! The `Mutex` and `Condvar` come from the given `crate::sync`: in the
//! grading build, the first wait of every logical wait returns at once
//! without a notification, so a wait must sit in a loop that checks its
//! condition (or use `wait_while`).
//!
//! Your task: write the bodies marked `TODO`: `send`, `recv`,
//! `recv_timeout` and both `Drop`s of the one-shot; `send`, `clone`, the
//! sender's `Drop`, `recv`, `try_recv` and the receiver's `Drop` of the
//! channel. Everything marked (Given.) is done.

use std::collections::VecDeque;
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use crate::sync::{Condvar, Mutex, MutexGuard};

/// A send to a channel whose receiver is gone; holds the message, which
/// nobody received. (Given.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendError<T>(pub T);

/// The one-shot sender was dropped without sending. (Given.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canceled;

/// Why [`OneshotReceiver::recv_timeout`] returned without a value. (Given.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecvTimeoutError {
    /// No value came in time; the receiver is gone now, so a later send fails.
    Timeout,
    /// The sender was dropped without sending.
    Canceled,
}

/// Why [`Receiver::try_recv`] returned without a message. (Given.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TryRecvError {
    /// No message now, but a sender is still alive.
    Empty,
    /// No message, and every sender is gone: none will ever come.
    Disconnected,
}

// ---------------------------------------------------------------------------
// One-shot

/// What the two ends of a one-shot channel share. (Given.)
#[derive(Debug)]
struct Slot<T> {
    /// The value, between `send` and `recv`.
    value: Option<T>,
    /// Whether the sender still exists (it has not sent or been dropped).
    sender_alive: bool,
    /// Whether the receiver still exists.
    receiver_alive: bool,
}

/// The slot under its lock, and the condition variable the receiver waits
/// on. (Given.)
#[derive(Debug)]
struct OneshotShared<T> {
    slot: Mutex<Slot<T>>,
    changed: Condvar,
}

impl<T> OneshotShared<T> {
    /// Locks the slot; a panic elsewhere does not poison it for us. (Given.)
    fn slot(&self) -> MutexGuard<'_, Slot<T>> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The sending end of a one-shot channel: [`send`](Self::send) consumes it.
#[derive(Debug)]
pub struct OneshotSender<T> {
    shared: Arc<OneshotShared<T>>,
}

/// The receiving end of a one-shot channel.
#[derive(Debug)]
pub struct OneshotReceiver<T> {
    shared: Arc<OneshotShared<T>>,
}

/// A channel for one value. (Given.)
pub fn oneshot<T>() -> (OneshotSender<T>, OneshotReceiver<T>) {
    let shared = Arc::new(OneshotShared {
        slot: Mutex::new(Slot {
            value: None,
            sender_alive: true,
            receiver_alive: true,
        }),
        changed: Condvar::new(),
    });
    (
        OneshotSender {
            shared: Arc::clone(&shared),
        },
        OneshotReceiver { shared },
    )
}

impl<T> OneshotSender<T> {
    /// Hands `value` to the receiver and wakes it. Returns `Err(value)`,
    /// the value itself, when the receiver is gone.
    pub fn send(self, value: T) -> Result<(), T> {
        // TODO
        todo!("oneshot send")
    }
}

impl<T> Drop for OneshotSender<T> {
    /// Marks the sender gone (after a `send`, or without one) and wakes a
    /// waiting receiver.
    fn drop(&mut self) {
        // TODO
    }
}

impl<T> OneshotReceiver<T> {
    /// Waits for the value. Returns `Err(Canceled)` when the sender was
    /// dropped without sending.
    pub fn recv(self) -> Result<T, Canceled> {
        // TODO
        todo!("oneshot recv")
    }

    /// Waits at most `timeout` for the value (one deadline, however often
    /// the wait wakes up early). Returns `Err(Timeout)` when none came in
    /// time, and `Err(Canceled)` when the sender was dropped without sending.
    /// Either way the receiver is used up: a send after a timeout fails.
    pub fn recv_timeout(self, timeout: Duration) -> Result<T, RecvTimeoutError> {
        // TODO
        todo!("oneshot recv timeout")
    }
}

impl<T> Drop for OneshotReceiver<T> {
    /// Marks the receiver gone, so a later `send` fails, and drops a value
    /// sent but never received, at once.
    fn drop(&mut self) {
        // TODO
    }
}

// ---------------------------------------------------------------------------
// Multi-producer channel

/// What every end of a [`channel`] shares. (Given.)
#[derive(Debug)]
struct State<T> {
    /// Messages sent and not yet received, oldest first.
    queue: VecDeque<T>,
    /// How many `Sender`s exist.
    senders: usize,
    /// Whether the `Receiver` still exists.
    receiver_alive: bool,
}

/// The state under its lock, and the condition variable the receiver
/// waits on. (Given.)
#[derive(Debug)]
struct Shared<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
}

impl<T> Shared<T> {
    /// Locks the state; a panic elsewhere does not poison it for us. (Given.)
    fn state(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A sending end; clone it to have more.
#[derive(Debug)]
pub struct Sender<T> {
    shared: Arc<Shared<T>>,
}

/// The one receiving end.
#[derive(Debug)]
pub struct Receiver<T> {
    shared: Arc<Shared<T>>,
}

/// An unbounded multi-producer, single-consumer channel. (Given.)
pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            queue: VecDeque::new(),
            senders: 1,
            receiver_alive: true,
        }),
        changed: Condvar::new(),
    });
    (
        Sender {
            shared: Arc::clone(&shared),
        },
        Receiver { shared },
    )
}

impl<T> Sender<T> {
    /// Queues `value` for the receiver and wakes it. Returns
    /// `Err(SendError(value))` when the receiver is gone.
    pub fn send(&self, value: T) -> Result<(), SendError<T>> {
        // TODO
        todo!("send")
    }
}

impl<T> Clone for Sender<T> {
    /// Another sender on the same channel: the channel stays open until
    /// every one of them is dropped.
    fn clone(&self) -> Self {
        // TODO
        todo!("clone")
    }
}

impl<T> Drop for Sender<T> {
    /// One sender fewer; the last one's drop closes the channel and wakes
    /// the receiver.
    fn drop(&mut self) {
        // TODO
    }
}

impl<T> Receiver<T> {
    /// Waits for the next message. Returns `None` once the queue is empty
    /// and every sender is gone; messages sent before that are all received
    /// first.
    pub fn recv(&self) -> Option<T> {
        // TODO
        todo!("recv")
    }

    /// The next message if there is one now, without waiting.
    pub fn try_recv(&self) -> Result<T, TryRecvError> {
        // TODO
        todo!("try recv")
    }

    /// Every message until the channel closes, like `for x in receiver` on
    /// std's. (Given.)
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        std::iter::from_fn(|| self.recv())
    }
}

impl<T> Drop for Receiver<T> {
    /// Marks the receiver gone, so later sends fail, and drops the messages
    /// still queued, at once: nobody will receive them.
    fn drop(&mut self) {
        // TODO
    }
}
