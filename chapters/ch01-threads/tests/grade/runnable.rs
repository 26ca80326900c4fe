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

/// Counts the words of `lines` with `run`, on the calling thread.
fn count(lines: &[&str]) -> usize {
    WordCount {
        label: "count".to_owned(),
        lines: lines.iter().map(|&line| line.to_owned()).collect(),
    }
    .run()
}

/// Lines that a simpler count gets wrong, with the answers in the snapshot.
const TRICKY: [&str; 7] = [
    "tab\tseparated\twords",
    "a line\nwith a newline inside",
    "  leading, trailing and   repeated spaces  ",
    "no-break\u{a0}space and ideographic\u{3000}space",
    "the the the",
    "",
    " \t \u{a0} ",
];

grading::graded! {
    fn word_count_run_counts_the_words_of_every_line() {
        assert_eq!(sample().run(), 6, "the sample's three lines hold 3 + 3 + 0 words; a run of spaces counts once");
    }

    fn word_count_splits_on_any_whitespace() {
        assert_eq!(count(&["tab\tseparated\twords"]), 3, "a tab separates words");
        assert_eq!(count(&["a line\nwith a newline inside"]), 6, "a newline separates words");
        assert_eq!(
            count(&["no-break\u{a0}space and ideographic\u{3000}space"]),
            5,
            "a no-break space and an ideographic space separate words, as in Python's str.split()"
        );
        assert_eq!(count(&[" \t \u{a0} "]), 0, "a line of whitespace has no words");
        let counts: Vec<String> = TRICKY
            .iter()
            .map(|&line| format!("{line:?} -> {}", count(&[line])))
            .collect();
        insta::assert_snapshot!("word_counts_of_tricky_lines", counts.join("\n"));
    }

    fn word_count_counts_a_repeated_word_every_time() {
        assert_eq!(count(&["the the the"]), 3, "three words, even if they are the same");
        assert_eq!(count(&["to be", "or not to be"]), 6, "a word repeated on another line counts again");
    }

    fn word_count_keeps_the_words_of_two_lines_apart() {
        // Joined without a break, "end" and "start" would make one word.
        assert_eq!(count(&["the end", "start again"]), 4, "the end of a line separates words");
        assert_eq!(count(&["one", "", "two"]), 2, "an empty line between two lines adds no word");
    }

    fn start_runs_on_a_new_thread_named_after_the_task() {
        let caller = thread::current().id();
        let (name, id) = WhereAmI { label: "where-am-i".to_owned() }.start().join().unwrap();
        assert_eq!(
            name.as_deref(),
            Some("where-am-i"),
            "start runs the task on a thread named after its name(), here \"where-am-i\""
        );
        assert_ne!(id, caller, "run must happen on the new thread");
    }

    fn start_returns_while_run_is_still_going() {
        let (go, wait_for_go) = mpsc::channel();
        let handle = WaitsForGo { go: wait_for_go }.start();
        go.send(())
            .expect("run had already ended when start returned: return at once, while the new thread runs it");
        assert!(handle.join().unwrap(), "start must return before run ends");
    }

    fn word_count_started_on_a_thread_gives_its_count_through_join() {
        let handle = sample().start();
        assert_eq!(
            handle.thread().name(),
            Some("count the sample"),
            "start returns the handle of a thread named after the WordCount's label"
        );
        assert_eq!(handle.join().unwrap(), 6, "joining the started WordCount gives its count of 6 words");
    }
}
