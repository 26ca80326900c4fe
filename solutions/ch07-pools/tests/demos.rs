//! The chapter's demos behave as the book says.

use std::time::Duration;

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn futures_deliver_a_panic_a_cancellation_and_every_result() {
    let output = grading::run_example("future_as_channel", LIMIT);
    grading::assert_says(
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
    let output = grading::run_example("ready_made_pools", LIMIT);
    grading::assert_says(
        &output,
        &[
            "5133 primes below 50000",
            "5133 primes again, on a pool of 2",
        ],
    );
}

#[test]
fn two_workers_handle_every_number_and_skip_the_zeros() {
    let output = grading::run_example("worker_queue", LIMIT);
    grading::assert_says(&output, &["8 numbers handled by the same 2 workers"]);
    assert_eq!(
        output.matches("taking the next number").count(),
        2,
        "{output}"
    );
}
