//! `cargo xtask model [chapter]`: the shuttle model checks of the primitives
//! the course builds by hand, and the loom models of a chapter graded with
//! loom (its package's `loom` feature: chapter 10).
//!
//! A chapter has model checks when its solution has `tests/model.rs`. Where
//! the checks explore the solution's own primitives, the solution package has
//! a `shuttle` feature that swaps `std`'s `Mutex` and `Condvar` for shuttle's
//! (its `src/sync.rs`); the command turns it on. What the checks can and
//! cannot see is written at the top of each `tests/model.rs`.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use crate::course::Course;
use crate::grade;
use crate::ui;

pub fn run(root: &Path, name: Option<&str>) -> Result<bool> {
    let course = Course::load(root)?;
    let chapters = course.chapters_named(name, "model checks run per chapter")?;
    let mut ok = true;
    let mut ran = 0;
    for chapter in chapters {
        let package = chapter.solution_package();
        let solution = grade::Package {
            manifest: None,
            name: &package,
        };
        // The loom models are graded tests (`loom_*` in the chapter's test
        // file), built with the `loom` feature; shuttle's are `tests/model.rs`.
        let (test, feature) = if grade::has_feature(root, solution, grade::LOOM) {
            ("grade", Some(grade::LOOM))
        } else if chapter.solution_dir(root).join("tests/model.rs").is_file() {
            let shuttle = grade::has_feature(root, solution, "shuttle");
            ("model", shuttle.then_some("shuttle"))
        } else {
            continue;
        };
        ran += 1;
        let mut command = grade::cargo_test(root);
        command.args(["-q", "-p", &package, "--test", test]);
        if let Some(feature) = feature {
            command.args(["--features", feature]);
        }
        println!(
            "{} {package}{} …",
            ui::bold("Model checks of"),
            feature.map_or(String::new(), |feature| format!(" (feature {feature})"))
        );
        let started = Instant::now();
        let output = command.output()?;
        let passed = output.status.success();
        ok &= passed;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let count = stdout
            .lines()
            .filter_map(|line| line.strip_prefix("test result: "))
            .filter_map(|rest| {
                rest.split(" passed")
                    .next()?
                    .rsplit(' ')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .sum::<usize>();
        if passed {
            println!(
                "{} {count} model test(s) pass ({:.1} s)",
                ui::pass_mark(),
                started.elapsed().as_secs_f64()
            );
        } else {
            println!(
                "{} model checks failed:\n{}",
                ui::fail_mark(),
                ui::indent(
                    &grade::last_lines(
                        &format!("{}{stdout}", String::from_utf8_lossy(&output.stderr)),
                        40
                    ),
                    4
                )
            );
        }
    }
    if ran == 0 {
        println!("no chapter here has model checks");
    }
    Ok(ok)
}
