//! Chapter 9: a GIL of our own, and contention.
//!
//! Each module is one exercise: read its doc comment, replace every `todo!()`,
//! and grade your work with `cargo xtask check ch09-gil`. Take them in order:
//! every later exercise runs on your GIL.
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
//!
//! Given
//! - `sync`: the locks and condition variables to use: `std`'s, which the
//!   grading build makes wake up spuriously on purpose (the file says why).

pub mod allow_threads;
pub mod contention;
pub mod convoy;
pub mod experiment;
pub mod gil;
mod sync;
