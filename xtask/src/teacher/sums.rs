//! `course.sums`: a SHA-256 of every file that decides a grade, and the
//! graded tests of every exercise, so that `cargo xtask grade` can tell a
//! copy whose tests, grading helpers, given code, runner or course map were
//! edited from the course as it was handed out.
//!
//! The file is generated (`cargo xtask sums` writes it, `verify` checks that
//! it is current) and committed. Which version counts: in a git repository
//! whose first commit holds a `course.sums` (a student's copy made by
//! `cargo xtask export --student`, or the repository GitHub Classroom makes
//! from it), that commit's version, so that editing a test and the sums
//! together is still caught; otherwise the one in the folder.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::course::{Chapter, Course};
use crate::generated::Generated;

/// The file's name, at the course's root.
pub const FILE: &str = "course.sums";

/// What the file holds.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sums {
    /// Each protected file (relative, with `/`) and its SHA-256, in hex.
    pub files: BTreeMap<String, String>,
    /// Chapter id, exercise, and the names of its graded tests (without the
    /// exercise's prefix), in the order of the test file.
    pub tests: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// Each exercise's file as handed out (not protected: the learner
    /// edits it), so that `grade` can tell an exercise nobody touched.
    pub starters: BTreeMap<String, String>,
}

impl Sums {
    /// The graded tests of one exercise, as libtest names them
    /// (`downloads::all_at_once_overlaps`).
    pub fn tests_of(&self, chapter: &str, exercise: &str) -> Vec<String> {
        self.tests
            .get(chapter)
            .and_then(|exercises| exercises.get(exercise))
            .into_iter()
            .flatten()
            .map(|test| format!("{exercise}::{test}"))
            .collect()
    }
}

/// The files that decide a grade: the course map, the workspace's manifest,
/// lock file and toolchain, cargo's and insta's configuration (a
/// `rustc-wrapper`, `[env]`, or insta's `force_pass` could change a result),
/// the grading helpers, the runner, and everything in each built chapter's
/// folder but the files of `src/` a learner writes: its manifest, a build
/// script, `lib.rs`, the given modules, the tests (graded tests, snapshots,
/// lessons). A learner may add modules of their own to `src/`.
pub fn protected_files(root: &Path, course: &Course) -> Result<Vec<String>> {
    let mut files: Vec<String> = [
        "course.toml",
        "Cargo.toml",
        "Cargo.lock",
        "rust-toolchain.toml",
        "insta.yaml",
        ".insta.yaml",
    ]
    .map(str::to_owned)
    .to_vec();
    for dir in ["chapters/grading", "xtask", ".cargo", ".config"] {
        walk(root, Path::new(dir), &mut files)?;
    }
    for chapter in course.built() {
        let dir = format!("chapters/{}", chapter.id);
        let mut all = Vec::new();
        walk(root, Path::new(&dir), &mut all)?;
        let src = format!("{dir}/src/");
        let kept: Vec<String> = std::iter::once(format!("{dir}/src/lib.rs"))
            .chain(
                chapter
                    .given
                    .iter()
                    .map(|given| format!("{dir}/src/{given}.rs")),
            )
            .collect();
        files.extend(
            all.into_iter()
                .filter(|file| !file.starts_with(&src) || kept.contains(file)),
        );
    }
    files.retain(|file| root.join(file).is_file());
    files.sort();
    files.dedup();
    Ok(files)
}

/// Files that change no grade: what insta leaves beside a failing snapshot,
/// and what editors and file browsers leave beside a file a student only
/// opened (so reading a test is never taken for editing one).
fn ignored(name: &str) -> bool {
    name.ends_with(".snap.new")
        || name.ends_with(".pending-snap")
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == ".DS_Store"
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<String>) -> Result<()> {
    let Ok(entries) = fs::read_dir(root.join(dir)) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if ignored(&name) || name == "target" {
            continue;
        }
        let relative = dir.join(&name);
        if entry.file_type()?.is_dir() {
            walk(root, &relative, files)?;
        } else {
            files.push(slashes(&relative));
        }
    }
    Ok(())
}

