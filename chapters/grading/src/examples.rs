//! Running a chapter's demos from its tests.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The path of the example binary `name` that `cargo test` built beside the
/// running test binary.
///
/// Test binaries live in `target/<profile>/deps/`, examples in
/// `target/<profile>/examples/`. `cargo test` builds both; a filtered run
/// such as `cargo test --test demos` does not build examples.
///
/// # Panics
///
/// When the example is missing, saying how to build it.
pub fn example_binary(name: &str) -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test binary has a path");
    let profile = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test binaries live in target/<profile>/deps");
    let path = profile
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        path.exists(),
        "{} is missing: a plain `cargo test -p <chapter>-solution` builds the examples",
        path.display()
    );
    path
}

/// Runs the example `name` (built beside the test, see [`example_binary`])
/// to its end under the deadline watchdog and returns its standard output.
///
/// # Panics
///
/// When it exits unsuccessfully (showing both its outputs), or runs longer
/// than `limit`, in which case it is killed and reaped first, so no test
/// leaves a process behind.
pub fn run_example(name: &'static str, limit: Duration) -> String {
    crate::deadline(name, limit + Duration::from_secs(5), move || {
        let mut child = Command::new(example_binary(name))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{name} does not start: {e}"));
        // Read both pipes while it runs, so that a full pipe cannot stop it.
        let stdout = read_all(child.stdout.take().expect("stdout is piped"));
        let stderr = read_all(child.stderr.take().expect("stderr is piped"));
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
        let stdout = stdout.join().expect("the stdout reader does not panic");
        let stderr = stderr.join().expect("the stderr reader does not panic");
        assert!(
            status.success(),
            "{name} failed: {status}\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
        stdout
    })
}

/// Fails, showing `output`, unless it contains every one of `expected`.
pub fn assert_says(output: &str, expected: &[&str]) {
    for text in expected {
        assert!(output.contains(text), "no `{text}` in:\n{output}");
    }
}

/// Reads a pipe to its end on a thread of its own.
fn read_all(mut pipe: impl Read + Send + 'static) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).expect("the pipe can be read");
        String::from_utf8_lossy(&bytes).into_owned()
    })
}
