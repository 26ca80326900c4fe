use ch08_processes::child_process::{RunError, run_with_input};
use grading::{Band, timed};
use std::path::Path;
use std::time::Duration;

use crate::{child, is_reaped};

const ENOUGH: Duration = Duration::from_secs(4);

/// A child that ends at once is answered at once: far less than `ENOUGH`,
/// however loaded the machine (it takes milliseconds).
fn at_once() -> Band {
    Band::under(ENOUGH / 2)
}

grading::graded! {
    fn a_child_echoes_what_it_is_fed() {
        let (outcome, took) = timed(|| run_with_input(child(), &["echo"], b"hello, child", ENOUGH));
        let done = outcome.expect("echo runs");
        assert!(done.status.success(), "echo ends with success once it has copied its input; it ended with {}", done.status);
        assert_eq!(done.stdout, b"hello, child", "Finished.stdout holds what echo wrote: exactly the input it was fed");
        assert!(done.stderr.is_empty(), "echo writes nothing to stderr, so Finished.stderr is empty");
        at_once().assert_contains("a quick child under a 4 s limit (it must not wait out the limit)", took);
    }

    fn an_empty_input_still_closes_the_childs_stdin() {
        // `echo` reads to the end of its input: it ends only once stdin is closed.
        let (outcome, took) = timed(|| run_with_input(child(), &["echo"], b"", ENOUGH));
        match outcome {
            Ok(done) => {
                assert!(done.status.success(), "echo with an empty input ends with success; it ended with {}", done.status);
                assert!(
                    done.stdout.is_empty(),
                    "echo fed nothing writes nothing, but Finished.stdout holds {:?}",
                    String::from_utf8_lossy(&done.stdout)
                );
            }
            Err(error) => panic!("with no input the child's stdin must still be closed, so echo ends; got {error:?}"),
        }
        at_once().assert_contains("echo with an empty input", took);
    }

    fn a_large_input_streams_through_without_a_deadlock() {
        // Far more than a pipe holds: the child writes while it still reads.
        let input: Vec<u8> = (0..2_000_000).map(|i| b"abcdefghij"[i % 10]).collect();
        let done = run_with_input(child(), &["shout"], &input, ENOUGH).expect("shout runs");
        assert!(done.status.success(), "shout ends with success after copying 2 MB; it ended with {}", done.status);
        assert_eq!(done.stdout.len(), input.len(), "every byte of the 2 MB input comes back from shout's stdout");
        assert_eq!(done.stdout, input.to_ascii_uppercase(), "shout's stdout is the input in capitals, in order");
    }

    fn the_exit_status_and_stderr_come_back() {
        let done = run_with_input(child(), &["fail", "3", "no such page"], b"", ENOUGH).expect("fail runs");
        assert_eq!(done.status.code(), Some(3), "the child's exit code 3 comes back in Finished.status");
        assert_eq!(
            String::from_utf8_lossy(&done.stderr).trim(),
            "no such page",
            "what the child wrote to stderr comes back in Finished.stderr"
        );
    }

    fn a_hung_child_is_killed_and_reaped() {
        let limit = Duration::from_millis(100);
        let (outcome, took) = timed(|| run_with_input(child(), &["hang"], b"", limit));
        match outcome {
            Err(RunError::TimedOut { pid, .. }) => assert!(is_reaped(pid), "the killed child {pid} is still a zombie"),
            other => panic!("a hung child must time out, got {other:?}"),
        }
        Band::around(limit).assert_contains("running a hung child", took);
    }

    fn a_killed_child_still_hands_back_what_it_wrote() {
        // The child writes at once, then hangs; the limit leaves it ample time to write.
        let limit = Duration::from_secs(1);
        match run_with_input(child(), &["hang", "half a report"], b"", limit) {
            Err(RunError::TimedOut { pid, stdout }) => {
                assert_eq!(
                    String::from_utf8_lossy(&stdout),
                    "half a report",
                    "a child killed at the limit: what it wrote by then comes back with `TimedOut`"
                );
                assert!(is_reaped(pid), "the killed child {pid} is still a zombie");
            }
            other => panic!("a hung child must time out, got {other:?}"),
        }
    }

    fn a_missing_program_is_a_start_error() {
        let outcome = run_with_input(Path::new("/no/such/program"), &[], b"", ENOUGH);
        assert!(
            matches!(outcome, Err(RunError::Start(_))),
            "a program that does not exist is RunError::Start, got {outcome:?}"
        );
    }
}
