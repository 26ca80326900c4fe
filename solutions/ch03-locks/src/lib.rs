//! Chapter 3: locks (reference solution).
//!
//! Every module is one exercise; the chapter's tests in
//! `chapters/ch03-locks/tests/` grade this crate and the learner's alike.
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

pub mod bank_account;
pub mod granularity;
pub mod lost_update;
pub mod poisoning;
mod sync;
pub mod taking_turns;
pub mod up_and_down;
