//! The locks of this chapter. (Given: the same file in your crate and in the
//! solution.)
//!
//! Use these rather than `std::sync`'s: they have std's API and are std
//! underneath. When the chapter is graded (the `grading` feature, on by
//! default, so `cargo test` and `cargo xtask check` use it) they come from
//! `grading::sync`, which lets another thread run right after an unlock that
//! it was blocked on, and lets the tests count how often a lock was taken.
//! Code that is right passes either way.

#[cfg(feature = "grading")]
pub(crate) use grading::sync::{Mutex, MutexGuard};
#[cfg(not(feature = "grading"))]
pub(crate) use std::sync::{Mutex, MutexGuard};
