//! The chapter's demos behave as the book says.

use std::time::Duration;

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn the_consumers_loop_ends_when_the_last_sender_is_dropped() {
    let output = grading::run_example("hang_up", LIMIT);
    grading::assert_says(
        &output,
        &[
            "received 12 messages from 3 producers",
            "the receiver's loop ended by itself",
            "send to a dropped receiver failed; the message came back: late",
        ],
    );
}

#[test]
fn a_rendezvous_send_waits_for_the_receiver() {
    let output = grading::run_example("rendezvous", LIMIT);
    grading::assert_says(
        &output,
        &[
            "capacity 0: send waited until the receiver took the value: true",
            "capacity 1: send returned before the receiver started receiving",
        ],
    );
}

#[test]
fn the_slowest_stage_sets_the_pace() {
    let output = grading::run_example("slowest_stage", LIMIT);
    grading::assert_says(
        &output,
        &[
            "at best 100 items a second, set by the 10 ms stage",
            "received 30 items; measured:",
        ],
    );
}
