//! The graded tests of chapter 3, locks.
//!
//! One module per exercise; `cargo xtask check ch03-locks` runs them and
//! reports per exercise. The same file grades your crate (`ch03-locks`) and
//! the reference solution (`ch03-locks-solution`).
//!
//! Most tests start the threads themselves (`grading::run_together`), so the
//! contention is real whatever your code does; they then check that the lock
//! excluded, that nothing was lost, and that nothing hangs.

mod bank_account;
mod granularity;
mod lost_update;
mod poisoning;
mod taking_turns;
mod up_and_down;
