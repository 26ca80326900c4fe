//! The course map matches the files: every chapter, exercise, test module,
//! mutant, lesson and counterpart that `course.toml` names exists, and the
//! other way round. Runs as part of `verify` and as a plain test.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use anyhow::Result;

use crate::course::Course;
use crate::mutants;

/// The fewest mutants an exercise may have.
pub const MIN_MUTANTS: usize = 3;

/// Every mismatch between `course.toml` and the files, as readable lines.
pub fn problems(root: &Path, course: &Course) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut report = |problem: String| problems.push(problem);
    let mut names = BTreeSet::new();
    let summary = fs::read_to_string(root.join("book/src/SUMMARY.md")).unwrap_or_default();

    for chapter in course.built() {
        let id = &chapter.id;
        for (dir, package) in [
            (chapter.starter_dir(root), chapter.package().to_owned()),
            (chapter.solution_dir(root), chapter.solution_package()),
        ] {
            let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
            if !manifest.contains(&format!("name = \"{package}\"")) {
                report(format!(
                    "{}: no package `{package}`",
                    dir.join("Cargo.toml").display()
                ));
            }
        }
        match &chapter.page {
            Some(page) if !root.join("book/src").join(page).is_file() => {
                report(format!("{id}: its book page book/src/{page} is missing"))
            }
            Some(page) if !summary.contains(&format!("({page})")) => {
                report(format!("{id}: book/src/SUMMARY.md does not list {page}"))
            }
            None => report(format!("{id}: no `page` for the book")),
            _ => {}
        }
        if chapter.exercises.is_empty() {
            report(format!("{id}: a built chapter needs exercises"));
        }
        let syllabus: BTreeSet<&String> = course.syllabus.get(id).into_iter().flatten().collect();
        let tests_dir = chapter.starter_dir(root).join("tests/grade");
        let test_main = fs::read_to_string(tests_dir.join("main.rs")).unwrap_or_default();
        for (lib, what) in [
            (chapter.starter_dir(root), "starter"),
            (chapter.solution_dir(root), "solution"),
        ] {
            let lib_rs = fs::read_to_string(lib.join("src/lib.rs")).unwrap_or_default();
            let declared: BTreeSet<&str> = lib_rs
                .lines()
                .filter_map(|line| line.strip_prefix("pub mod ")?.strip_suffix(';'))
                .collect();
            let listed: BTreeSet<&str> = chapter
                .exercises
                .iter()
                .map(|e| e.name.as_str())
                .chain(chapter.given.iter().map(String::as_str))
                .collect();
            for extra in declared.difference(&listed) {
                report(format!(
                    "{id}: the {what} declares `pub mod {extra}`, which course.toml does not list"
                ));
            }
            for missing in listed.difference(&declared) {
                report(format!(
                    "{id}: the {what}'s lib.rs lacks `pub mod {missing};`"
                ));
            }
        }
        let mut planted_deadlocks = 0;
        for exercise in &chapter.exercises {
            let name = &exercise.name;
            if !names.insert(name.clone()) {
                report(format!(
                    "exercise name `{name}` is used twice; names must be unique in the course"
                ));
            }
            for file in [
                exercise.starter_file(chapter),
                exercise.solution_file(chapter),
            ] {
                if !root.join(&file).is_file() {
                    report(format!("{id}/{name}: {} is missing", file.display()));
                }
            }
            if !tests_dir.join(format!("{name}.rs")).is_file()
                || !test_main.lines().any(|line| line == format!("mod {name};"))
            {
                report(format!(
                    "{id}/{name}: no test module tests/grade/{name}.rs declared in tests/grade/main.rs"
                ));
            }
            if exercise.hint.trim().is_empty() {
                report(format!("{id}/{name}: the hint is empty"));
            }
            for covered in &exercise.covers {
                if !syllabus.contains(covered) {
                    report(format!(
                        "{id}/{name}: covers `{covered}`, which is not in the chapter's syllabus"
                    ));
                }
            }
            match mutants::load(root, chapter, exercise) {
                Err(error) => report(format!("{id}/{name}: {error:#}")),
                Ok(list) => {
                    if list.len() < MIN_MUTANTS {
                        report(format!(
                            "{id}/{name}: {} mutants, at least {MIN_MUTANTS} needed",
                            list.len()
                        ));
                    }
                    let source = fs::read_to_string(root.join(exercise.solution_file(chapter)))
                        .unwrap_or_default();
                    for mutant in &list {
                        if let Err(error) = mutant.apply(&source) {
                            report(format!("{id}/{name}: {error:#}"));
                        }
                    }
                    planted_deadlocks += list.iter().filter(|m| m.deadlock).count();
                }
            }
        }
        if planted_deadlocks == 0 {
            report(format!(
                "{id}: no planted deadlock; mark a mutant that blocks for ever `deadlock = true`"
            ));
        }
        for counterpart in &chapter.counterparts {
            if !root.join(counterpart.path(chapter)).is_file() {
                report(format!(
                    "{id}: {} is missing",
                    counterpart.path(chapter).display()
                ));
            }
        }
        let ui = chapter.starter_dir(root).join("tests/ui");
        if let Ok(entries) = fs::read_dir(&ui) {
            for entry in entries.flatten() {
                let path = entry.path();
                let ext = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or_default();
                let twin = match ext {
                    "rs" => path.with_extension("stderr"),
                    "stderr" => path.with_extension("rs"),
                    _ => continue,
                };
                if !twin.is_file() {
                    report(format!(
                        "{}: its twin {} is missing",
                        path.display(),
                        twin.display()
                    ));
                }
            }
        }
    }
    for counterpart in &course.counterparts {
        let path = Path::new("book/src").join(&counterpart.name);
        if counterpart.kind != crate::course::CounterpartKind::Book {
            report(format!(
                "course-wide counterpart {}: only book pages can be course-wide",
                counterpart.name
            ));
        } else if !root.join(&path).is_file() {
            report(format!("{} is missing", path.display()));
        } else if !summary.contains(&format!("({})", counterpart.name)) {
            report(format!(
                "book/src/SUMMARY.md does not list {}",
                counterpart.name
            ));
        }
    }
    Ok(problems)
}

