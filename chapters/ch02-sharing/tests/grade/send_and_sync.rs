use ch02_sharing::send_and_sync::{EventLog, spawn_recorder};
use grading::{OverlapProbe, ThreadSet, run_together};
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

// Whether a type is `Send` or `Sync`, asked at run time, so that these tests
// compile against the starter's `Rc<RefCell<..>>` log too (a compile error
// here would stop every exercise of the chapter from being graded). An
// inherent constant exists only when its bound holds, and wins over the
// trait's; otherwise the trait's `false` is found.
struct Probe<T>(PhantomData<T>);

#[allow(dead_code)]
trait NotSendOrSync {
    const SEND: bool = false;
    const SYNC: bool = false;
}

impl<T> NotSendOrSync for Probe<T> {}

impl<T: Send> Probe<T> {
    #[allow(dead_code)]
    const SEND: bool = true;
}

struct SyncProbe<T>(PhantomData<T>);

impl<T> NotSendOrSync for SyncProbe<T> {}

impl<T: Sync> SyncProbe<T> {
    #[allow(dead_code)]
    const SYNC: bool = true;
}

fn event_log_is_send() -> bool {
    <Probe<EventLog>>::SEND
}

fn event_log_is_sync() -> bool {
    <SyncProbe<EventLog>>::SYNC
}

/// An `EventLog` the tests may hand to other threads.
struct Shared(EventLog);

// SAFETY: a `Shared` is made only by `shared` and `Shared::clone`, after
// `shared` checked that `EventLog` is `Send` and `Sync`; the wrapper promises
// nothing that `EventLog` does not promise itself.
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

impl Deref for Shared {
    type Target = EventLog;
    fn deref(&self) -> &EventLog {
        &self.0
    }
}

impl Shared {
    /// Another handle on the same log, through `EventLog::clone`.
    fn clone(&self) -> Shared {
        Shared(self.0.clone())
    }
}

/// A new log, once it is known to be `Send` and `Sync`.
fn shared() -> Shared {
    let (send, sync) = (event_log_is_send(), event_log_is_sync());
    assert!(
        send && sync,
        "EventLog must be Send and Sync to be shared by threads, and it is {}: \
         an Rc's count and a RefCell's borrow flag are plain integers that two threads would race on; \
         Arc and Mutex are their thread-safe counterparts",
        match (send, sync) {
            (false, false) => "neither",
            (true, false) => "Send but not Sync",
            (false, true) => "Sync but not Send",
            (true, true) => "both",
        }
    );
    Shared(EventLog::new())
}

const THREADS: usize = 8;
const RECORDS: usize = 500;
const MANY: usize = 20_000;
const SNAPSHOTS: usize = 16;

/// The numbers `i` of the entries `"{name} {i}"`, in the order they are in
/// `entries`.
fn numbers_of(name: &str, entries: &[String]) -> Vec<usize> {
    let prefix = format!("{name} ");
    entries
        .iter()
        .filter_map(|entry| entry.strip_prefix(&prefix))
        .map(|number| number.parse().expect("an entry ends with its number"))
        .collect()
}

