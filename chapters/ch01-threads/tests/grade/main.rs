//! The graded tests of chapter 1, threads.
//!
//! One module per exercise; `cargo xtask check ch01-threads` runs them and
//! reports per exercise. The same file grades your crate (`ch01-threads`) and
//! the reference solution (`ch01-threads-solution`).
//!
//! Every test runs under a deadline watchdog (`grading::graded!`): a deadlock
//! fails with "probable deadlock in <exercise>" instead of hanging.

mod arguments;
mod cost;
mod daemons;
mod downloads;
mod live_threads;
mod runnable;
mod spot_the_bug;
mod stopping;
