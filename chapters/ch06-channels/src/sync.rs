//! The locks and condition variables of this chapter. (Given: the same file
//! in your crate and in the solution.)
//!
//! Use these rather than `std::sync`'s: they have std's API and are std
//! underneath. When the chapter is graded (the `grading` feature, on by
//! default, so `cargo test` and `cargo xtask check` use it) they come from
//! `grading::sync`, which makes rare events happen on every run: a wait on a
//! `Condvar` first returns without a notification (a spurious wake-up, which
//! std's documentation allows), another thread gets to run right after an
//! unlock, and the tests can count locks, waits and notifications. Code that
//! waits correctly passes either way. The `shuttle` feature swaps in
//! shuttle's primitives for the model checks of the solution
//! (`cargo xtask model`).

#[cfg(all(feature = "grading", not(feature = "shuttle")))]
pub(crate) use grading::sync::{Condvar, Mutex, MutexGuard};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(any(feature = "grading", feature = "shuttle")))]
pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
