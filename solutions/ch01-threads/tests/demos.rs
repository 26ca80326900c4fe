//! The chapter's demos behave as the book says.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn ping_pong_exits_although_its_printers_never_stop() {
    grading::deadline("ping_pong", grading::limit(), || {
        let mut child = Command::new(grading::example_binary("ping_pong"))
            .stdout(Stdio::piped())
            .spawn()
            .expect("ping_pong starts");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("ping_pong can be waited for") {
                break status;
            }
            if started.elapsed() > Duration::from_secs(4) {
                child.kill().expect("a hung ping_pong can be killed");
                panic!("ping_pong still ran after 4 s: its printers kept the process alive");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let mut output = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut output)
            .unwrap();

        assert!(status.success(), "ping_pong failed: {status}");
        assert!(
            output.contains("Ping") && output.contains("Pong"),
            "both printers ran:\n{output}"
        );
        assert!(
            output.contains("main: returning"),
            "main returned:\n{output}"
        );
        // And the output stopped: the pipe closed, so read_to_string returned.
    });
}

#[test]
fn a_panicking_thread_still_drops_its_values() {
    let output = grading::run_example("cleanup_on_panic", LIMIT);
    grading::assert_says(&output, &["clumsy: cleaned up", "clumsy panicked: true"]);
}

#[test]
fn a_message_or_a_hang_up_ends_a_nap_early() {
    let output = grading::run_example("interruptible_wait", LIMIT);
    grading::assert_says(
        &output,
        &[
            "first nap ended by a message: \"time to go\"",
            "second nap ended by a hang-up",
        ],
    );
}

#[test]
fn a_named_thread_returns_its_count_through_join() {
    let output = grading::run_example("named_thread", LIMIT);
    grading::assert_says(&output, &["thermometer counted 2 readings over 30"]);
}

#[test]
fn scoped_threads_find_the_extremes_and_sort_both_halves() {
    let output = grading::run_example("scoped_threads", LIMIT);
    grading::assert_says(
        &output,
        &[
            "Some((-9, 31))",
            "each half sorted: [-3, 8, 17, 22, -9, 0, 12, 31]",
        ],
    );
}
