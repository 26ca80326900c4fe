//! `cargo xtask hint <exercise>`: one step, not the answer. Each call shows
//! the next of the exercise's hints (counted in the learner's progress), and
//! says how many there are.

use std::path::Path;

use anyhow::{Result, bail};

use crate::course::Course;
use crate::progress::Progress;
use crate::ui;

pub fn run(root: &Path, name: Option<&str>) -> Result<()> {
    let course = Course::load(root)?;
    let Some(name) = name else {
        let names: Vec<&str> = course.exercises().map(|(_, e)| e.name.as_str()).collect();
        bail!(
            "which exercise? cargo xtask hint <exercise>\nexercises: {}",
            names.join(", ")
        );
    };
    let (chapter, exercise) = course.find_exercise(name)?;
    let mut progress = Progress::load(root);
    let count = exercise.hints.len();
    let step = progress.next_hint(&exercise.name, count);
    progress.save(root)?;
    println!(
        "{} {} ({}), {} {} of {count}",
        ui::bold("Hint for"),
        exercise.name,
        exercise.title,
        ui::bold("step"),
        step + 1,
    );
    println!("  file: {}\n", exercise.starter_file(chapter).display());
    println!("{}", ui::indent(&ui::wrap(&exercise.hints[step], 76), 2));
    let next = if step + 1 < count {
        format!(
            "ask again for step {} (cargo xtask hint {name}, or h in watch)",
            step + 2
        )
    } else {
        "that was the last step; asking again starts from the first".to_owned()
    };
    println!("\n  {}", ui::dim(&next));
    Ok(())
}
