//! `cargo xtask stress [chapter] [--runs N] [--busy]`: the solution suites,
//! many times in a row, optionally with a busy thread per core beside them.
//!
//! A concurrency test that passes once proves little; one that passes thirty
//! times in a row while other threads compete for the cores is worth
//! trusting. Every failure is reported with the test's name and message.
//!
//! `--busy` spins a thread on every core, harsher than the course's standard
//! (the other core busy). It found that a CPU-bound speed-up is no fact
//! about a test's code on a loaded machine: Linux's scheduler favours
//! threads that wake from waiting, so four threads taking turns under
//! chapter 9's GIL got more CPU time than one thread alone against two
//! spinners, and read 1.5 times as fast. That test now checks only the
//! I/O-bound curves.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use crate::course::Course;
use crate::deadline;
use crate::grade::{self, TestResult};
use crate::maintainer::busy::Busy;
use crate::ui;

/// How long one run of the suites may take before it counts as hung.
const RUN_LIMIT: Duration = Duration::from_secs(600);

pub fn run(root: &Path, name: Option<&str>, runs: usize, busy: bool) -> Result<bool> {
    let course = Course::load(root)?;
    let packages: Vec<String> = course
        .chapters_named(name, "stress runs whole chapters")?
        .into_iter()
        .map(|chapter| chapter.solution_package())
        .collect();
    let package_args: Vec<&str> = packages.iter().flat_map(|p| ["-p", p.as_str()]).collect();

    println!(
        "{} the suites of {} …",
        ui::bold("Building"),
        packages.join(", ")
    );
    let built = grade::cargo_test(root)
        .args(&package_args)
        .arg("--no-run")
        .status()?;
    if !built.success() {
        bail!("the solutions do not build");
    }

    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let _busy = busy.then(|| Busy::start(cores));
    println!(
        "{} {runs} runs{} …",
        ui::bold("Stress:"),
        if busy {
            format!(", with a busy thread on each of the {cores} cores")
        } else {
            String::new()
        }
    );
    let started = Instant::now();
    let mut failed_runs = 0;
    for n in 1..=runs {
        let mut command = grade::cargo_test(root);
        // Not `-q`: libtest's one line per test names the failures.
        command.args(&package_args).arg("--no-fail-fast");
        let run_started = Instant::now();
        let finished = deadline::output_within(command, RUN_LIMIT)?;
        let secs = run_started.elapsed().as_secs_f64();
        let stdout = String::from_utf8_lossy(&finished.stdout);
        let failures = grade::failures(&stdout);
        let passed = !finished.timed_out && finished.status.is_some_and(|s| s.success());
        if passed {
            println!("  run {n:>3}/{runs} {} ({secs:.1} s)", ui::pass_mark());
            continue;
        }
        failed_runs += 1;
        println!("  run {n:>3}/{runs} {} ({secs:.1} s)", ui::fail_mark());
        if finished.timed_out {
            println!("      stopped after {} s: a hang", RUN_LIMIT.as_secs());
        }
        for TestResult { name, failure, .. } in &failures {
            let message = failure
                .as_ref()
                .map(|f| f.message.lines().next().unwrap_or_default().to_owned())
                .unwrap_or_default();
            println!("      {} {}", ui::bold(name), message);
        }
        if failures.is_empty() && !finished.timed_out {
            println!(
                "{}",
                ui::indent(
                    &grade::last_lines(&String::from_utf8_lossy(&finished.stderr), 15),
                    6
                )
            );
        }
    }
    let total = started.elapsed().as_secs_f64();
    let ok = failed_runs == 0;
    println!(
        "{} {}/{runs} runs passed in {total:.0} s",
        if ok { ui::pass_mark() } else { ui::fail_mark() },
        runs - failed_runs
    );
    Ok(ok)
}
