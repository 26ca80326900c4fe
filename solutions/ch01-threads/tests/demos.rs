//! The chapter's demos behave as the book says.

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};
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

/// Runs the example `name` to its end and returns its stdout. Fails when it
/// exits unsuccessfully, and kills it first when it runs longer than `limit`.
fn run_example(name: &'static str, limit: Duration) -> String {
    grading::deadline(name, limit + Duration::from_secs(5), move || {
        let mut child = Command::new(grading::example_binary(name))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{name} does not start: {e}"));
        // Read both pipes while it runs, so that a full pipe cannot stop it.
        let stdout = read_all(child.stdout.take().unwrap());
        let stderr = read_all(child.stderr.take().unwrap());
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("the example can be waited for") {
                break status;
            }
            if started.elapsed() > limit {
                child.kill().expect("a hung example can be killed");
                child.wait().expect("a killed example can be reaped");
                panic!("{name} still ran after {limit:?}, and was killed");
            }
            thread::sleep(Duration::from_millis(10));
        };
        let stdout = stdout.join().unwrap();
        let stderr = stderr.join().unwrap();
        assert!(
            status.success(),
            "{name} failed: {status}\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
        stdout
    })
}

fn read_all(mut pipe: impl Read + Send + 'static) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).expect("the pipe can be read");
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Fails, showing `output`, unless it contains every one of `expected`.
fn assert_says(output: &str, expected: &[&str]) {
    for text in expected {
        assert!(output.contains(text), "no `{text}` in:\n{output}");
    }
}

#[test]
fn a_panicking_thread_still_drops_its_values() {
    let output = run_example("cleanup_on_panic", LIMIT);
    assert_says(&output, &["clumsy: cleaned up", "clumsy panicked: true"]);
}

#[test]
fn a_message_or_a_hang_up_ends_a_nap_early() {
    let output = run_example("interruptible_wait", LIMIT);
    assert_says(
        &output,
        &[
            "first nap ended by a message: \"time to go\"",
            "second nap ended by a hang-up",
        ],
    );
}

#[test]
fn a_named_thread_returns_its_count_through_join() {
    let output = run_example("named_thread", LIMIT);
    assert_says(&output, &["thermometer counted 2 readings over 30"]);
}

#[test]
fn scoped_threads_find_the_extremes_and_sort_both_halves() {
    let output = run_example("scoped_threads", LIMIT);
    assert_says(
        &output,
        &[
            "Some((-9, 31))",
            "each half sorted: [-3, 8, 17, 22, -9, 0, 12, 31]",
        ],
    );
}
