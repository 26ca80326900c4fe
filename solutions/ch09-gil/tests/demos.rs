//! The chapter's demos behave as the book says.

use std::time::Duration;

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn padding_puts_two_counters_a_cache_line_apart() {
    let output = grading::run_example("cache_lines", LIMIT);
    // 128 bytes on x86-64 and 64-bit ARM, less on some other processors.
    let line = align_of::<crossbeam_utils::CachePadded<u64>>();
    grading::assert_says(
        &output,
        &[
            "side by side: 8 bytes apart, 16 in all",
            &format!("padded: {line} bytes apart, {} in all", 2 * line),
        ],
    );
}

#[test]
fn a_lone_holder_keeps_the_gil_and_two_threads_each_take_all_their_steps() {
    let output = grading::run_example("gil_timeline", LIMIT);
    grading::assert_says(
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
    let output = grading::run_example("restore_on_drop", LIMIT);
    grading::assert_says(
        &output,
        &[
            "inside: loading > parsing",
            "after returning: \"\"",
            "after a panic (caught: true): \"\"",
        ],
    );
}
