//! The chapter's demos behave as the book says.

use std::process::Command;
use std::time::Duration;

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
