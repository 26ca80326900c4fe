//! The graded tests of chapter 2, sharing between threads.
//!
//! One module per exercise; `cargo xtask check ch02-sharing` runs them and
//! reports per exercise. The same file grades your crate (`ch02-sharing`) and
//! the reference solution (`ch02-sharing-solution`).

mod check_then_act;
mod lazy_global;
mod per_thread;
mod send_and_sync;
mod shared_config;
mod snapshots;
