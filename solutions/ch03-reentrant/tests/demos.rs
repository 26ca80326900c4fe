//! The chapter's demos behave as the book says.

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

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

/// Fails, showing `output`, unless it contains every one of `expected`.
fn assert_says(output: &str, expected: &[&str]) {
    for text in expected {
        assert!(output.contains(text), "no `{text}` in:\n{output}");
    }
}

#[test]
fn the_latch_lets_main_go_only_after_all_three_checked_in() {
    let output = run_example("countdown_latch", LIMIT);
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
    let output = run_example("dining_philosophers", LIMIT);
    assert_says(&output, &["the forks served [40, 40, 40, 40, 40]"]);
}

#[test]
fn the_journal_holds_the_same_count_down_either_way() {
    let output = run_example("journal", LIMIT);
    assert_says(&output, &["reentrant, 6 locks:", "plain, 1 lock:"]);
    assert_eq!(output.matches("[5, 4, 3, 2, 1]").count(), 2, "{output}");
}

#[test]
fn locking_twice_on_one_thread_gives_up_instead_of_hanging() {
    let output = run_example("try_lock_twice", LIMIT);
    assert_says(
        &output,
        &[
            "std: try_lock while holding it: WouldBlock",
            "parking_lot: try_lock_for while holding it: gave up",
        ],
    );
}
