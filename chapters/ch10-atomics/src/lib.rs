//! Chapter 10: atomics and memory ordering (your code).
//!
//! Every module is one exercise; the chapter's tests in
//! `chapters/ch10-atomics/tests/` grade this crate and the learner's alike,
//! with real threads and, in the `loom` build, with loom's models.
//!
//! Atomics and their orderings
//! - [`counters`]: numbered tickets up to a limit, and a high-water mark, without a lock (O1).
//! - [`publish`]: a slot set once and read by any thread: publishing behind a flag (O1, O2, O8).
//!
//! Built from atomics
//! - [`spin_lock`]: a lock on one `AtomicBool`, with a guard (O3).
//! - [`lazy_init`]: one-time initialisation whose waiters sleep on a futex (O4, O7).
//! - [`hand_arc`]: an `Arc` by hand, and the orderings of its last drop (O5).
//! - [`ring`]: a lock-free ring buffer for one producer and one consumer (O6).

pub mod counters;
pub mod hand_arc;
pub mod lazy_init;
pub mod publish;
pub mod ring;
pub mod spin_lock;
pub mod sync;
