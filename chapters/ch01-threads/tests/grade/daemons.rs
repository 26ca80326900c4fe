use ch01_threads::daemons::{Doc, MemoryStore, Store, save_all};
use grading::{OverlapProbe, ThreadSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

fn docs(n: usize) -> Vec<Doc> {
    (1..=n).map(|i| Doc::new(&format!("doc-{i}"))).collect()
}

fn sorted_titles(docs: &[Doc]) -> Vec<String> {
    let mut titles: Vec<String> = docs.iter().map(|doc| doc.title.clone()).collect();
    titles.sort();
    titles
}

/// A slow store that also records who saved what, and probes for overlap.
struct Instrumented {
    slowness: Duration,
    saved: Mutex<Vec<String>>,
    threads: ThreadSet,
    probe: OverlapProbe,
}

impl Instrumented {
    fn new(docs: usize, slowness: Duration) -> Self {
        Instrumented {
            slowness,
            saved: Mutex::new(Vec::new()),
            threads: ThreadSet::new(),
            probe: OverlapProbe::new(docs.max(1)),
        }
    }

    fn saved(&self) -> Vec<String> {
        let mut saved = self.saved.lock().unwrap().clone();
        saved.sort();
        saved
    }
}

impl Store for Instrumented {
    fn save(&self, doc: &Doc) {
        self.threads.record();
        self.probe.arrive();
        thread::sleep(self.slowness);
        self.saved.lock().unwrap().push(doc.title.clone());
    }
}

grading::graded! {
    fn every_doc_is_saved_exactly_once_before_save_all_returns() {
        let docs = docs(5);
        let store = Instrumented::new(5, Duration::from_millis(20));
        save_all(&docs, &store);
        assert_eq!(
            store.saved(),
            sorted_titles(&docs),
            "every doc is saved exactly once, and before save_all returns: wait for every saving thread"
        );
    }

    fn the_memory_store_gets_every_doc() {
        let docs = docs(3);
        let store = MemoryStore::new();
        save_all(&docs, &store);
        assert_eq!(
            store.titles(),
            sorted_titles(&docs),
            "once save_all returns, the MemoryStore holds every doc, each once"
        );
    }

    fn the_docs_are_saved_at_the_same_time() {
        let docs = docs(4);
        let store = Instrumented::new(4, Duration::ZERO);
        save_all(&docs, &store);
        store.probe.assert_overlapped("save_all");
    }

    fn each_doc_is_saved_on_a_thread_of_its_own() {
        let docs = docs(4);
        let store = Instrumented::new(4, Duration::ZERO);
        save_all(&docs, &store);
        assert_eq!(store.threads.len(), 4, "each of the 4 docs is saved on a thread of its own");
        assert!(
            !store.threads.contains(thread::current().id()),
            "no doc is saved on the thread that called save_all"
        );
    }

    fn a_save_that_panics_makes_save_all_panic() {
        /// A store whose disk is full for one document.
        struct FullForOne(MemoryStore);

        impl Store for FullForOne {
            fn save(&self, doc: &Doc) {
                if doc.title == "doc-2" {
                    panic!("disk full while saving doc-2");
                }
                self.0.save(doc);
            }
        }

        let docs = docs(3);
        // A working call first: the failing one below must not pass by accident.
        save_all(&docs, &MemoryStore::new());
        let store = FullForOne(MemoryStore::new());
        let outcome = catch_unwind(AssertUnwindSafe(|| save_all(&docs, &store)));
        assert!(
            outcome.is_err(),
            "saving doc-2 panicked, but save_all returned as if every doc were saved"
        );
    }

    fn no_docs_means_no_saves() {
        let store = Instrumented::new(0, Duration::ZERO);
        save_all(&[], &store);
        assert!(store.saved().is_empty(), "no docs, so nothing is saved");
        assert!(store.threads.is_empty(), "no docs, so save is never called, on any thread");
    }
}
