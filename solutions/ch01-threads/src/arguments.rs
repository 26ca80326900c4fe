//! Exercise `arguments` (T3, T6): hand a thread its arguments, name it, and
//! get its result back.
//!
//! Python passes `args=(...)` and `kwargs={...}` to `Thread`; Rust moves the
//! arguments into a closure. Keyword-style options become a struct with
//! `Default`, so callers name only what they change. The thread's return value
//! comes back through its `JoinHandle`.

use std::thread::{self, JoinHandle};

// ANCHOR: spawn_named
/// Runs `f` on a new thread named `name` and returns its handle; joining the
/// handle gives `f`'s result.
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
    thread::Builder::new()
        .name(name.to_owned())
        .spawn(f)
        .expect("failed to spawn a thread")
}
// ANCHOR_END: spawn_named

/// Keyword-style options for [`repeat_in_background`].
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

// ANCHOR: repeat_in_background
/// Builds `word` repeated `options.times` times, joined by
/// `options.separator`, on a thread named `options.thread_name`.
///
/// `word` and `options` are moved into the thread: the caller keeps nothing
/// the thread could race on.
pub fn repeat_in_background(word: String, options: RepeatOptions) -> JoinHandle<String> {
    let RepeatOptions {
        times,
        separator,
        thread_name,
    } = options;
    spawn_named(&thread_name, move || vec![word; times].join(&separator))
}
// ANCHOR_END: repeat_in_background

/// The calling thread's name, or `"<unnamed>"` for a thread without one.
///
/// Rust names the main thread `main`; threads from `thread::spawn` have no
/// name unless one is given with `thread::Builder::name`.
pub fn current_thread_label() -> String {
    thread::current().name().unwrap_or("<unnamed>").to_owned()
}