/// Per syllabus group: the ids and what covers each (empty when nothing does).
pub fn coverage(course: &Course) -> BTreeMap<&str, Vec<(&str, Vec<String>)>> {
    let mut coverage = BTreeMap::new();
    for (group, ids) in &course.syllabus {
        let chapter = course.built().find(|chapter| &chapter.id == group);
        let rows = ids
            .iter()
            .map(|id| {
                let mut by = Vec::new();
                if let Some(chapter) = chapter {
                    for exercise in chapter.exercises.iter().filter(|e| e.covers.contains(id)) {
                        by.push(format!("exercise {}", exercise.name));
                    }
                    for counterpart in chapter
                        .counterparts
                        .iter()
                        .filter(|c| c.covers.contains(id))
                    {
                        by.push(
                            format!("{:?} {}", counterpart.kind, counterpart.name).to_lowercase(),
                        );
                    }
                }
                for counterpart in course.counterparts.iter().filter(|c| c.covers.contains(id)) {
                    by.push(format!("book {}", counterpart.name));
                }
                (id.as_str(), by)
            })
            .collect();
        coverage.insert(group.as_str(), rows);
    }
    coverage
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_map_matches_the_files() {
        let root = crate::project_root();
        let course = Course::load(&root).unwrap();
        let problems = problems(&root, &course).unwrap();
        assert!(
            problems.is_empty(),
            "course.toml and the files disagree:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn every_built_chapter_covers_its_whole_syllabus() {
        let course = Course::load(&crate::project_root()).unwrap();
        for chapter in course.built() {
            for (id, by) in &coverage(&course)[chapter.id.as_str()] {
                assert!(!by.is_empty(), "{}: nothing covers {id}", chapter.id);
            }
        }
    }
}
