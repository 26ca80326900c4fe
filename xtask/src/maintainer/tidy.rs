//! The course map matches the files: every chapter, exercise, test module,
//! mutant, lesson and counterpart that `course.toml` names exists, and the
//! other way round. Runs as part of `verify` and as a plain test.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use anyhow::Result;

use crate::course::Course;
use crate::maintainer::mutants;

/// The fewest mutants an exercise may have.
pub const MIN_MUTANTS: usize = 4;
/// The fewest mutants a chapter's exercises may have on average.
pub const MIN_AVERAGE_MUTANTS: usize = 6;
/// The fewest insta snapshots a chapter's tests may keep.
pub const MIN_SNAPSHOTS: usize = 2;

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
        let mut mutant_count = 0;
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
            if exercise.hints.len() < 2 || exercise.hints.iter().any(|h| h.trim().is_empty()) {
                report(format!(
                    "{id}/{name}: needs at least two hints, each a step further, none empty"
                ));
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
                    let mut seen = BTreeSet::new();
                    for mutant in &list {
                        if let Err(error) = mutant.apply(&source) {
                            report(format!("{id}/{name}: {error:#}"));
                        }
                        if !seen.insert(&mutant.name) {
                            report(format!(
                                "{id}/{name}: two mutants are named `{}`",
                                mutant.name
                            ));
                        }
                    }
                    if waits_on_a_condvar(&source) && !list.iter().any(|m| m.waits_with_if) {
                        report(format!(
                            "{id}/{name}: it waits on a Condvar, so it needs a mutant that waits \
                             with `if` instead of `while` (marked `waits_with_if = true`)"
                        ));
                    }
                    planted_deadlocks += list.iter().filter(|m| m.deadlock).count();
                    mutant_count += list.len();
                }
            }
        }
        if planted_deadlocks == 0 {
            report(format!(
                "{id}: no planted deadlock; mark a mutant that blocks for ever `deadlock = true`"
            ));
        }
        if mutant_count < MIN_AVERAGE_MUTANTS * chapter.exercises.len() {
            report(format!(
                "{id}: {mutant_count} mutants for {} exercises, at least {MIN_AVERAGE_MUTANTS} \
                 per exercise on average needed",
                chapter.exercises.len()
            ));
        }
        let snapshots = fs::read_dir(tests_dir.join("snapshots"))
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.path().extension().is_some_and(|ext| ext == "snap"))
                    .count()
            })
            .unwrap_or(0);
        if snapshots < MIN_SNAPSHOTS {
            report(format!(
                "{id}: {snapshots} insta snapshots in tests/grade/snapshots, at least \
                 {MIN_SNAPSHOTS} needed"
            ));
        }
        let starter_sync = fs::read_to_string(chapter.starter_dir(root).join("src/sync.rs"));
        let solution_sync = fs::read_to_string(chapter.solution_dir(root).join("src/sync.rs"));
        match (&starter_sync, &solution_sync) {
            (Ok(a), Ok(b)) if a != b => report(format!(
                "{id}: src/sync.rs differs between the starter and the solution; it is given \
                 code and must be the same file"
            )),
            (Ok(_), Err(_)) | (Err(_), Ok(_)) => report(format!(
                "{id}: src/sync.rs exists in only one of the starter and the solution"
            )),
            _ => {}
        }
        for exercise in &chapter.exercises {
            let starter =
                fs::read_to_string(root.join(exercise.starter_file(chapter))).unwrap_or_default();
            if waits_on_a_condvar(&starter) && starter_sync.is_err() {
                report(format!(
                    "{id}/{}: the starter waits on a Condvar, so the chapter needs the given \
                     src/sync.rs",
                    exercise.name
                ));
            }
            if starter.contains("std::sync::{Condvar") || starter.contains("std::sync::Condvar") {
                report(format!(
                    "{id}/{}: the starter imports std's Condvar; use the given `crate::sync`",
                    exercise.name
                ));
            }
            for line in panicking_drops(&starter) {
                report(format!(
                    "{}:{line}: a starter's `Drop` must not panic (a panic while a failed test \
                     unwinds aborts every test); give the `Drop` and let it call the learner's \
                     method, catching its panic while unwinding",
                    exercise.starter_file(chapter).display()
                ));
            }
        }
        for entry in fs::read_dir(&tests_dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let source = fs::read_to_string(&path).unwrap_or_default();
            for line in wordless_assertions(&source) {
                report(format!(
                    "{}:{line}: an assertion without a message; say in words what was \
                     expected, so a learner reads more than `left: 12, right: 6`",
                    path.strip_prefix(root).unwrap_or(&path).display()
                ));
            }
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
    // Every chapter, built or planned, in the table of contents in course
    // order; a planned one as a draft (a title with no page).
    let mut last = 0;
    for chapter in &course.chapters {
        let entry = match (&chapter.page, chapter.planned) {
            (Some(page), false) => format!("]({page})"),
            _ => format!("[{}]()", chapter.title),
        };
        match summary.find(&entry) {
            Some(at) if at < last => report(format!(
                "{}: book/src/SUMMARY.md lists it out of course order",
                chapter.id
            )),
            Some(at) => last = at,
            None if chapter.planned => report(format!(
                "{}: book/src/SUMMARY.md needs the draft chapter `- {entry}`",
                chapter.id
            )),
            None => {}
        }
        if chapter.planned && chapter.scope.is_none() {
            report(format!(
                "{}: a planned chapter needs a one-line `scope`",
                chapter.id
            ));
        }
    }
    // The README's table of chapters: one row per chapter, numbered in
    // course order, each with its title and whether it is ready or planned.
    let readme = fs::read_to_string(root.join("README.md")).unwrap_or_default();
    let rows: Vec<&str> = readme
        .lines()
        .filter(|line| line.starts_with("| ") && line.ends_with(" |"))
        .filter(|line| {
            line.split('|')
                .nth(1)
                .is_some_and(|cell| cell.trim().contains(". "))
        })
        .collect();
    for (number, chapter) in course.chapters.iter().enumerate() {
        let start = format!("| {}. {} |", number + 1, chapter.title);
        let status = if chapter.planned {
            "| planned |"
        } else {
            "| ready |"
        };
        match rows.iter().find(|row| row.starts_with(&start)) {
            Some(row) if row.ends_with(status) => {}
            Some(_) => report(format!(
                "{}: README.md's table of chapters should say `{status}`",
                chapter.id
            )),
            None => report(format!(
                "{}: README.md's table of chapters needs a row starting `{start}`",
                chapter.id
            )),
        }
    }
    if rows.len() != course.chapters.len() {
        report(format!(
            "README.md's table of chapters has {} rows for {} chapters",
            rows.len(),
            course.chapters.len()
        ));
    }
    for (old, new) in &course.renamed {
        if course.chapters.iter().any(|chapter| &chapter.id == old) {
            report(format!("[renamed] {old}: a chapter still has that id"));
        }
        if !course.chapters.iter().any(|chapter| &chapter.id == new) {
            report(format!(
                "[renamed] {old} = {new}: no chapter has the id {new}"
            ));
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

/// Whether Rust source waits on a condition variable.
fn waits_on_a_condvar(source: &str) -> bool {
    source.contains("Condvar")
        && [
            ".wait(",
            ".wait_while(",
            ".wait_timeout(",
            ".wait_timeout_while(",
            "wait_interval(",
        ]
        .iter()
        .any(|call| source.contains(call))
}

/// The lines (1-based) of `assert!`, `assert_eq!` and `assert_ne!` calls
/// that give no message: fewer top-level arguments than the condition (one)
/// or the two values (two) and a message. Commas inside strings, char
/// literals and brackets do not count (a closure's `|a, b|` sits inside a
/// call's parentheses).
fn wordless_assertions(source: &str) -> Vec<usize> {
    let mut found = Vec::new();
    for (name, needs) in [("assert!(", 1), ("assert_eq!(", 2), ("assert_ne!(", 2)] {
        let mut from = 0;
        while let Some(at) = source[from..].find(name) {
            let start = from + at;
            from = start + name.len();
            // `debug_assert!(` and the like are other macros.
            let before = source[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if top_level_arguments(&source[from..]) <= needs {
                found.push(source[..start].lines().count().max(1));
            }
        }
    }
    found.sort_unstable();
    found
}

/// How many comma-separated arguments a macro call has, given the text
/// just after its opening parenthesis (a trailing comma adds none).
fn top_level_arguments(text: &str) -> usize {
    let (mut depth, mut commas, mut last) = (0i32, 0, ' ');
    let mut chars = text.chars();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '\'' => {
                // A char literal ('a', '\n'), or a lifetime ('a): skip a
                // literal only when it closes within three characters.
                let ahead: String = chars.clone().take(3).collect();
                if let Some(end) = ahead.find('\'') {
                    for _ in 0..=end {
                        chars.next();
                    }
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => commas += 1,
            _ => {}
        }
        if !c.is_whitespace() {
            last = c;
        }
    }
    if last == ',' { commas } else { commas + 1 }
}

/// The lines (1-based) of `todo!` and `unimplemented!` inside `impl ... Drop
/// for` blocks: in a starter, each is a panic that can run while a failed
/// test unwinds.
fn panicking_drops(source: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut depth: Option<i32> = None;
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        if depth.is_none() && code.trim_start().starts_with("impl") && code.contains("Drop for ") {
            depth = Some(0);
        }
        if let Some(d) = depth.as_mut() {
            if code.contains("todo!") || code.contains("unimplemented!") {
                found.push(n + 1);
            }
            *d += code.matches('{').count() as i32 - code.matches('}').count() as i32;
            if *d <= 0 && code.contains('}') {
                depth = None;
            }
        }
    }
    found
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
        // A student's copy (`export --student`) has no solutions, mutants
        // or figure data: this checks the teacher's copy.
        if crate::teacher::export::is_student_copy(&root) {
            return;
        }
        let course = Course::load(&root).unwrap();
        let problems = problems(&root, &course).unwrap();
        assert!(
            problems.is_empty(),
            "course.toml and the files disagree:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn a_todo_inside_a_drop_is_found_and_one_outside_is_not() {
        let source = "impl Drop for Permit<'_> {\n    fn drop(&mut self) {\n        todo!(\"x\")\n    }\n}\nfn f() {\n    todo!()\n}\nimpl<T> Drop for G<T> {\n    fn drop(&mut self) { unimplemented!() }\n}\n";
        assert_eq!(panicking_drops(source), [3, 10]);
    }

    #[test]
    fn an_assertion_without_words_is_found() {
        let source = "fn t() {\n    assert_eq!(a, b);\n    assert_eq!(f(1, 2), [3, 4], \"the sums, {x}\");\n    \
                      assert!(ok);\n    assert!(ok, \"it worked\",);\n    debug_assert!(x);\n    \
                      assert!(v.iter().any(|(a, b)| a == b), \"a pair matches\");\n    \
                      assert_eq!(c, ',',);\n}\n";
        assert_eq!(wordless_assertions(source), [2, 4, 8]);
    }

    #[test]
    fn a_condvar_wait_is_recognised() {
        assert!(waits_on_a_condvar(
            "use crate::sync::Condvar; x.wait_while(g, f)"
        ));
        assert!(!waits_on_a_condvar("use crate::sync::Mutex; rx.recv()"));
    }

    /// The runner knows how to grade, draw and check; which chapters there
    /// are, and what each measures, is data (`course.toml`, each
    /// chapter's `figures.toml`). Comments and tests may name chapters.
    #[test]
    fn the_runners_code_names_no_chapter() {
        fn names_a_chapter(line: &str) -> bool {
            line.as_bytes().windows(5).any(|w| {
                w[0] == b'c'
                    && w[1] == b'h'
                    && w[2].is_ascii_digit()
                    && w[3].is_ascii_digit()
                    && (w[4] == b'-' || w[4] == b'_')
            })
        }
        let mut found = Vec::new();
        let mut folders = vec![crate::project_root().join("xtask/src")];
        while let Some(folder) = folders.pop() {
            for entry in fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let source = fs::read_to_string(&path).unwrap();
                let code = source.split("#[cfg(test)]\nmod tests").next().unwrap();
                for (number, line) in code.lines().enumerate() {
                    if !line.trim_start().starts_with("//") && names_a_chapter(line) {
                        found.push(format!("{}:{}: {line}", path.display(), number + 1));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "chapter names in the runner's code; move them to data:\n{}",
            found.join("\n")
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
