//! Tests for `no_sentinel`: the writer streams, ends only when every sender
//! is gone, and loses nothing; `send_all` hands back what it could not send;
//! `gather`'s producers run at once and the caller's loop ends by itself.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use ch06_channels::no_sentinel::{gather, send_all, start_writer};
use grading::{OverlapProbe, ThreadSet, wait_until};

/// Waits up to three seconds for `condition`, then fails naming `what`.
fn eventually(what: &str, condition: impl Fn() -> bool) {
    crate::within_three_seconds(condition, || format!("waited 3 s for {what}"));
}

/// The lines a writer wrote, in order.
type Written = Arc<Mutex<Vec<String>>>;

/// A writer that records its lines and the threads it ran on.
fn recording_writer() -> (impl FnMut(String) + Send + 'static, Written, Arc<ThreadSet>) {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let threads = Arc::new(ThreadSet::new());
    let (into, on) = (Arc::clone(&lines), Arc::clone(&threads));
    let write = move |line: String| {
        on.record();
        into.lock().unwrap().push(line);
    };
    (write, lines, threads)
}

fn lines(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| text.to_string()).collect()
}

grading::graded! {
    fn the_writer_writes_each_line_as_it_arrives_on_a_thread_of_its_own() {
        let (write, written, threads) = recording_writer();
        let (sender, writer) = start_writer(write);
        sender.send("first".to_string()).unwrap();
        eventually("the writer to write the first line while the channel is still open", || {
            written.lock().unwrap().len() == 1
        });
        sender.send("second".to_string()).unwrap();
        eventually("the writer to write the second line", || written.lock().unwrap().len() == 2);
        drop(sender);
        assert_eq!(writer.join().unwrap(), 2, "the writer returns how many lines it wrote");
        assert_eq!(*written.lock().unwrap(), lines(&["first", "second"]), "lines in the order sent");
        assert_eq!(threads.len(), 1, "one writer thread calls `write`");
        assert!(
            !threads.contains(thread::current().id()),
            "the writer runs on a thread of its own, not the caller's"
        );
    }

    fn every_line_sent_before_the_hang_up_is_written_even_ones_that_look_like_sentinels() {
        let (write, written, _) = recording_writer();
        let (sender, writer) = start_writer(write);
        let mut sent = lines(&["", "None", "STOP", "stop", "DONE", "done", "quit", "EOF", "END"]);
        sent.extend((0..10_000).map(|n| format!("line {n}")));
        sent.push(String::new());
        for line in &sent {
            sender.send(line.clone()).unwrap();
        }
        // Hang up at once: everything is still in flight.
        drop(sender);
        let count = writer.join().unwrap();
        let written = written.lock().unwrap();
        assert_eq!(
            written.len(),
            sent.len(),
            "every line sent before the last sender was dropped is written (nothing in flight lost, no line taken for a sentinel)"
        );
        assert!(*written == sent, "every line, in the order sent");
        assert_eq!(count, sent.len(), "the writer returns how many lines it wrote");
    }

    fn a_quiet_half_second_does_not_end_the_writer() {
        let (write, written, _) = recording_writer();
        let (sender, writer) = start_writer(write);
        sender.send("before".to_string()).unwrap();
        // A slow producer: the channel is open, just quiet.
        thread::sleep(Duration::from_millis(600));
        sender.send("after".to_string()).unwrap();
        drop(sender);
        assert_eq!(writer.join().unwrap(), 2, "a quiet channel is not a closed one");
        assert_eq!(*written.lock().unwrap(), lines(&["before", "after"]), "both lines written");
    }

    fn a_clone_of_the_sender_keeps_the_writer_going() {
        let (write, written, _) = recording_writer();
        let (sender, writer) = start_writer(write);
        let clone = sender.clone();
        sender.send("from the first".to_string()).unwrap();
        drop(sender);
        let late = thread::spawn(move || {
            thread::sleep(Duration::from_millis(200));
            clone.send("from the clone".to_string()).unwrap();
        });
        late.join().unwrap();
        assert_eq!(
            writer.join().unwrap(),
            2,
            "the writer ends only when every sender, clones included, is gone"
        );
        assert_eq!(
            *written.lock().unwrap(),
            lines(&["from the first", "from the clone"]),
            "the clone's line is written too"
        );
    }

    fn send_all_delivers_every_line_in_order_to_a_live_receiver() {
        let (sender, receiver) = mpsc::channel();
        assert_eq!(send_all(&sender, lines(&["a", "b", "c"])), Ok(3), "three lines sent");
        assert_eq!(send_all(&sender, Vec::new()), Ok(0), "nothing to send is not an error");
        drop(sender);
        assert_eq!(receiver.iter().collect::<Vec<_>>(), lines(&["a", "b", "c"]), "in order");
    }

    fn send_all_to_a_hung_up_receiver_hands_every_line_back() {
        let (sender, receiver) = mpsc::channel::<String>();
        drop(receiver);
        let result = send_all(&sender, lines(&["first", "second", "third"]));
        assert_eq!(
            result,
            Err(lines(&["first", "second", "third"])),
            "the refused line and every later one come back, in order"
        );
    }

    fn send_all_before_and_after_the_hang_up() {
        let (sender, receiver) = mpsc::channel::<String>();
        let mut script = Vec::new();
        script.push(format!("send_all(a, b) to a live receiver: {:?}", send_all(&sender, lines(&["a", "b"]))));
        script.push(format!("the receiver took: {:?}", receiver.try_iter().collect::<Vec<_>>()));
        drop(receiver);
        script.push(format!("send_all(c, d) after the hang-up: {:?}", send_all(&sender, lines(&["c", "d"]))));
        script.push(format!("send_all() after the hang-up: {:?}", send_all(&sender, Vec::new())));
        insta::assert_snapshot!("send_all_script", script.join("\n"));
    }

    fn gather_runs_the_producers_at_once_and_receives_every_line() {
        let probe = OverlapProbe::new(4);
        let threads = ThreadSet::new();
        let indexes = Mutex::new(Vec::new());
        let received = gather(4, |index, sender| {
            threads.record();
            indexes.lock().unwrap().push(index);
            probe.arrive();
            for n in 0..250 {
                sender.send(format!("{index}:{n}")).unwrap();
            }
        });
        probe.assert_overlapped("the four producers");
        assert_eq!(threads.len(), 4, "one thread per producer");
        assert!(
            !threads.contains(thread::current().id()),
            "the producers run on threads of their own"
        );
        let mut indexes = indexes.into_inner().unwrap();
        indexes.sort_unstable();
        assert_eq!(indexes, [0, 1, 2, 3], "each producer is called once with its index");
        assert_eq!(received.len(), 1000, "every line arrives, none twice");
        let unique: BTreeSet<&String> = received.iter().collect();
        assert_eq!(unique.len(), 1000, "no line arrives twice");
        for producer in 0..4 {
            let own: Vec<usize> = received
                .iter()
                .filter_map(|line| line.strip_prefix(&format!("{producer}:")))
                .map(|n| n.parse().unwrap())
                .collect();
            assert_eq!(own, (0..250).collect::<Vec<_>>(), "producer {producer}'s lines in its own order");
        }
    }

    fn gather_returns_the_lines_in_the_order_they_arrived() {
        let second_done = AtomicBool::new(false);
        let received = gather(2, |index, sender| {
            if index == 0 {
                // Producer 0 sends only after producer 1 has sent all its lines.
                wait_until(|| second_done.load(Ordering::SeqCst));
                sender.send("0: late".to_string()).unwrap();
            } else {
                for n in 0..3 {
                    sender.send(format!("1: {n}")).unwrap();
                }
                second_done.store(true, Ordering::SeqCst);
            }
        });
        assert_eq!(
            received,
            lines(&["1: 0", "1: 1", "1: 2", "0: late"]),
            "one channel: the lines come back in the order they were sent, whichever producer sent them"
        );
    }

    fn gather_with_one_producer_and_with_none() {
        let received = gather(1, |index, sender| {
            sender.send(format!("only {index}")).unwrap();
        });
        assert_eq!(received, lines(&["only 0"]), "one producer, index 0");
        let received = gather(0, |_, _| panic!("no producer should run"));
        assert!(received.is_empty(), "no producers: nothing received, and gather returns");
    }
}
