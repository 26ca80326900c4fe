//! Chapter 4: reentrant locks. Your code goes here.
//!
//! Each module is one exercise: read its doc comment, replace every `todo!()`,
//! and grade your work with `cargo xtask check ch04-reentrant`. `cargo xtask
//! hint <exercise>` nudges you one step; the book's chapter "Reentrant locks"
//! tells the story.
//!
//! Locking twice
//! - [`locking_twice`]: a lock with a time limit shows that a plain lock taken
//!   twice would deadlock (R1).
//! - [`add_and_down`]: `parking_lot::ReentrantMutex` lets one thread lock twice (R2).
//! - [`reentrant_lock`]: build a reentrant lock from a mutex and a condition variable (R3).
//! - [`no_reentrancy`]: the same API with a plain mutex, locked once at the edge (R4).
//!
//! Locking two things
//! - [`lock_order`]: transfers that deadlock in argument order, and two fixes (R6).
//!
//! Given
//! - `sync`: the locks and condition variables to use: `std`'s, which the
//!   grading build makes wake up spuriously on purpose (the file says why).

pub mod add_and_down;
pub mod lock_order;
pub mod locking_twice;
pub mod no_reentrancy;
pub mod reentrant_lock;
mod sync;
