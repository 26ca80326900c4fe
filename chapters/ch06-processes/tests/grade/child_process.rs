use ch06_processes::child_process::{RunError, run_with_input};
use grading::{Band, timed};
use std::path::Path;
use std::time::Duration;

use crate::{child, is_reaped};

const ENOUGH: Duration = Duration::from_secs(4);

grading::graded! {
    fn a_child_echoes_what_it_is_fed() {
        let done = run_with_input(child(), &["echo"], b"hello, child", ENOUGH).expect("echo runs");
        assert!(done.status.success());
        assert_eq!(done.stdout, b"hello, child");
        assert!(done.stderr.is_empty());
    }

    fn a_large_input_streams_through_without_a_deadlock() {
        // Far more than a pipe holds: the child writes while it still reads.
        let input: Vec<u8> = (0..2_000_000).map(|i| b"abcdefghij"[i % 10]).collect();
        let done = run_with_input(child(), &["shout"], &input, ENOUGH).expect("shout runs");
        assert!(done.status.success());
        assert_eq!(done.stdout.len(), input.len());
        assert_eq!(done.stdout, input.to_ascii_uppercase());
    }

    fn the_exit_status_and_stderr_come_back() {
        let done = run_with_input(child(), &["fail", "3", "no such page"], b"", ENOUGH).expect("fail runs");
        assert_eq!(done.status.code(), Some(3));
        assert_eq!(String::from_utf8_lossy(&done.stderr).trim(), "no such page");
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

    fn a_missing_program_is_a_start_error() {
        let outcome = run_with_input(Path::new("/no/such/program"), &[], b"", ENOUGH);
        assert!(matches!(outcome, Err(RunError::Start(_))), "{outcome:?}");
    }
}
