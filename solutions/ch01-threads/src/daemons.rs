//! Exercise `daemons` (T7): work that is guaranteed to finish before the
//! function returns.
//!
//! In Python, a non-daemon thread keeps the program alive until it ends, and
//! a daemon thread dies when the main thread does. In Rust every spawned
//! thread is killed when `main` returns, like a daemon: the `ping_pong`
//! example shows it. What keeps work alive in Rust is a join, and a scope
//! (`std::thread::scope`) joins every thread it started before it returns.
//! As a bonus, scoped threads may borrow the caller's data.

use std::sync::Mutex;
use std::thread;

/// A document to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// The document's title; unique within one batch.
    pub title: String,
    /// Its text.
    pub body: String,
}

impl Doc {
    /// A document titled `title` with a short body.
    pub fn new(title: &str) -> Self {
        Doc {
            title: title.to_owned(),
            body: format!("The text of {title}."),
        }
    }
}

/// Somewhere documents are saved; shared by all the saving threads.
pub trait Store: Sync {
    /// Saves one document. May block for a while, like a disk or a network.
    fn save(&self, doc: &Doc);
}

/// A store that keeps the titles of what it saved, in memory.
#[derive(Debug, Default)]
pub struct MemoryStore {
    titles: Mutex<Vec<String>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The titles saved so far, sorted.
    pub fn titles(&self) -> Vec<String> {
        let mut titles = self.titles.lock().expect("a save panicked").clone();
        titles.sort();
        titles
    }
}

impl Store for MemoryStore {
    fn save(&self, doc: &Doc) {
        self.titles
            .lock()
            .expect("a save panicked")
            .push(doc.title.clone());
    }
}

// ANCHOR: save_all
/// Saves every document in `docs` to `store`, each on a thread of its own,
/// and returns only when all of them are saved. If a save panics, `save_all`
/// panics too, instead of returning as if every document were saved.
pub fn save_all<S: Store>(docs: &[Doc], store: &S) {
    thread::scope(|scope| {
        for doc in docs {
            scope.spawn(move || store.save(doc));
        }
        // No joins needed: the scope joins every thread before it returns, so
        // no save can outlive this call.
    });
}
// ANCHOR_END: save_all
