//! `cargo xtask solution <exercise>`: once an exercise passes, the reference
//! solution as a diff against the learner's file.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use similar::{ChangeTag, TextDiff};

use crate::course::{Chapter, Course, Exercise};
use crate::progress::Progress;
use crate::ui;

pub fn run(root: &Path, name: Option<&str>) -> Result<bool> {
    let course = Course::load(root)?;
    let Some(name) = name else {
        bail!("which exercise? cargo xtask solution <exercise>");
    };
    let (chapter, exercise) = course.find_exercise(name)?;
    if crate::teacher::export::is_student_copy(root) {
        println!(
            "The reference solutions are not in this copy of the course (a student's copy); \
             your teacher has them.\n  a hint     cargo xtask hint {}",
            exercise.name
        );
        return Ok(false);
    }
    if !Progress::load(root).passed.contains(&exercise.name) {
        println!(
            "{} has not passed yet, so its solution stays hidden.\n  \
             grade it   cargo xtask check {}\n  a hint     cargo xtask hint {}",
            exercise.name, exercise.name, exercise.name
        );
        return Ok(false);
    }
    print!("{}", render(root, chapter, exercise)?);
    Ok(true)
}

/// The diff of the learner's file against the reference solution.
pub fn render(root: &Path, chapter: &Chapter, exercise: &Exercise) -> Result<String> {
    let mine_path = exercise.starter_file(chapter);
    let theirs_path = exercise.solution_file(chapter);
    let mine = fs::read_to_string(root.join(&mine_path))
        .with_context(|| format!("cannot read {}", mine_path.display()))?;
    let theirs = fs::read_to_string(root.join(&theirs_path))
        .with_context(|| format!("cannot read {}", theirs_path.display()))?;
    // The diff is about code: the book's anchors and the doc comments (the
    // task sheet in yours, the design notes in the solution) are left out;
    // the solution's notes are in its file.
    let (mine, theirs) = (code_only(&mine), code_only(&theirs));
    let mut out = format!(
        "{} of {} ({}), as a diff against your file, code only (its comments are in the file)\n{}\n\n",
        ui::bold("The reference solution"),
        exercise.name,
        theirs_path.display(),
        ui::dim(&format!(
            "  - your line   + the solution's line   ({})",
            mine_path.display()
        ))
    );
    out += &diff(&mine, &theirs);
    Ok(out)
}

/// A unified diff, coloured on a terminal; "identical" when it is.
fn diff(mine: &str, theirs: &str) -> String {
    let diff = TextDiff::from_lines(mine, theirs);
    if diff.ratio() == 1.0 {
        return "Your file is the reference solution, line for line.\n".to_owned();
    }
    let mut out = String::new();
    for group in diff.grouped_ops(3) {
        let first = &group[0];
        out += &ui::dim(&format!(
            "@@ your line {} @@\n",
            first.old_range().start + 1
        ));
        for op in &group {
            for change in diff.iter_changes(op) {
                let line = change.value().trim_end_matches('\n');
                out += &match change.tag() {
                    ChangeTag::Equal => format!("  {line}\n"),
                    ChangeTag::Delete => format!("{}\n", ui::red(&format!("- {line}"))),
                    ChangeTag::Insert => format!("{}\n", ui::green(&format!("+ {line}"))),
                };
            }
        }
    }
    out
}

/// A file without the book's `// ANCHOR:` markers and without doc
/// comments (`//!`, `///`), which are not code.
fn code_only(source: &str) -> String {
    source
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !line.starts_with("// ANCHOR:")
                && !line.starts_with("// ANCHOR_END:")
                && !line.starts_with("//!")
                && !line.starts_with("///")
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_what_differs_with_context() {
        let out = diff("a\nb\nc\n", "a\nB\nc\n");
        assert!(out.contains("- b\n"), "{out}");
        assert!(out.contains("+ B\n"), "{out}");
        assert!(out.contains("  a\n") && out.contains("  c\n"), "{out}");
        assert!(out.contains("@@ your line 1 @@"), "{out}");
    }

    #[test]
    fn says_so_when_identical_and_ignores_anchors_and_doc_comments() {
        let solution = code_only(
            "//! The design.\nfn a() {}\n// ANCHOR: a\n/// Why.\nfn b() {}\n    // ANCHOR_END: a\n",
        );
        assert_eq!(solution, "fn a() {}\nfn b() {}\n");
        let mine =
            code_only("//! The task.\nfn a() {}\n// ANCHOR: a\nfn b() {}\n// ANCHOR_END: a\n");
        assert!(diff(&mine, &solution).contains("line for line"));
    }
}
