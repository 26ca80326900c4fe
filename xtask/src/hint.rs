//! `cargo xtask hint <exercise>`: one step, not the answer.

use std::path::Path;

use anyhow::{Result, bail};

use crate::course::Course;
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
    println!(
        "{} {} ({})",
        ui::bold("Hint for"),
        exercise.name,
        exercise.title
    );
    println!("  file: {}\n", exercise.starter_file(chapter).display());
    println!("{}", ui::indent(&textwrap(&exercise.hint, 76), 2));
    Ok(())
}

/// Wraps `text` at word boundaries to lines of at most `width` characters.
fn textwrap(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(textwrap("one two three four", 9), "one two\nthree\nfour");
    }
}
