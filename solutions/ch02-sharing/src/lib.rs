//! Chapter 2: sharing between threads (reference solution).
//!
//! Every module is one exercise; the chapter's tests in
//! `chapters/ch02-sharing/tests/` grade this crate and the learner's alike.
//!
//! - [`shared_config`]: one configuration for every worker: `Arc`, a borrow, never a copy (S1, S3).
//! - [`send_and_sync`]: a log every thread can write to: what makes a type `Send` and `Sync` (S2).
//! - [`lazy_global`]: a registry built exactly once, however many threads ask first (S4).
//! - [`per_thread`]: counts kept per thread with `thread_local!`, merged at the end (S5).
//! - [`snapshots`]: read-mostly data: an `RwLock` and copy-on-write snapshots (S6).
//! - [`check_then_act`]: spot the bug: seats booked twice (S8).
//!
//! Given
//! - `sync`: the locks to use: `std`'s, which the grading build makes give
//!   way to another thread right after an unlock (the file says why).

pub mod check_then_act;
pub mod lazy_global;
pub mod per_thread;
pub mod send_and_sync;
pub mod shared_config;
pub mod snapshots;
mod sync;