/// A relative path with `/` between its parts, on every system.
pub fn slashes(path: &Path) -> String {
    path.components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The SHA-256 of a file's text with Windows line ends read as `\n`, so a
/// checkout with `core.autocrlf` has the same sums.
pub fn hash(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut normalised = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().peekable();
    while let Some(&byte) = iter.next() {
        if byte == b'\r' && iter.peek() == Some(&&b'\n') {
            continue;
        }
        normalised.push(byte);
    }
    let digest = Sha256::digest(&normalised);
    Ok(digest.iter().fold(String::new(), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    }))
}

/// The names of the tests in one graded test file: the `fn`s directly
/// inside its `grading::graded! { ... }` blocks (every build's, the loom
/// build's included).
pub fn graded_tests_in(source: &str) -> Vec<String> {
    let mut tests = Vec::new();
    let mut inside = false;
    for line in source.lines() {
        if line.starts_with("grading::graded! {") {
            inside = true;
        } else if inside && line.starts_with('}') {
            inside = false;
        } else if inside
            && let Some(rest) = line.strip_prefix("    fn ")
            && let Some((name, _)) = rest.split_once("()")
        {
            tests.push(name.to_owned());
        }
    }
    tests
}

fn graded_tests(root: &Path, chapter: &Chapter) -> Result<BTreeMap<String, Vec<String>>> {
    let mut tests = BTreeMap::new();
    for exercise in &chapter.exercises {
        let path = root
            .join("chapters")
            .join(&chapter.id)
            .join("tests/grade")
            .join(format!("{}.rs", exercise.name));
        let source =
            fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        tests.insert(exercise.name.clone(), graded_tests_in(&source));
    }
    Ok(tests)
}

/// The sums of the course as it is in `root` now.
pub fn compute(root: &Path, course: &Course) -> Result<Sums> {
    let mut sums = Sums::default();
    for file in protected_files(root, course)? {
        let digest = hash(&root.join(&file))?;
        sums.files.insert(file, digest);
    }
    for chapter in course.built() {
        sums.tests
            .insert(chapter.id.clone(), graded_tests(root, chapter)?);
        for exercise in &chapter.exercises {
            let file = slashes(&exercise.starter_file(chapter));
            let digest = hash(&root.join(&file))?;
            sums.starters.insert(file, digest);
        }
    }
    Ok(sums)
}

