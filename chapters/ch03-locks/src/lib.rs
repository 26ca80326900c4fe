//! Chapter 3: locks. Your code goes here.
//!
//! Each module is one exercise: read its doc comment, replace every `todo!()`,
//! and grade your work with `cargo xtask check ch03-locks`. `cargo xtask hint
//! <exercise>` nudges you one step; the book's chapter "Locks" tells the story.
//!
//! Losing updates, and not losing them
//! - [`lost_update`]: a slow read-modify-write under one lock (L1).
//! - [`up_and_down`]: a counter with `incr` and `decr` behind its own lock (L2, L3).
//! - [`bank_account`]: deposits that stay exact, and a lock released by a panic (L4, L5).
//!
//! How much to lock
//! - [`granularity`]: the same sum four ways, from a lock per item to no lock at all (L6, L7).
//! - [`taking_turns`]: threads taking one lock in turn, with a log to prove it (L8).
//! - [`poisoning`]: recovering data after a holder panicked; `parking_lot` does not poison (L9).
//!
//! Given
//! - `sync`: the locks and condition variables to use: `std`'s, which the
//!   grading build makes wake up spuriously on purpose (the file says why).

pub mod bank_account;
pub mod granularity;
pub mod lost_update;
pub mod poisoning;
mod sync;
pub mod taking_turns;
pub mod up_and_down;
