//! Which threads did the work.

use std::collections::HashSet;
use std::sync::Mutex;
use std::thread::{self, ThreadId};

/// The distinct threads that called [`record`](ThreadSet::record).
///
/// Proves "one thread per task" (as many ids as tasks), "a pool of n reuses n
/// workers" (exactly n ids), or "not on the caller's thread".
#[derive(Debug, Default)]
pub struct ThreadSet {
    ids: Mutex<HashSet<ThreadId>>,
}

impl ThreadSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the calling thread; returns its id.
    pub fn record(&self) -> ThreadId {
        let id = thread::current().id();
        self.ids().insert(id);
        id
    }

    /// How many distinct threads were recorded.
    pub fn len(&self) -> usize {
        self.ids().len()
    }

    /// Whether no thread was recorded.
    pub fn is_empty(&self) -> bool {
        self.ids().is_empty()
    }

    /// Whether `id` was recorded.
    pub fn contains(&self, id: ThreadId) -> bool {
        self.ids().contains(&id)
    }

    fn ids(&self) -> std::sync::MutexGuard<'_, HashSet<ThreadId>> {
        self.ids
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_distinct_threads() {
        let set = ThreadSet::new();
        let main = set.record();
        set.record();
        thread::scope(|s| {
            s.spawn(|| set.record());
            s.spawn(|| set.record());
        });
        assert_eq!(set.len(), 3);
        assert!(set.contains(main));
    }
}
