//! The primitives `ReentrantLock` is built on: `std`'s, or shuttle's when the
//! `shuttle` feature is on, so the model checker can explore every hand-over
//! (`tests/model.rs`). Nothing else in the crate changes.

#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::{Condvar, Mutex, MutexGuard};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::thread::{self, ThreadId};
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::thread::{self, ThreadId};
