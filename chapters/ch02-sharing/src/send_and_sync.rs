//! Exercise `send_and_sync` (S2): a log every thread can write to: what makes
//! a type `Send` and `Sync`.
//!
//! In Python any object can be handed to any thread. Rust asks two questions
//! of every type, at compile time:
//!
//! - `Send`: may a value of it be *moved* to another thread?
//! - `Sync`: may two threads *share* it, each holding a `&` to it?
//!
//! The compiler answers them from a type's fields. The [`EventLog`] below is
//! built on `Rc<RefCell<Vec<String>>>`, the single-threaded way to share a
//! value that changes: it compiles, it works on one thread, and its clones
//! share one log. It is neither `Send` nor `Sync`. `Rc`'s reference count is a
//! plain integer: two threads cloning at once could lose an increment and
//! free the log while it is still in use. `RefCell`'s borrow flag is a plain
//! integer too: two threads could both borrow the vector mutably at once.
//! Try it: `thread::spawn(move || log.record("hi"))` does not compile, and
//! the compiler's message names the field that is to blame.
//!
//! Your task: make `EventLog` shareable by threads: `Send`, `Sync` and
//! `Clone`, every clone writing to one log, nothing lost when threads record
//! at the same time, and [`entries`](EventLog::entries) a copy of the entries
//! in the order they were recorded. Change the field and the method bodies
//! (the public API stays). Then write [`spawn_recorder`].
//!
//! `Mutex` comes from the given `crate::sync`: std's, which graded builds make
//! let another thread run right after an unlock. An `unsafe impl Sync for
//! EventLog {}` would compile, but it is a promise to the compiler that the
//! type is safe to share, and over a `RefCell` it is a lie: the tests make
//! threads record at once.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, PoisonError};
use std::thread::{self, JoinHandle};

use crate::sync::Mutex;

/// A log that every thread can record to. Clones share one log.
///
/// The field is the single-threaded version: change it.
#[derive(Debug, Default)]
pub struct EventLog {
    entries: Rc<RefCell<Vec<String>>>,
}

impl EventLog {
    /// An empty log.
    pub fn new() -> Self {
        EventLog::default()
    }

    /// Adds `entry` at the end of the log that this handle and all its
    /// clones share.
    pub fn record(&self, entry: impl Into<String>) {
        // TODO: thread-safe
        self.entries.borrow_mut().push(entry.into());
    }

    /// A copy of the entries so far, in the order they were recorded; the log
    /// keeps them.
    pub fn entries(&self) -> Vec<String> {
        // TODO: thread-safe
        self.entries.borrow().clone()
    }
}

impl Clone for EventLog {
    /// Another handle on the same log (not a copy of its entries).
    fn clone(&self) -> Self {
        // TODO: thread-safe
        EventLog {
            entries: Rc::clone(&self.entries),
        }
    }
}

/// Starts a thread that records each of `entries` to `log`, in order, and
/// returns its handle.
///
/// `entries` is consumed on the new thread: a lazy iterator (a `map` over a
/// range) produces its items there, not on the caller's thread.
pub fn spawn_recorder<I>(log: &EventLog, entries: I) -> JoinHandle<()>
where
    I: IntoIterator<Item = String> + Send + 'static,
{
    // TODO
    todo!("record from a new thread, through a handle on the same log")
}
