//! The chapter's demos behave as the book says.

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

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

/// Runs the example `name` to its end and returns its stdout. Fails when it
/// exits unsuccessfully, and kills it first when it runs longer than `limit`.
fn run_example(name: &'static str, limit: Duration) -> String {
    grading::deadline(name, limit + Duration::from_secs(5), move || {
        let mut child = Command::new(grading::example_binary(name))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{name} does not start: {e}"));
        // Read both pipes while it runs, so that a full pipe cannot stop it.
        let stdout = read_all(child.stdout.take().unwrap());
        let stderr = read_all(child.stderr.take().unwrap());
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("the example can be waited for") {
                break status;
            }
            if started.elapsed() > limit {
                child.kill().expect("a hung example can be killed");
                child.wait().expect("a killed example can be reaped");
                panic!("{name} still ran after {limit:?}, and was killed");
            }
            thread::sleep(Duration::from_millis(10));
        };
        let stdout = stdout.join().unwrap();
        let stderr = stderr.join().unwrap();
        assert!(
            status.success(),
            "{name} failed: {status}\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
        stdout
    })
}

fn read_all(mut pipe: impl Read + Send + 'static) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).expect("the pipe can be read");
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

#[test]
fn the_barrier_announces_each_round_once_and_in_order() {
    let output = run_example("barrier_rounds", LIMIT);
    let announced: Vec<&str> = output
        .lines()
        .filter_map(|line| Some(line.split_once(": all 3 runners in")?.0))
        .collect();
    assert_eq!(announced, ["round 1", "round 2", "round 3"], "{output}");
}

#[test]
fn each_drinker_pours_once_the_kettle_is_hot_enough() {
    let output = run_example("kettle", LIMIT);
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
