//! Chapter 7: pools. Your code goes here.
//!
//! Each module is one exercise: read its doc comment, replace every `todo!()`,
//! and grade your work with `cargo xtask check ch07-pools`.
//!
//! A pool of your own
//! - [`thread_pool`]: fixed workers that take jobs from a queue, and survive panics (P1, P9).
//! - [`futures`]: `submit` with a handle to wait on, `map`, results as they complete, `shutdown` (P3).
//! - [`callbacks`]: the request-and-callback style of Python's old `threadpool` package (P4).
//!
//! What pools are good for
//! - [`waiting_work`]: a hundred waits on ten workers take a tenth of the time (P2, P7).
//! - [`chunking`]: one job per item against one job per chunk (P5, P6).
//! - [`real_crates`]: the same jobs on `rayon`, `crossbeam` and the `threadpool` crate (P8).
//!
//! Given
//! - `sync`: the locks and condition variables to use: `std`'s, which the
//!   grading build makes wake up spuriously on purpose (the file says why).

pub mod callbacks;
pub mod chunking;
pub mod futures;
pub mod real_crates;
mod sync;
pub mod thread_pool;
pub mod waiting_work;
