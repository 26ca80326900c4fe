//! The chapter's demos behave as the book says.

use std::process::Command;
use std::time::Duration;

/// How long a book example may take: each needs well under a second.
const LIMIT: Duration = Duration::from_secs(20);

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

#[test]
fn the_barrier_announces_each_round_once_and_in_order() {
    let output = grading::run_example("barrier_rounds", LIMIT);
    let announced: Vec<&str> = output
        .lines()
        .filter_map(|line| Some(line.split_once(": all 3 runners in")?.0))
        .collect();
    assert_eq!(announced, ["round 1", "round 2", "round 3"], "{output}");
}

#[test]
fn each_drinker_pours_once_the_kettle_is_hot_enough() {
    let output = grading::run_example("kettle", LIMIT);
    for (drink, wanted) in [("tea", 80), ("coffee", 95)] {
        let prefix = format!("{drink}: poured at ");
        let found: u32 = output
            .lines()
            .find_map(|line| line.strip_prefix(&prefix))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or_else(|| panic!("no `{prefix}<degrees>` in:\n{output}"));
        assert!(found >= wanted, "{drink} poured too cold:\n{output}");
    }
}
