//! The maintainer's room: the checks that keep the course itself sound.
//!
//! `verify` (with `tidy`, the book's checks and the figures), mutants,
//! stress and model runs, benchmarks and the figures drawn from them, the
//! browser check, and `loop`, which times a learner's edit-and-grade loop.
//! None of this runs while a learner works through the exercises.

pub mod bench;
pub mod browser;
pub mod busy;
pub mod figures;
pub mod loop_bench;
pub mod model;
pub mod mutants;
pub mod stress;
pub mod tidy;
pub mod verify;
