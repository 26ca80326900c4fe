//! `cargo xtask export --student <dir>`: a copy of the course to hand out,
//! as a fresh git repository, without the answers.
//!
//! It holds every file git tracks here except `solutions/` (the reference
//! solutions, their mutants, demos and benchmarks), `.ci/` and `plans/`,
//! and these changes:
//! - the workspace's members are the chapters and the runner;
//! - the book's pages lose their solution blocks, and the demos and
//!   benchmark code they include are copied to `book/included/`;
//! - each chapter's mistake signatures (what `check` names a known mistake
//!   by) go to `diagnoses/<chapter>.toml`, without the mutants' code;
//! - the README says what this copy is, and `course.sums` is written for it;
//! - `.github/workflows/grade.yml` (GitHub Classroom) and `autograder/`
//!   (Gradescope) grade a submission with `cargo xtask grade`.
//!
//! In the copy, the learner's commands work; `solution` says the solutions
//! are not in it, and the maintainers' commands say they need the
//! teacher's copy.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::course::Course;
use crate::learner::reset::git;
use crate::teacher::sums;
use crate::ui;

/// Top-level folders a student's copy leaves out.
const LEFT_OUT: [&str; 4] = ["solutions/", ".ci/", "plans/", ".github/"];

/// What `solution` and the maintainers' commands look for: a copy without
/// this folder is a student's.
pub fn is_student_copy(root: &Path) -> bool {
    !root.join("solutions").is_dir()
}

pub fn run(root: &Path, dest: &Path) -> Result<bool> {
    if is_student_copy(root) {
        bail!("this is already a student's copy; export from the teacher's");
    }
    if dest.exists() && fs::read_dir(dest)?.next().is_some() {
        bail!(
            "{} exists and is not empty; give a new folder",
            dest.display()
        );
    }
    let course = Course::load(root)?;
    // The exercises must be the starters: a teacher who has worked them in
    // this copy would hand out answers.
    let (teachers, _) = sums::reference(root)?;
    let mut worked = Vec::new();
    for (file, digest) in &teachers.starters {
        if sums::hash(&root.join(file)).ok().as_ref() != Some(digest) {
            worked.push(file.clone());
        }
    }
    if !worked.is_empty() {
        bail!(
            "these exercises are not their starters (course.sums), so the copy would hand out \
             your work:\n  {}\nReset them (`cargo xtask reset --all`) or run `cargo xtask sums` \
             if the starters themselves changed.",
            worked.join("\n  ")
        );
    }
    fs::create_dir_all(dest)?;
    // Absolute from here: the book's includes are rewritten against it.
    let dest = &fs::canonicalize(dest)?;
    let tracked = git(root, &["ls-files", "-z"])?;
    let mut copied = 0;
    for file in tracked.split('\0').filter(|f| !f.is_empty()) {
        if LEFT_OUT.iter().any(|dir| file.starts_with(dir)) || file == sums::FILE {
            continue;
        }
        let from = root.join(file);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let to = dest.join(file);
        fs::create_dir_all(to.parent().expect("a file is in a folder"))?;
        fs::copy(&from, &to).with_context(|| format!("cannot copy {file}"))?;
        copied += 1;
    }
    for chapter in course.built() {
        let signatures = chapter.solution_dir(root).join("mutants/signatures.toml");
        if signatures.is_file() {
            let to = dest.join(diagnoses_file(&chapter.id));
            fs::create_dir_all(to.parent().expect("a file is in a folder"))?;
            fs::copy(&signatures, &to)?;
        }
    }
    let included = rewrite_book(root, dest)?;
    rewrite_manifest(dest)?;
    rewrite_readme(dest)?;
    write(dest, ".github/workflows/grade.yml", GITHUB_WORKFLOW)?;
    write(dest, "autograder/setup.sh", GRADESCOPE_SETUP)?;
    write(dest, "autograder/run_autograder", GRADESCOPE_RUN)?;
    write(dest, "autograder/pack", GRADESCOPE_PACK)?;
    #[cfg(unix)]
    for script in [
        "autograder/setup.sh",
        "autograder/run_autograder",
        "autograder/pack",
    ] {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dest.join(script), fs::Permissions::from_mode(0o755))?;
    }
    // Cargo.lock without the solution packages, before the sums and the
    // first commit, so the student's first build changes nothing tracked.
    // Offline first (the teacher has built the course), then online.
    for offline in [true, false] {
        let pruned = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(dest)
            .args(["metadata", "--format-version", "1"])
            .args(offline.then_some("--offline"))
            .output()
            .is_ok_and(|output| output.status.success());
        if pruned {
            break;
        }
    }
    // Cargo.lock is among the protected files: left with the solutions in
    // it, the student's first build would rewrite it and fail the check.
    let lock = fs::read_to_string(dest.join("Cargo.lock")).unwrap_or_default();
    if let Some(chapter) = course
        .built()
        .find(|chapter| lock.contains(&format!("name = \"{}\"", chapter.solution_package())))
    {
        bail!(
            "cargo could not update the copy's Cargo.lock (it still names {}); \
             run `cargo metadata` in {} and export again",
            chapter.solution_package(),
            dest.display()
        );
    }
    let student_course = Course::load(dest)?;
    let file = sums::generated(dest, &student_course)?;
    fs::write(dest.join(&file.path), &file.contents)?;
    git(dest, &["init", "-q", "-b", "main"])?;
    git(dest, &["add", "-A"])?;
    git(
        dest,
        &[
            "-c",
            "user.name=Lockstep",
            "-c",
            "user.email=lockstep@invalid",
            "commit",
            "-q",
            "-m",
            "Lockstep, a student's copy",
        ],
    )?;
    println!(
        "{} a student's copy in {}: {copied} files, {included} demo and benchmark files for the book, \
         no solutions, one commit",
        ui::pass_mark(),
        dest.display()
    );
    println!(
        "  hand it out: push it to a new repository (a GitHub Classroom template), or see the \
         book's page for teachers"
    );
    Ok(true)
}

