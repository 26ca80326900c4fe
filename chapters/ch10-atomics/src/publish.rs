//! Publishing a value behind a flag: a slot written once, by whichever
//! thread gets there first, and read by any thread after (O1, O2, O8).
//!
//! The value lives in an `UnsafeCell`; an atomic `state` says whether it is
//! there yet. The order of two things matters, and it is the whole chapter in
//! small: the writer must finish writing the value *before* readers can see
//! `READY`, and a reader that sees `READY` must see the value that was
//! written. A `Release` store of the flag and an `Acquire` load of it give
//! exactly that: everything the writer did before the store happens before
//! everything the reader does after the load that sees it.
//!
//! With `Relaxed` on either side there is no such promise. An x86 processor
//! keeps it anyway, so no test on this machine would ever fail; loom does
//! not, and shows the read that races with the write.
//!
//! Your task: write `OnceSlot::set` and `OnceSlot::get`. The graded tests race
//! setters on real threads, and run loom models in which a reader must never
//! see the value before it is completely written. Everything without a `//
//! TODO` is given.

use crate::sync::{AtomicU8, Ordering, UnsafeCell};

/// Nothing written yet.
const EMPTY: u8 = 0;
/// A thread won the race and is writing the value.
const WRITING: u8 = 1;
/// The value is written; readers may read it.
const READY: u8 = 2;

/// A slot that can be set once and read from any thread.
#[derive(Debug)]
pub struct OnceSlot<T> {
    state: AtomicU8,
    /// `None` until the winner writes; never written again after `READY`.
    value: UnsafeCell<Option<T>>,
}

// SAFETY: the value is written by exactly one thread (the one whose
// `compare_exchange` moved the state from EMPTY to WRITING), and read only
// after an `Acquire` load saw READY, which the writer stored with `Release`
// after writing. So no read overlaps the write, and a `&OnceSlot<T>` only
// ever hands out `&T`: that needs `T: Sync`, and the value may be set by one
// thread and dropped by another, which needs `T: Send`.
unsafe impl<T: Send + Sync> Sync for OnceSlot<T> {}

impl<T> OnceSlot<T> {
    /// An empty slot.
    pub fn new() -> Self {
        Self {
            state: AtomicU8::new(EMPTY),
            value: UnsafeCell::new(None),
        }
    }

    /// Stores `value` if the slot is empty and nobody else is storing;
    /// otherwise gives it back in `Err`. Exactly one `set` succeeds, however
    /// many threads try at once.
    pub fn set(&self, value: T) -> Result<(), T> {
        // TODO
        todo!()
    }

    /// The value, once a `set` has finished; `None` before (and while the
    /// winner is still writing).
    pub fn get(&self) -> Option<&T> {
        // TODO
        todo!()
    }
}

impl<T> Default for OnceSlot<T> {
    fn default() -> Self {
        Self::new()
    }
}
