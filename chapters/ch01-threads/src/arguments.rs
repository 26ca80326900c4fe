//! Exercise `arguments` (T3, T6): hand a thread its arguments, name it, and
//! get its result back.
//!
//! Python passes `args=(...)` and `kwargs={...}` to `Thread`; Rust moves the
//! arguments into a closure. Keyword-style options become a struct with
//! `Default`, so callers name only what they change. The thread's return value
//! comes back through its `JoinHandle`.
//!
//! Your task: implement [`spawn_named`], [`repeat_in_background`] and
//! [`current_thread_label`].

use std::thread::{self, JoinHandle};

/// Runs `f` on a new thread named `name` and returns its handle; joining the
/// handle gives `f`'s result.
///
/// `thread::spawn` cannot name a thread; `thread::Builder` can.
///
/// # Panics
///
/// If the operating system cannot start a thread, or `name` contains a NUL
/// byte.
pub fn spawn_named<T, F>(name: &str, f: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // TODO: build a named thread that runs `f`.
    todo!("spawn a named thread")
}

// ANCHOR: repeat_options
/// Keyword-style options for [`repeat_in_background`]. (Given.)
///
/// Build it with struct update syntax:
/// `RepeatOptions { times: 3, ..RepeatOptions::default() }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatOptions {
    /// How many copies of the word.
    pub times: usize,
    /// What goes between two copies.
    pub separator: String,
    /// The name of the thread that does the work.
    pub thread_name: String,
}

impl Default for RepeatOptions {
    /// Two copies, separated by a space, on a thread named `repeater`.
    fn default() -> Self {
        RepeatOptions {
            times: 2,
            separator: " ".to_owned(),
            thread_name: "repeater".to_owned(),
        }
    }
}
// ANCHOR_END: repeat_options

/// Builds `word` repeated `options.times` times, joined by
/// `options.separator`, on a thread named `options.thread_name`.
///
/// For example `"ha"` with the default options gives `"ha ha"`.
pub fn repeat_in_background(word: String, options: RepeatOptions) -> JoinHandle<String> {
    // TODO: move `word` and the options the thread needs into a closure.
    todo!("repeat the word on a named thread")
}

/// The calling thread's name, or `"<unnamed>"` for a thread without one.
pub fn current_thread_label() -> String {
    // TODO: ask `thread::current()` for its name.
    todo!("read the current thread's name")
}
