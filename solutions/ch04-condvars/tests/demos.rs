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
        "{} is missing: `cargo test -p ch04-condvars-solution` builds the examples",
        path.display()
    );
    path
}

#[test]
fn every_pipeline_delivers_every_item() {
    grading::deadline("pipeline", Duration::from_secs(60), || {
        let output = Command::new(example("pipeline"))
            .output()
            .expect("pipeline runs");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success(), "a pipeline lost items:\n{stdout}");
        for name in ["BoundedQueue", "sync_channel", "crossbeam"] {
            assert!(
                stdout.contains(&format!("{name:<14} 100000 items, sum 4999950000")),
                "{stdout}"
            );
        }
    });
}
