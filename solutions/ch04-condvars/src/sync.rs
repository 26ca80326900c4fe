//! The primitives this chapter builds on: `std`'s, or shuttle's when the
//! `shuttle` feature is on, so that `tests/model.rs` can explore every
//! interleaving of the queue, the semaphore and the event.

#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
