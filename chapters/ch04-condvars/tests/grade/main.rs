//! The graded tests of chapter 4, condition variables and coordination.
//!
//! One module per exercise; `cargo xtask check ch04-condvars` runs them and
//! reports per exercise. The same file grades your crate (`ch04-condvars`)
//! and the reference solution (`ch04-condvars-solution`).
//!
//! A lost wake-up leaves a thread asleep forever: the deadline watchdog turns
//! that into "probable deadlock in <exercise>".

mod bounded_queue;
mod event_barrier;
mod semaphore;
mod waiting_right;
mod withdraw_waits;
