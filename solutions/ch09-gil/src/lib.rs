//! Chapter 9: a GIL of our own, and contention (reference solution).
//!
//! Every module is one exercise; the chapter's tests in
//! `chapters/ch09-gil/tests/` grade this crate and the learner's alike.
//!
//! The lock
//! - [`gil`]: a global interpreter lock with CPython's hand-over: a switch
//!   interval, a drop request, and forced switching (G1, G3, G4).
//! - [`allow_threads`]: release it around a blocking call (G2).
//!
//! What it does
//! - [`experiment`]: CPU-bound and I/O-bound threads, with and without it (G1, G4).
//! - [`convoy`]: the wait of an I/O thread beside a CPU-bound one (G5).
//!
//! The ways out
//! - [`contention`]: one total, five ways to share it, and false sharing (G6).

pub mod allow_threads;
pub mod contention;
pub mod convoy;
pub mod experiment;
pub mod gil;
mod sync;
