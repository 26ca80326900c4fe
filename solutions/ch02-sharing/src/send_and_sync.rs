//! Exercise `send_and_sync` (S2): a log every thread can write to: what makes
//! a type `Send` and `Sync`.
//!
//! In Python any object can be handed to any thread. Rust asks two questions
//! of every type, at compile time:
//!
//! - `Send`: may a value of it be *moved* to another thread?
//! - `Sync`: may two threads *share* it, each holding a `&` to it?
//!
//! `Rc` is neither: its reference count is a plain integer, and two threads
//! cloning at once would lose an increment (and free the value too early).
//! `RefCell` is `Send` but not `Sync`: its borrow flag is a plain integer too,
//! so two threads could both borrow it mutably. An [`EventLog`] built on
//! `Rc<RefCell<Vec<String>>>` works on one thread and cannot be shared; built
//! on `Arc<Mutex<Vec<String>>>` (an atomic count, and a lock instead of a
//! borrow flag) it is `Send` and `Sync`, and every clone writes to one log.
//! The compiler works it out from the fields: no `unsafe impl` is needed, and
//! none would be true of a `RefCell`.

use std::sync::{Arc, PoisonError};
use std::thread::{self, JoinHandle};

use crate::sync::Mutex;

// ANCHOR: event_log
/// A log that every thread can record to. Clones share one log.
#[derive(Debug, Default)]
pub struct EventLog {
    entries: Arc<Mutex<Vec<String>>>,
}

impl EventLog {
    /// An empty log.
    pub fn new() -> Self {
        // ANCHOR: new
        EventLog::default()
        // ANCHOR_END: new
    }

    /// Adds `entry` at the end of the log that this handle and all its
    /// clones share.
    pub fn record(&self, entry: impl Into<String>) {
        // ANCHOR: record
        let entry = entry.into();
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(entry);
        // ANCHOR_END: record
    }

    /// A copy of the entries so far, in the order they were recorded; the log
    /// keeps them.
    pub fn entries(&self) -> Vec<String> {
        // ANCHOR: entries
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        // ANCHOR_END: entries
    }
}

impl Clone for EventLog {
    /// Another handle on the same log (not a copy of its entries).
    fn clone(&self) -> Self {
        // ANCHOR: clone
        EventLog {
            entries: Arc::clone(&self.entries),
        }
        // ANCHOR_END: clone
    }
}
// ANCHOR_END: event_log

// ANCHOR: spawn_recorder
/// Starts a thread that records each of `entries` to `log`, in order, and
/// returns its handle.
///
/// `entries` is consumed on the new thread: a lazy iterator (a `map` over a
/// range) produces its items there, not on the caller's thread.
pub fn spawn_recorder<I>(log: &EventLog, entries: I) -> JoinHandle<()>
where
    I: IntoIterator<Item = String> + Send + 'static,
{
    let log = log.clone();
    thread::spawn(move || {
        for entry in entries {
            log.record(entry);
        }
    })
}
// ANCHOR_END: spawn_recorder
