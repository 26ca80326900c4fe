//! The chapter's demos behave as the book says.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// The path of an example binary that `cargo test` built beside this test.
fn example(name: &str) -> PathBuf {
    let deps = std::env::current_exe().expect("the test binary has a path");
    let profile = deps
        .parent()
        .and_then(|d| d.parent())
        .expect("target/<profile>");
    let path = profile
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        path.exists(),
        "{} is missing: `cargo test -p ch03-reentrant-solution` builds the examples",
        path.display()
    );
    path
}

#[test]
fn parking_lot_reports_the_cycle_of_two_transfers() {
    grading::deadline("deadlock_detector", Duration::from_secs(20), || {
        let output = Command::new(example("deadlock_detector"))
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
