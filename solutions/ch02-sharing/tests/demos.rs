//! The chapter's demos behave as the book says.

use std::time::Duration;

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn the_count_of_owners_goes_up_with_each_thread_and_back_to_one() {
    let output = grading::run_example("counting_owners", LIMIT);
    grading::assert_says(
        &output,
        &[
            "before the threads: 1 owner",
            "while 3 threads hold a clone: 4 owners",
            "worker 2 read retries=3",
            "after join: 1 owner",
        ],
    );
}

#[test]
fn eight_racing_threads_build_the_table_once_and_share_it() {
    let output = grading::run_example("built_once", LIMIT);
    grading::assert_says(
        &output,
        &[
            "built 1 time(s)",
            "every thread got the same table: true",
            "1229 primes below 10 000",
        ],
    );
}

#[test]
fn two_lock_scopes_book_a_seat_twice_and_one_guard_once() {
    let output = grading::run_example("double_booking", LIMIT);
    grading::assert_says(
        &output,
        &[
            "two lock scopes: 2 of 2 guests told seat 7 is theirs",
            "one guard: 1 of 2 guests told seat 7 is theirs",
        ],
    );
    assert!(
        output.contains("seat 7 is ann's") || output.contains("seat 7 is bob's"),
        "the map should name one guest:\n{output}"
    );
}

#[test]
fn each_thread_counts_only_its_own_calls() {
    let output = grading::run_example("own_counts", LIMIT);
    grading::assert_says(
        &output,
        &[
            "thread 1 counted 1 call(s)",
            "thread 2 counted 2 call(s)",
            "thread 3 counted 3 call(s)",
            "the main thread's counter: 0",
        ],
    );
}

#[test]
fn readers_share_the_lock_and_the_writer_waits_for_them() {
    let output = grading::run_example("readers_at_once", LIMIT);
    grading::assert_says(
        &output,
        &[
            "3 readers in at once; the writer must wait",
            "after the readers left, the writer set tea to 4",
        ],
    );
}
