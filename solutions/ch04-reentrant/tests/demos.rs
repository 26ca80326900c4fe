//! The chapter's demos behave as the book says.

use std::process::Command;
use std::time::Duration;

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn parking_lot_reports_the_cycle_of_two_transfers() {
    grading::deadline("deadlock_detector", Duration::from_secs(20), || {
        let output = Command::new(grading::example_binary("deadlock_detector"))
            .output()
            .expect("deadlock_detector runs");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            output.status.success(),
            "no deadlock was detected:\n{stdout}"
        );
        assert!(stdout.contains("deadlock detected: 1 cycle(s)"), "{stdout}");
        assert!(stdout.contains("cycle 0: 2 threads"), "{stdout}");
    });
}

#[test]
fn the_latch_lets_main_go_only_after_all_three_checked_in() {
    let output = grading::run_example("countdown_latch", LIMIT);
    let main_goes = output
        .find("main: all three checked in")
        .unwrap_or_else(|| panic!("main never went on:\n{output}"));
    // Each worker prints before it checks in.
    assert_eq!(
        output[..main_goes].matches(": checked in").count(),
        3,
        "{output}"
    );
}

#[test]
fn philosophers_taking_forks_in_order_eat_every_meal() {
    let output = grading::run_example("dining_philosophers", LIMIT);
    grading::assert_says(&output, &["the forks served [40, 40, 40, 40, 40]"]);
}

#[test]
fn the_journal_holds_the_same_count_down_either_way() {
    let output = grading::run_example("journal", LIMIT);
    grading::assert_says(&output, &["reentrant, 6 locks:", "plain, 1 lock:"]);
    assert_eq!(output.matches("[5, 4, 3, 2, 1]").count(), 2, "{output}");
}

#[test]
fn locking_twice_on_one_thread_gives_up_instead_of_hanging() {
    let output = grading::run_example("try_lock_twice", LIMIT);
    grading::assert_says(
        &output,
        &[
            "std: try_lock while holding it: WouldBlock",
            "parking_lot: try_lock_for while holding it: gave up",
        ],
    );
}
