//! Exercise `runnable` (T4): a thread defined as a type.
//!
//! Python subclasses `Thread` and overrides `run`; `start` comes from the base
//! class. In Rust, a type owns its state and implements a trait whose `run`
//! consumes it; the trait's provided `start` moves the value onto a new thread
//! and hands back the `JoinHandle`.
//!
//! Your task: write the provided method [`Runnable::start`], and implement
//! `run` for [`WordCount`].

use std::thread::{self, JoinHandle};

// ANCHOR: runnable
/// Work that owns its state and runs on a thread of its own.
pub trait Runnable: Send + Sized + 'static {
    /// What `run` produces.
    type Output: Send + 'static;

    /// The name of the thread that runs it.
    fn name(&self) -> String;

    /// Does the work, consuming the state.
    fn run(self) -> Self::Output;

    /// Moves `self` onto a new thread named [`name`](Runnable::name), calls
    /// [`run`](Runnable::run) there, and returns at once with the handle.
    ///
    /// # Panics
    ///
    /// If the operating system cannot start a thread.
    fn start(self) -> JoinHandle<Self::Output> {
        // TODO: spawn a thread with the right name that calls `self.run()`.
        todo!("start the runnable on its own thread")
    }
}
// ANCHOR_END: runnable

/// Counts the words of some lines: a [`Runnable`] that owns its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordCount {
    /// Names the thread, for example `"count chapter 1"`.
    pub label: String,
    /// The text to count, one line each.
    pub lines: Vec<String>,
}

impl Runnable for WordCount {
    type Output = usize;

    fn name(&self) -> String {
        self.label.clone()
    }

    /// The number of whitespace-separated words in all the lines, like
    /// Python's `sum(len(line.split()) for line in lines)`: any whitespace
    /// separates words (tabs and no-break spaces too), a run of it counts once,
    /// and every word counts, repeated or not.
    fn run(self) -> usize {
        // TODO: count the words of every line (runs of spaces count once).
        todo!("count the words")
    }
}
