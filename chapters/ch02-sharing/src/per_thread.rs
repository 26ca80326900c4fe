//! Exercise `per_thread` (S5): counts kept per thread with `thread_local!`,
//! merged at the end.
//!
//! Python's `threading.local()` gives each thread its own attributes on one
//! shared-looking object:
//!
//! ```python
//! local = threading.local()
//!
//! def note(word):
//!     counts = getattr(local, "counts", None)
//!     if counts is None:
//!         counts = local.counts = collections.Counter()
//!     counts[word] += 1
//! ```
//!
//! Rust's `thread_local!` declares a `static` of which every thread has its
//! own copy, created (here: empty) the first time that thread touches it and
//! dropped when the thread ends. No other thread can reach it, so it needs no
//! lock, and it need not be `Sync`: a `RefCell` inside gives the one thread
//! that sees it a `&mut` for the moment of an update (`with_borrow_mut`).
//!
//! Counting words on several threads into one shared map behind a lock makes
//! every word a lock operation that all threads queue for. Counting into
//! per-thread maps takes no lock at all; each thread hands its map back at
//! the end (through `join`) and the caller adds them up.
//!
//! Your task: declare this thread's counts with `thread_local!`, and
//! implement [`note`], [`take_this_threads_counts`] and [`count_words`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread;

// TODO: this thread's own counts, a `RefCell<HashMap<String, u64>>` in a
// `thread_local!`.

/// Counts one `word` in this thread's own counts. Takes no lock: no other
/// thread can see them.
pub fn note(word: &str) {
    // TODO
    todo!("count the word in this thread's counts")
}

/// This thread's counts so far, leaving them empty: the next [`note`] on
/// this thread starts from zero. Other threads' counts are untouched.
pub fn take_this_threads_counts() -> HashMap<String, u64> {
    // TODO
    todo!("take this thread's counts")
}

/// How many times each word occurs in `texts`, counted on `threads` scoped
/// threads at the same time (fewer when there are fewer texts).
///
/// The texts are split into at most `threads` runs of consecutive texts, one
/// per thread, none left out. Each thread reads its own texts (calling
/// `as_ref` there), notes every word with [`note`], and returns
/// [`take_this_threads_counts`]; the caller adds up what the threads return.
/// Words are the pieces between whitespace of any kind, as Python's
/// `str.split()` with no argument finds them, counted exactly as written.
/// The caller's own counts are left as they were.
///
/// # Panics
///
/// When `threads` is zero.
pub fn count_words<T: AsRef<str> + Sync>(texts: &[T], threads: usize) -> HashMap<String, u64> {
    // TODO: `std::thread::scope`; start every thread before joining any.
    todo!("count on several threads, merge at the end")
}
