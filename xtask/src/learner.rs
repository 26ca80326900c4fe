//! The learner's room: the commands a learner types, and what they read.
//!
//! The course map, `watch`, `check`, hints, the solution after a pass,
//! `reset`, and the book. They grade through [`crate::grade`] and keep
//! progress in [`crate::progress`], which the maintainer's room uses too.

pub mod book;
pub mod check;
pub mod hint;
pub mod map;
pub mod reset;
pub mod solution;
pub mod watch;
