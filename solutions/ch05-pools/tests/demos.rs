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
fn futures_deliver_a_panic_a_cancellation_and_every_result() {
    let output = run_example("future_as_channel", LIMIT);
    assert_says(
        &output,
        &[
            "broken: Ok(Err(\"no such page\"))",
            "never: Err(RecvError) (cancelled)",
        ],
    );
    assert_eq!(output.matches(" ms) finished").count(), 3, "{output}");
}

#[test]
fn rayon_counts_the_same_primes_on_any_pool() {
    let output = run_example("ready_made_pools", LIMIT);
    assert_says(
        &output,
        &[
            "5133 primes below 50000",
            "5133 primes again, on a pool of 2",
        ],
    );
}

#[test]
fn two_workers_handle_every_number_and_skip_the_zeros() {
    let output = run_example("worker_queue", LIMIT);
    assert_says(&output, &["8 numbers handled by the same 2 workers"]);
    assert_eq!(
        output.matches("taking the next number").count(),
        2,
        "{output}"
    );
}
