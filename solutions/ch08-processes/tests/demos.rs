//! The chapter's demos behave as the book says.

use std::time::Duration;

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn a_child_reverses_every_line_fed_through_its_pipes() {
    let output = grading::run_example("pipes_to_a_child", LIMIT);
    grading::assert_says(
        &output,
        &["stdout: 20000 lines", "stderr: \"reversed 20000 lines\""],
    );
}

#[test]
fn a_request_reads_back_and_bad_frames_are_errors() {
    let output = grading::run_example("wire_bytes", LIMIT);
    grading::assert_says(
        &output,
        &[
            "read back: Ok(Some(Run { task: \"square\"",
            "a frame cut short: Err(Truncated",
            "a length of 2 GiB: Err(Oversized",
        ],
    );
}