grading::graded! {
    fn an_event_log_is_send_and_sync() {
        assert!(event_log_is_send(), "EventLog must be Send: a value moved to another thread (Rc is not Send)");
        assert!(
            event_log_is_sync(),
            "EventLog must be Sync: shared by threads through & (RefCell is not Sync; a Mutex is)"
        );
        let log = shared();
        assert!(log.entries().is_empty(), "a new log has no entries");
    }

    fn eight_threads_record_at_once_and_nothing_is_lost() {
        let log = shared();
        run_together(THREADS, |thread| {
            let mine = log.clone();
            for i in 0..RECORDS {
                mine.record(format!("t{thread} {i}"));
            }
        });
        let entries = log.entries();
        assert_eq!(
            entries.len(),
            THREADS * RECORDS,
            "{THREADS} threads recorded {RECORDS} entries each at the same time; entries were lost or doubled"
        );
        for thread in 0..THREADS {
            assert_eq!(
                numbers_of(&format!("t{thread}"), &entries),
                (0..RECORDS).collect::<Vec<_>>(),
                "each thread's entries are all in the log, in the order that thread recorded them"
            );
        }
    }

    fn snapshots_taken_while_threads_record_are_whole() {
        let log = shared();
        // A long log, so that each snapshot takes a while to copy.
        for i in 0..MANY {
            log.record(format!("old {i}"));
        }
        let writers = THREADS / 2;
        let finished = AtomicUsize::new(0);
        let snapshots = AtomicUsize::new(0);
        let written = AtomicUsize::new(0);
        run_together(THREADS, |thread| {
            let mine = log.clone();
            if thread < writers {
                // Writers write until the readers have taken their snapshots.
                let mut i = 0;
                while snapshots.load(Ordering::SeqCst) < SNAPSHOTS {
                    mine.record(format!("w{thread} {i}"));
                    i += 1;
                }
                written.fetch_add(i, Ordering::SeqCst);
                finished.fetch_add(1, Ordering::SeqCst);
                return;
            }
            // Readers read until every writer has finished.
            while finished.load(Ordering::SeqCst) < writers {
                let snapshot = mine.entries();
                snapshots.fetch_add(1, Ordering::SeqCst);
                for writer in 0..writers {
                    let numbers = numbers_of(&format!("w{writer}"), &snapshot);
                    assert!(
                        numbers.iter().enumerate().all(|(at, &number)| at == number),
                        "a snapshot taken while others record holds each writer's first entries, in order"
                    );
                }
            }
        });
        let entries = log.entries();
        assert_eq!(
            entries.len(),
            MANY + written.load(Ordering::SeqCst),
            "threads recorded while others read; entries were lost or doubled"
        );
        assert_eq!(
            numbers_of("old", &entries),
            (0..MANY).collect::<Vec<_>>(),
            "the entries recorded before the threads started are still there, in order"
        );
    }

    fn clones_record_to_one_log() {
        let log = shared();
        let first = log.clone();
        let second = first.clone();
        log.record("from the original");
        first.record("from a clone");
        second.record("from a clone of a clone");
        let far = log.clone();
        thread::spawn(move || far.record("from a clone on another thread"))
            .join()
            .expect("recording on another thread panicked");
        let everything = vec![
            "from the original".to_owned(),
            "from a clone".to_owned(),
            "from a clone of a clone".to_owned(),
            "from a clone on another thread".to_owned(),
        ];
        assert_eq!(log.entries(), everything, "clones share one log: the original sees what every clone recorded");
        assert_eq!(second.entries(), everything, "every clone sees the whole shared log");
    }

    fn entries_is_a_copy_and_the_log_keeps_its_entries() {
        let log = shared();
        for word in ["one", "two", "three"] {
            log.record(word);
        }
        let snapshot = log.entries();
        assert_eq!(snapshot, ["one", "two", "three"], "entries in the order they were recorded");
        assert_eq!(log.entries(), snapshot, "reading the entries must not remove them from the log");
        log.record("four");
        assert_eq!(snapshot, ["one", "two", "three"], "a snapshot taken earlier does not change");
        assert_eq!(log.entries(), ["one", "two", "three", "four"], "the log goes on from where it was");
    }

    fn spawn_recorder_records_on_a_new_thread() {
        let log = shared();
        log.record("before");
        let threads = Arc::new(ThreadSet::new());
        let handle = spawn_recorder(&log, {
            let threads = Arc::clone(&threads);
            (0..RECORDS).map(move |i| {
                threads.record();
                format!("r {i}")
            })
        });
        let recorder = handle.thread().id();
        handle.join().expect("the recorder panicked");
        assert!(
            !threads.contains(thread::current().id()),
            "the entries must be produced and recorded on the new thread, not on the caller's"
        );
        assert!(threads.contains(recorder), "the entries are recorded on the thread whose handle is returned");
        assert_eq!(threads.len(), 1, "one recorder is one thread");
        let entries = log.entries();
        assert_eq!(entries.first().map(String::as_str), Some("before"), "the recorder adds to the caller's log");
        assert_eq!(
            numbers_of("r", &entries),
            (0..RECORDS).collect::<Vec<_>>(),
            "every entry recorded, in order, to the log that was passed in"
        );
        assert_eq!(entries.len(), RECORDS + 1, "the recorder writes to the caller's log, nothing else");

        let nothing = spawn_recorder(&log, Vec::new());
        nothing.join().expect("a recorder with nothing to record panicked");
        assert_eq!(log.entries().len(), RECORDS + 1, "a recorder with no entries records nothing");
    }

    fn two_recorders_run_at_once() {
        let log = shared();
        let probe = Arc::new(OverlapProbe::new(2));
        let recorders: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|name| {
                let probe = Arc::clone(&probe);
                spawn_recorder(&log, (0..RECORDS).map(move |i| {
                    if i == 0 {
                        probe.arrive();
                    }
                    format!("{name} {i}")
                }))
            })
            .collect();
        for recorder in recorders {
            recorder.join().expect("a recorder panicked");
        }
        probe.assert_overlapped("two recorders");
        let entries = log.entries();
        for name in ["a", "b"] {
            assert_eq!(
                numbers_of(name, &entries),
                (0..RECORDS).collect::<Vec<_>>(),
                "each recorder's entries are all in the log, in its order"
            );
        }
    }
}