/// Where a student's copy keeps a chapter's mistake signatures.
pub fn diagnoses_file(chapter: &str) -> PathBuf {
    Path::new("diagnoses").join(format!("{chapter}.toml"))
}

fn write(dest: &Path, file: &str, text: &str) -> Result<()> {
    let path = dest.join(file);
    fs::create_dir_all(path.parent().expect("a file is in a folder"))?;
    fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Removes the solution blocks from every page of the copy's book and
/// points its remaining includes of `solutions/` at copies under
/// `book/included/`; returns how many files it copied there.
fn rewrite_book(root: &Path, dest: &Path) -> Result<usize> {
    let mut pages = Vec::new();
    collect_pages(&dest.join("book/src"), &mut pages)?;
    let mut copied = std::collections::BTreeSet::new();
    for page in pages {
        let text = fs::read_to_string(&page)?;
        let dir = page.parent().expect("a page is in a folder");
        let mut out = String::with_capacity(text.len());
        for line in without_solution_blocks(&text).lines() {
            out.push_str(&rewrite_includes(line, dir, dest, &mut |relative| {
                let to = dest.join("book/included").join(relative);
                fs::create_dir_all(to.parent().expect("a file is in a folder"))?;
                fs::copy(root.join(relative), &to)
                    .with_context(|| format!("cannot copy {}", relative.display()))?;
                copied.insert(relative.to_path_buf());
                Ok(to)
            })?);
            out.push('\n');
        }
        fs::write(&page, out)?;
    }
    Ok(copied.len())
}

fn collect_pages(dir: &Path, pages: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_pages(&path, pages)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    Ok(())
}

/// The page without its `<details class="solution">` blocks.
pub fn without_solution_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("<details class=\"solution\">") {
            inside = true;
        } else if inside && trimmed.starts_with("</details>") {
            inside = false;
        } else if !inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `line` with each `{{#include ...}}` of a file under `solutions/`
/// pointed at the copy `copy` makes (given the file's path relative to the
/// course's root).
fn rewrite_includes(
    line: &str,
    page_dir: &Path,
    dest: &Path,
    copy: &mut dyn FnMut(&Path) -> Result<PathBuf>,
) -> Result<String> {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("{{#") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("}}") else {
            out.push_str(&rest[start..]);
            return Ok(out);
        };
        let directive = &rest[start..start + end + 2];
        rest = &rest[start + end + 2..];
        let inner = &directive[3..directive.len() - 2];
        let (command, argument) = inner.split_once(' ').unwrap_or((inner, ""));
        let (file, anchor) = match argument.trim().split_once(':') {
            Some((file, anchor)) => (file, Some(anchor)),
            None => (argument.trim(), None),
        };
        let target = normalise(&page_dir.join(file));
        match target.strip_prefix(dest) {
            Ok(relative) if relative.starts_with("solutions") => {
                let copied = copy(relative)?;
                let new = relative_path(page_dir, &copied);
                let anchor = anchor.map(|a| format!(":{a}")).unwrap_or_default();
                out.push_str(&format!("{{{{#{command} {}{anchor}}}}}", new.display()));
            }
            _ => out.push_str(directive),
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// `path` with its `..` and `.` parts resolved, without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `to` relative to the folder `from` (both absolute and normalised).
fn relative_path(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for part in &to[common..] {
        out.push(part.as_os_str());
    }
    out
}

/// The copy's workspace: the chapters and the runner, no solutions.
fn rewrite_manifest(dest: &Path) -> Result<()> {
    let path = dest.join("Cargo.toml");
    let text = fs::read_to_string(&path)?;
    let mut out = String::new();
    let mut replaced = 0;
    for line in text.lines() {
        if line.starts_with("members = ") {
            out.push_str("members = [\"chapters/*\", \"xtask\"]\n");
            replaced += 1;
        } else if line.starts_with("default-members = ") {
            out.push_str(
                "# A student's copy: `cargo test` tests the grading helpers and the runner;\n\
                 # grade your exercises with `cargo xtask check`.\n\
                 default-members = [\"chapters/grading\", \"xtask\"]\n",
            );
            replaced += 1;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    if replaced != 2 {
        bail!("Cargo.toml has no `members = ` and `default-members = ` lines to rewrite");
    }
    fs::write(&path, out)?;
    Ok(())
}

/// The README's "Test" section, for a copy without solutions, and a line
/// at the top that says what the copy is.
fn rewrite_readme(dest: &Path) -> Result<()> {
    let path = dest.join("README.md");
    let text = fs::read_to_string(&path)?;
    let Some(start) = text.find("\n## Test\n") else {
        bail!("README.md has no `## Test` section to rewrite");
    };
    let end = text[start + 1..]
        .find("\n## ")
        .map_or(text.len(), |i| start + 1 + i);
    let mut out = String::new();
    let mut lines = text[..start].lines();
    if let Some(title) = lines.next() {
        out.push_str(title);
        out.push_str(
            "\n\n> **A student's copy**, made with `cargo xtask export --student`: the exercises, \
             their tests, the book and the runner, without the reference solutions. \
             `cargo xtask grade` gives the score your teacher will see.\n",
        );
    }
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(
        "\n## Test\n\n```console\ncargo test\n```\n\n\
         tests the runner and the grading helpers, and passes on a fresh clone.\n\
         Your exercises are graded by `cargo xtask check` (or `cargo test -p <chapter>`), \
         and fail until you complete them; `cargo xtask grade` gives your score.\n\
         The tests, the grading helpers, the given code and the runner are checked against \
         `course.sums` when you are graded: edit only the exercises' own files.\n",
    );
    out.push_str(&text[end..]);
    fs::write(&path, out)?;
    Ok(())
}

const GITHUB_WORKFLOW: &str = r#"# Grades every push with `cargo xtask grade` (GitHub Classroom, or any
# GitHub repository). Written by `cargo xtask export --student`; the book's
# page for teachers explains it. The job's log holds the text report, and
# the JUnit report is kept as the artifact `grade-report`; the job fails
# unless every graded test passes, or if a test or the runner was edited.
name: Grade
on:
  push:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  grade:
    # Not on the commit GitHub Classroom makes when it creates the
    # repository: nothing is done yet.
    if: github.actor != 'github-classroom[bot]'
    runs-on: ubuntu-latest
    timeout-minutes: 40
    steps:
      - uses: actions/checkout@v4
        with:
          # The tamper check reads course.sums from the first commit.
          fetch-depth: 0
      - name: The pinned Rust toolchain (rust-toolchain.toml)
        run: rustup show active-toolchain || rustup toolchain install
      - name: Cargo's downloads and build, kept between runs
        uses: actions/cache@v4
        with:
          path: |
            ~/.cargo/registry
            ~/.cargo/git
            target
          key: grade-${{ runner.os }}-${{ hashFiles('Cargo.lock', 'rust-toolchain.toml') }}
      - name: Grade
        # Everything on standard output: cargo -q keeps cargo's own
        # progress lines off standard error.
        run: cargo -q xtask grade --format junit --output grade-report.xml 2>&1
      - name: Keep the report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: grade-report
          path: grade-report.xml
          if-no-files-found: ignore
"#;

const GRADESCOPE_SETUP: &str = r#"#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (Ubuntu).
# Written by `cargo xtask export --student`; `autograder/pack` makes the zip.
set -euo pipefail
apt-get update -qq && apt-get install -y -qq curl git build-essential >/dev/null
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --default-toolchain none
source "$HOME/.cargo/env"
cd /autograder/source/course
rustup show active-toolchain || rustup toolchain install
# Build the runner, and every chapter's graded tests as grade builds them
# (one package at a time, and with `--features loom` where a chapter has
# that feature), now rather than once per submission.
cargo -q build -p xtask
for manifest in chapters/ch*/Cargo.toml; do
  package=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)
  cargo -q test -p "$package" --test grade --no-run
  if grep -q '^loom = \[' "$manifest"; then
    cargo -q test -p "$package" --features loom --test grade --no-run
  fi
done
"#;

const GRADESCOPE_RUN: &str = r#"#!/usr/bin/env bash
# Gradescope runs this for each submission. The course here is the
# teacher's copy from the zip: only the exercises' own files are taken from
# the submission, so its tests and runner cannot be edited.
# Written by `cargo xtask export --student`.
set -uo pipefail
source /root/.cargo/env 2>/dev/null || source "$HOME/.cargo/env"
course=/autograder/source/course
submission=/autograder/submission
# A submission from GitHub may sit one folder down.
if [ ! -d "$submission/chapters" ]; then
  inner=$(find "$submission" -maxdepth 2 -name course.toml -printf '%h\n' | head -1)
  [ -n "$inner" ] && submission=$inner
fi
# The exercises' own files, as course.sums lists them under [starters]:
# nothing else is taken from the submission.
# Files uploaded one by one sit at the top of the submission, by their
# names (every exercise's name is unique in the course).
awk '/^\[starters\]/{f=1;next} /^\[/{f=0} f && NF' "$course/course.sums" | cut -d'"' -f2 |
while read -r file; do
  if [ -f "$submission/$file" ]; then
    cp "$submission/$file" "$course/$file"
  elif [ -f "$submission/$(basename "$file")" ]; then
    cp "$submission/$(basename "$file")" "$course/$file"
  fi
done
cd "$course"
results=/autograder/results/results.json
log=/autograder/results/grade.log
mkdir -p /autograder/results
if ! cargo -q xtask grade --format gradescope --output "$results" > "$log" 2>&1 && [ ! -s "$results" ]; then
  # Grading itself failed: say why instead of leaving Gradescope nothing.
  python3 -c 'import json, sys; log = open(sys.argv[2], errors="replace").read()[-4000:]; json.dump({"score": 0, "output": "Grading failed:\n" + log, "tests": []}, open(sys.argv[1], "w"))' "$results" "$log"
fi
cat "$log"
exit 0
"#;

const GRADESCOPE_PACK: &str = r#"#!/usr/bin/env bash
# Makes autograder.zip for Gradescope ("Zip file upload"): this course under
# course/, with setup.sh and run_autograder at the top, as Gradescope wants.
# Run from anywhere: autograder/pack. Needs git 2.35 or later.
# Written by `cargo xtask export --student`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
git archive --format=zip -o autograder.zip \
  --add-file=autograder/setup.sh --add-file=autograder/run_autograder \
  --prefix=course/ HEAD
echo "wrote $root/autograder.zip: upload it as the assignment's autograder"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solution_blocks_are_removed_and_the_rest_kept() {
        let page = "intro\n<details class=\"solution\">\n<summary>x</summary>\n{{#include a}}\n</details>\nafter\n<details>\nkept\n</details>\n";
        assert_eq!(
            without_solution_blocks(page),
            "intro\nafter\n<details>\nkept\n</details>\n",
            "only the solution block goes"
        );
    }

    #[test]
    fn an_include_of_a_solutions_file_points_at_its_copy() {
        let dest = Path::new("/s");
        let mut seen = Vec::new();
        let line = "{{#include ../../solutions/ch01/examples/a.rs:anchor}} and {{#include measurements/t.md}}";
        let out = rewrite_includes(line, Path::new("/s/book/src"), dest, &mut |relative| {
            seen.push(relative.to_path_buf());
            Ok(Path::new("/s/book/included").join(relative))
        })
        .unwrap();
        assert_eq!(
            out,
            "{{#include ../included/solutions/ch01/examples/a.rs:anchor}} and {{#include measurements/t.md}}",
            "the solutions include moves, the other stays"
        );
        assert_eq!(
            seen,
            [PathBuf::from("solutions/ch01/examples/a.rs")],
            "one file copied"
        );
    }
}
