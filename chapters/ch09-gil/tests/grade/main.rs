//! The graded tests of chapter 9, a GIL of our own, and contention.
//!
//! One module per exercise; `cargo xtask check ch09-gil` runs them and
//! reports per exercise. The same file grades your crate (`ch09-gil`) and the
//! reference solution (`ch09-gil-solution`).
//!
//! A GIL that never hands over leaves a waiting thread waiting forever: the
//! deadline watchdog turns that into "probable deadlock in <exercise>". Where
//! a test can tell the failure sooner, it gives up after [`support::CAP`] and
//! says what it saw.

mod allow_threads;
mod contention;
mod convoy;
mod experiment;
mod gil;
mod support;
