//! The graded tests of chapter 4, reentrant locks.
//!
//! One module per exercise; `cargo xtask check ch04-reentrant` runs them and
//! reports per exercise. The same file grades your crate (`ch04-reentrant`)
//! and the reference solution (`ch04-reentrant-solution`).
//!
//! Several mistakes in this chapter are deadlocks. The deadline watchdog turns
//! them into a failure that says "probable deadlock in <exercise>".

mod add_and_down;
mod lock_order;
mod locking_twice;
mod no_reentrancy;
mod reentrant_lock;
