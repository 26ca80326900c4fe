use ch01_threads::runnable::{Runnable, WordCount};
use std::sync::mpsc::{self, Receiver};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// Reports where it ran.
struct WhereAmI {
    label: String,
}

impl Runnable for WhereAmI {
    type Output = (Option<String>, ThreadId);

    fn name(&self) -> String {
        self.label.clone()
    }

    fn run(self) -> Self::Output {
        let me = thread::current();
        (me.name().map(str::to_owned), me.id())
    }
}

/// Waits for a go from whoever started it.
struct WaitsForGo {
    go: Receiver<()>,
}

impl Runnable for WaitsForGo {
    type Output = bool;

    fn name(&self) -> String {
        "waits-for-go".to_owned()
    }

    fn run(self) -> bool {
        self.go.recv_timeout(Duration::from_secs(2)).is_ok()
    }
}

fn sample() -> WordCount {
    WordCount {
        label: "count the sample".to_owned(),
        lines: vec![
            "Threads share memory,".to_owned(),
            "  processes   do not. ".to_owned(),
            String::new(),
        ],
    }
}

grading::graded! {
    fn word_count_run_counts_the_words_of_every_line() {
        assert_eq!(sample().run(), 6);
    }

    fn start_runs_on_a_new_thread_named_after_the_task() {
        let caller = thread::current().id();
        let (name, id) = WhereAmI { label: "where-am-i".to_owned() }.start().join().unwrap();
        assert_eq!(name.as_deref(), Some("where-am-i"));
        assert_ne!(id, caller, "run must happen on the new thread");
    }

    fn start_returns_while_run_is_still_going() {
        let (go, wait_for_go) = mpsc::channel();
        let handle = WaitsForGo { go: wait_for_go }.start();
        go.send(()).unwrap();
        assert!(handle.join().unwrap(), "start must return before run ends");
    }

    fn word_count_started_on_a_thread_gives_its_count_through_join() {
        let handle = sample().start();
        assert_eq!(handle.thread().name(), Some("count the sample"));
        assert_eq!(handle.join().unwrap(), 6);
    }
}
