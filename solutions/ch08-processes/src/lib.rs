//! Chapter 8: processes (reference solution).
//!
//! Every module is one exercise; the chapter's tests in
//! `chapters/ch08-processes/tests/` grade this crate and the learner's alike.
//! The binaries `lockstep-worker` and `lockstep-child` are the other sides of
//! the pipes.
//!
//! One process, then many
//! - [`child_process`]: run a program, feed it, read it, time it out (X1).
//! - [`protocol`]: frames, a compact format, and a registry of named tasks (X3).
//! - [`process_pool`]: a pool of worker processes with `map`, crash isolation and time limits (X2, X6).
//!
//! What they are for
//! - [`dir_size`]: the size of a directory tree: sequential, threads, processes (X4).
//! - [`threads_to_processes`]: many threads, one process pool (X5).
//!
//! Given: [`tasks`], the tasks the worker binary can run.

pub mod child_process;
pub mod dir_size;
pub mod process_pool;
pub mod protocol;
pub mod tasks;
pub mod threads_to_processes;
