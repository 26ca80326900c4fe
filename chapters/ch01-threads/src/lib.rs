//! Chapter 1: threads. Your code goes here.
//!
//! Each module is one exercise: read its doc comment, replace every `todo!()`,
//! and grade your work with `cargo xtask check ch01-threads` (or `cargo xtask
//! watch` to re-grade on every save). `cargo xtask hint <exercise>` nudges you
//! one step; the book's chapter "Threads" tells the story.
//!
//! Starting threads
//! - [`downloads`]: the same waits one after another, then one thread each (T2).
//! - [`arguments`]: move closures, named threads, results through `join` (T3, T6).
//! - [`runnable`]: a thread defined as a type with `run(self)` (T4).
//!
//! Watching and stopping them
//! - [`live_threads`]: a join with a time limit and a register of live threads (T5, T6).
//! - [`stopping`]: a countdown that stops promptly when asked (T8).
//! - [`daemons`]: scoped threads, so no work is lost when a function returns (T7).
//!
//! Getting it right and fast
//! - [`spot_the_bug`]: start them all, then join them all (T9).
//! - [`cost`]: CPU-bound work split over threads (T10, T11).

pub mod arguments;
pub mod cost;
pub mod daemons;
pub mod downloads;
pub mod live_threads;
pub mod runnable;
pub mod spot_the_bug;
pub mod stopping;
