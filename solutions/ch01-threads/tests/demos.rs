//! The chapter's demos behave as the book says.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
