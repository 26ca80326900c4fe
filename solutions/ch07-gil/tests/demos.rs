//! The chapter's demos behave as the book says.

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

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
fn padding_puts_two_counters_a_cache_line_apart() {
    let output = run_example("cache_lines", LIMIT);
    // 128 bytes on x86-64 and 64-bit ARM, less on some other processors.
    let line = align_of::<crossbeam_utils::CachePadded<u64>>();
    assert_says(
        &output,
        &[
            "side by side: 8 bytes apart, 16 in all",
            &format!("padded: {line} bytes apart, {} in all", 2 * line),
        ],
    );
}

#[test]
fn a_lone_holder_keeps_the_gil_and_two_threads_each_take_all_their_steps() {
    let output = run_example("gil_timeline", LIMIT);
    assert_says(
        &output,
        &["10 000 ticks: GilStats { acquisitions: 1, switches: 0,"],
    );
    // Who held the lock when depends on the machine's load; how many steps
    // each thread made does not.
    let timeline = output
        .lines()
        .find_map(|line| line.strip_prefix("two CPU-bound threads: "))
        .unwrap_or_else(|| panic!("no timeline in:\n{output}"));
    assert_eq!(timeline.matches('a').count(), 50, "{output}");
    assert_eq!(timeline.matches('b').count(), 50, "{output}");
}

#[test]
fn the_context_is_restored_after_a_return_and_after_a_panic() {
    let output = run_example("restore_on_drop", LIMIT);
    assert_says(
        &output,
        &[
            "inside: loading > parsing",
            "after returning: \"\"",
            "after a panic (caught: true): \"\"",
        ],
    );
}
