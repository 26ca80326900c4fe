//! The chapter's demos behave as the book says. Only what cannot vary is
//! checked: how many updates are lost, and how often `Release`/`Acquire`
//! shows the store buffer, depend on the machine and the moment.

use std::time::Duration;

/// How long a demo may take: each needs about a second at most.
const LIMIT: Duration = Duration::from_secs(30);

#[test]
fn fetch_add_loses_nothing() {
    let output = grading::run_example("lost_updates", LIMIT);
    grading::assert_says(
        &output,
        &["load then store: ", "fetch_add: 2000000 of 2000000"],
    );
}

#[test]
fn seq_cst_never_lets_both_threads_read_zero() {
    let output = grading::run_example("store_buffer", LIMIT);
    grading::assert_says(
        &output,
        &[
            "SeqCst: both threads read 0 in 0 of 20000 rounds",
            "Release/Acquire: both threads read 0 in ",
        ],
    );
}

#[test]
fn the_reader_sees_the_value_published_behind_the_flag() {
    let output = grading::run_example("flag", LIMIT);
    grading::assert_says(&output, &["the reader saw the flag, then 42"]);
}
