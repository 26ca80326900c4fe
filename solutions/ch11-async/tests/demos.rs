//! The chapter's demos behave as the book says. How many ticks the ticker
//! manages beside `spawn_blocking` depends on the machine; that none happen
//! while the thread is blocked does not.

use std::time::Duration;

/// How long a demo may take: each needs about a second at most.
const LIMIT: Duration = Duration::from_secs(30);

#[test]
fn a_future_runs_only_when_awaited() {
    let output = grading::run_example("lazy_future", LIMIT);
    grading::assert_says(
        &output,
        &[
            "calling greet(\"ada\")\ncalled it; nothing has run yet\n  greet(ada) is running\nawaited it: hello, ada",
            "dropped greet(\"never\") unpolled",
        ],
    );
    assert!(
        !output.contains("greet(never) is running"),
        "a future dropped unpolled never runs:\n{output}"
    );
}

#[test]
fn a_blocking_call_stops_the_ticker() {
    let output = grading::run_example("blocked_loop", LIMIT);
    grading::assert_says(
        &output,
        &[
            "ticks while std::thread::sleep blocked the runtime's thread: 0",
            "ticks while the same sleep ran in spawn_blocking: ",
        ],
    );
}
