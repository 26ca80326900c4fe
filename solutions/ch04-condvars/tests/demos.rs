//! The chapter's demos behave as the book says.

use std::process::Command;
use std::time::Duration;

#[test]
fn every_pipeline_delivers_every_item() {
    grading::deadline("pipeline", Duration::from_secs(60), || {
        let output = Command::new(grading::example_binary("pipeline"))
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
