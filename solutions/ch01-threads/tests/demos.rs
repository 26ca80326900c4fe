//! The chapter's demos behave as the book says.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The path of an example binary that `cargo test` built beside this test.
fn example(name: &str) -> PathBuf {
    // This test runs from target/<profile>/deps/; examples are built into
    // target/<profile>/examples/.
    let deps = std::env::current_exe().expect("the test binary has a path");
    let profile = deps
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>");
    let path = profile
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        path.exists(),
        "{} is missing: run the demos with `cargo test -p ch01-threads-solution`, which builds the examples",
        path.display()
    );
    path
}

#[test]
fn ping_pong_exits_although_its_printers_never_stop() {
    grading::deadline("ping_pong", grading::limit(), || {
        let mut child = Command::new(example("ping_pong"))
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
