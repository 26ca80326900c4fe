//! `cargo xtask`: the course map, progress, the next exercise, the book.

use std::path::Path;

use anyhow::Result;

use crate::course::{Course, ExerciseKind};
use crate::learner::book;
use crate::progress::Progress;
use crate::ui;

pub fn run(root: &Path) -> Result<()> {
    let course = Course::load(root)?;
    let progress = Progress::load(root);
    print!("{}", render(&course, &progress, root));
    Ok(())
}

fn render(course: &Course, progress: &Progress, root: &Path) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{}: {}\n",
        ui::bold(&course.course.title),
        course.course.tagline
    ));
    out.push_str(&format!("Progress {}\n\n", progress.bar(course, 32)));

    let width = course.name_width();
    let next = progress
        .next_unpassed(course, None)
        .and_then(|name| course.find_exercise(&name).ok());
    for (number, chapter) in course.chapters.iter().enumerate() {
        let heading = format!("{:>2}  {:<38}", number + 1, chapter.title);
        if chapter.planned {
            out.push_str(&format!("{}{}\n", ui::dim(&heading), ui::dim("planned")));
            if let Some(scope) = &chapter.scope {
                for line in ui::wrap(scope, 66).lines() {
                    out.push_str(&format!("      {}\n", ui::dim(line)));
                }
            }
            continue;
        }
        let passed = chapter
            .exercises
            .iter()
            .filter(|e| progress.passed.contains(&e.name))
            .count();
        out.push_str(&format!(
            "{}{}  {passed}/{}\n",
            ui::bold(&heading),
            chapter.id,
            chapter.exercises.len()
        ));
        for exercise in &chapter.exercises {
            let is_next = next.is_some_and(|(_, e)| e.name == exercise.name);
            let mark = if progress.passed.contains(&exercise.name) {
                ui::pass_mark()
            } else if is_next {
                ui::yellow("▶")
            } else {
                ui::dim("·")
            };
            let kind = match exercise.kind {
                ExerciseKind::Fix => ui::dim(" (fix the bug)"),
                ExerciseKind::Implement => String::new(),
            };
            out.push_str(&format!(
                "      {mark} {:<width$} {}{kind}\n",
                exercise.name, exercise.title
            ));
        }
    }
    out.push('\n');
    match next {
        Some((chapter, exercise)) => {
            out.push_str(&format!(
                "Next: {} — {}\n",
                ui::bold(&exercise.name),
                exercise.title
            ));
            out.push_str(&format!(
                "  edit       {}\n",
                exercise.starter_file(chapter).display()
            ));
            out.push_str(&format!(
                "  grade it   cargo xtask check {}\n",
                exercise.name
            ));
            out.push_str(&format!(
                "  a hint     cargo xtask hint {}\n",
                exercise.name
            ));
            if let Some(page) = &chapter.page {
                out.push_str(&format!(
                    "  read       {}\n",
                    book::where_to_read(
                        root,
                        &format!("{}#exercises", page.replace(".md", ".html"))
                    )
                ));
            }
        }
        None if course.exercises().next().is_some() => out.push_str(&format!(
            "{} Every exercise passes. More chapters are coming.\n",
            ui::pass_mark()
        )),
        None => {}
    }
    if progress.passed.is_empty() {
        out.push_str(&ui::dim(
            "  (progress comes from `cargo xtask check`; nothing graded yet)\n",
        ));
    }
    let built = root.join("target/book/index.html");
    let book = if built.is_file() {
        format!("{} (rebuild: cargo xtask book --open)", built.display())
    } else {
        "cargo xtask book --open builds it into target/book/".to_owned()
    };
    out.push_str(&format!("The book   {book}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_every_chapter_and_the_next_exercise() {
        let root = crate::project_root();
        let mut course = Course::load(&root).unwrap();
        let mut progress = Progress::default();
        progress.record("downloads", true);
        let map = render(&course, &progress, &root);
        assert!(map.contains("Threads"), "{map}");
        // Planned chapters sit in their place in the order, marked so.
        for (number, chapter) in course.chapters.iter().enumerate() {
            let heading = format!("{:>2}  {}", number + 1, chapter.title);
            assert!(map.contains(&heading), "chapter {heading} missing:\n{map}");
            let line = map.lines().find(|line| line.contains(&heading)).unwrap();
            assert_eq!(
                line.contains("planned"),
                chapter.planned,
                "only planned chapters say so: {line}"
            );
        }
        assert!(
            map.contains("Next: arguments"),
            "the first unpassed exercise is next:\n{map}"
        );
        assert!(
            map.contains("chapters/ch01-threads/src/arguments.rs"),
            "{map}"
        );
        assert!(map.contains("The book"), "{map}");

        // A planned chapter is announced, without its exercises.
        let last = course.chapters.iter_mut().rfind(|c| !c.planned).unwrap();
        last.planned = true;
        let title = last.title.clone();
        let first_exercise = last.exercises[0].name.clone();
        let map = render(&course, &progress, &root);
        assert!(map.contains(&title), "{map}");
        let line = map.lines().find(|line| line.contains(&title)).unwrap();
        assert!(line.contains("planned"), "{line}");
        assert!(!map.contains(&format!(" {first_exercise} ")), "{map}");
    }
}