/// The file's text: a header, then TOML, in a stable order.
pub fn render(sums: &Sums) -> String {
    let mut out = String::from(
        "# Generated by `cargo xtask sums`: do not edit. The SHA-256 of every file\n\
         # that decides a grade, and each exercise's graded tests; `cargo xtask\n\
         # grade` refuses to grade a copy whose files differ from them. The\n\
         # exercises' starters are listed apart: an untouched one scores nothing.\n\n[files]\n",
    );
    for (file, digest) in &sums.files {
        let _ = writeln!(out, "{} = \"{digest}\"", quoted(file));
    }
    out.push_str("\n[starters]\n");
    for (file, digest) in &sums.starters {
        let _ = writeln!(out, "{} = \"{digest}\"", quoted(file));
    }
    for (chapter, exercises) in &sums.tests {
        let _ = write!(out, "\n[tests.{chapter}]\n");
        for (exercise, tests) in exercises {
            let names: Vec<String> = tests.iter().map(|test| quoted(test)).collect();
            let _ = writeln!(out, "{exercise} = [{}]", names.join(", "));
        }
    }
    out
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `course.sums` as it must be, for `verify` and `cargo xtask sums`.
pub fn generated(root: &Path, course: &Course) -> Result<Generated> {
    Ok(Generated {
        path: PathBuf::from(FILE),
        contents: render(&compute(root, course)?),
    })
}

pub fn parse(text: &str) -> Result<Sums> {
    toml::from_str(text).with_context(|| format!("{FILE} is not valid"))
}

/// The sums to grade against, and where they came from: in a student's
/// copy, those of its first commit when git can read them, else the file
/// in the folder.
pub fn reference(root: &Path) -> Result<(Sums, String)> {
    if crate::teacher::export::is_student_copy(root)
        && let Some((commit, text)) = first_commit_version(root)
    {
        let short: String = commit.chars().take(12).collect();
        return Ok((
            parse(&text)?,
            format!("{FILE} of the first commit, {short}"),
        ));
    }
    let path = root.join(FILE);
    let text = fs::read_to_string(&path).with_context(|| {
        format!(
            "cannot read {}: without it, grade cannot check the tests",
            path.display()
        )
    })?;
    Ok((parse(&text)?, FILE.to_owned()))
}

/// The repository's first commit and `course.sums` as it has it, if it has
/// one.
fn first_commit_version(root: &Path) -> Option<(String, String)> {
    let git = |args: &[&str]| crate::learner::reset::git(root, args).ok();
    // The oldest root commit (a repository can have several).
    let roots = git(&["rev-list", "--max-parents=0", "HEAD"])?;
    let first = roots.lines().last()?.trim().to_owned();
    let text = git(&["show", &format!("{first}:./{FILE}")])?;
    Some((first, text))
}

/// The protected files that differ from the reference sums: changed,
/// deleted or added, each named. Empty when the copy is the course's.
pub fn tampered(root: &Path, course: &Course) -> Result<Vec<String>> {
    let (reference, _) = reference(root)?;
    let mut problems = Vec::new();
    let now = protected_files(root, course)?;
    for (file, digest) in &reference.files {
        let path = root.join(file);
        if !path.is_file() {
            problems.push(format!("{file} (deleted)"));
        } else if &hash(&path)? != digest {
            problems.push(format!("{file} (changed)"));
        }
    }
    for file in now {
        if !reference.files.contains_key(&file) {
            problems.push(format!("{file} (added)"));
        }
    }
    Ok(problems)
}

/// `cargo xtask sums`: writes `course.sums` for the course as it is now.
pub fn write(root: &Path) -> Result<bool> {
    let course = Course::load(root)?;
    let sums = compute(root, &course)?;
    let file = Generated {
        path: PathBuf::from(FILE),
        contents: render(&sums),
    };
    let tests: usize = sums
        .tests
        .values()
        .flat_map(BTreeMap::values)
        .map(Vec::len)
        .sum();
    let what = format!("{} files, {tests} graded tests", sums.files.len());
    if crate::generated::write(root, std::slice::from_ref(&file))?.is_empty() {
        println!("{} {FILE} is up to date ({what})", crate::ui::pass_mark());
    } else {
        println!("{} wrote {FILE} ({what})", crate::ui::pass_mark());
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_graded_tests_are_the_fns_inside_graded_blocks() {
        let source = "use x;\n\nfn helper() {}\n\n#[cfg(not(feature = \"loom\"))]\ngrading::graded! {\n    fn first() {\n        fn inner() {}\n    }\n\n    #[ignore]\n    fn second() {\n    }\n}\n\n#[cfg(feature = \"loom\")]\ngrading::graded! {\n    fn loom_third() {}\n}\nfn after() {}\n";
        assert_eq!(
            graded_tests_in(source),
            ["first", "second", "loom_third"],
            "the three tests, and no helper, inner or trailing fn"
        );
    }

    #[test]
    fn editors_leftovers_are_not_files_of_the_course() {
        for name in [
            ".main.rs.swp",
            "main.rs~",
            "#main.rs#",
            ".DS_Store",
            "x.snap.new",
        ] {
            assert!(
                ignored(name),
                "{name} is left by a tool, not written by a student"
            );
        }
        for name in ["main.rs", "build.rs", "insta.yaml", "x.snap"] {
            assert!(!ignored(name), "{name} can change a grade");
        }
    }

    #[test]
    fn windows_line_ends_hash_like_unix_ones() {
        let dir = tempfile::tempdir().unwrap();
        let (unix, windows) = (dir.path().join("u"), dir.path().join("w"));
        fs::write(&unix, "a\nb\n").unwrap();
        fs::write(&windows, "a\r\nb\r\n").unwrap();
        assert_eq!(
            hash(&unix).unwrap(),
            hash(&windows).unwrap(),
            "autocrlf must not look like tampering"
        );
        fs::write(&windows, "a\r\nc\r\n").unwrap();
        assert_ne!(
            hash(&unix).unwrap(),
            hash(&windows).unwrap(),
            "a changed line changes the sum"
        );
    }
}
