//! The chapter's demos behave as the book says.

use std::path::PathBuf;
use std::process::Command;

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
        "{} is missing: `cargo test -p ch02-locks-solution` builds the examples",
        path.display()
    );
    path
}

/// The number before " of 1000" on the line that starts with `label`.
fn counted(output: &str, label: &str) -> u64 {
    let line = output
        .lines()
        .find(|line| line.starts_with(label))
        .unwrap_or_else(|| panic!("no `{label}` line in:\n{output}"));
    line[label.len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count on: {line}"))
}

#[test]
fn the_racy_counter_loses_updates_and_the_locked_one_does_not() {
    grading::deadline("racy_counter", std::time::Duration::from_secs(20), || {
        let output = Command::new(example("racy_counter"))
            .output()
            .expect("racy_counter runs");
        assert!(output.status.success());
        let output = String::from_utf8(output.stdout).unwrap();
        assert_eq!(counted(&output, "locked:"), 1000, "{output}");
        // A thousand threads reading within one shared millisecond: in
        // practice hundreds of updates are lost. The model test proves that
        // the loss is possible at all; this shows how large it is.
        assert!(counted(&output, "racy:") < 1000, "{output}");
    });
}
