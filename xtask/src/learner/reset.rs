//! `cargo xtask reset <exercise>` and `reset --all`: back to the starter,
//! and never a lost line of the learner's work.
//!
//! The starter is the file as the course shipped it: its version in git at
//! the commit this clone started from (the merge base of `HEAD` and its
//! upstream, so committing your own work does not move it). Before a file is
//! replaced it is copied to `.lockstep/backups/<time>/<path>`; no path of this
//! module writes a learner's file without that copy.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};

use crate::course::{Chapter, Course, Exercise};
use crate::progress::Progress;
use crate::ui;

/// What resetting one file did.
#[derive(Debug, PartialEq, Eq)]
pub enum Reset {
    /// The file already was the starter.
    Unchanged,
    /// The learner's file was copied to `backup`, and the starter restored.
    Restored { backup: PathBuf },
    /// The file was missing; the starter was restored.
    Recreated,
}

pub fn run(root: &Path, name: Option<&str>, all: bool) -> Result<bool> {
    let course = Course::load(root)?;
    let targets: Vec<(&Chapter, &Exercise)> = match (name, all) {
        (Some(name), false) => vec![course.find_exercise(name)?],
        (None, true) => course.exercises().collect(),
        (Some(_), true) => bail!("name one exercise, or use --all, not both"),
        (None, false) => bail!(
            "which exercise? cargo xtask reset <exercise>, or cargo xtask reset --all\n\
             Your file is backed up under .lockstep/backups/ before the starter replaces it."
        ),
    };
    let base = starter_revision(root)?;
    let backups = new_backup_dir(root)?;
    let mut progress = Progress::load(root);
    let mut restored = 0;
    for (chapter, exercise) in targets {
        let file = exercise.starter_file(chapter);
        match reset_file(root, &base, &file, &backups)? {
            Reset::Unchanged => {
                if name.is_some() {
                    println!(
                        "{} is the starter already; nothing to reset",
                        file.display()
                    );
                }
            }
            Reset::Restored { backup } => {
                restored += 1;
                progress.record(&exercise.name, false);
                println!(
                    "{} {} reset to the starter; your version is in {}",
                    ui::pass_mark(),
                    exercise.name,
                    backup.display()
                );
            }
            Reset::Recreated => {
                restored += 1;
                progress.record(&exercise.name, false);
                println!(
                    "{} {} restored (the file was missing)",
                    ui::pass_mark(),
                    exercise.name
                );
            }
        }
    }
    progress.save(root)?;
    if all {
        println!("{restored} file(s) reset");
    }
    // An empty backup folder says nothing; remove it.
    let _ = fs::remove_dir(&backups);
    Ok(true)
}

/// Restores `file` (relative to `root`) to its version at `base`, after
/// copying the learner's version into `backups`.
pub fn reset_file(root: &Path, base: &str, file: &Path, backups: &Path) -> Result<Reset> {
    let starter = git_show(root, base, file)?;
    let path = root.join(file);
    let current = match fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(error).with_context(|| format!("cannot read {}", path.display())),
    };
    let outcome = match current {
        Some(bytes) if bytes == starter => return Ok(Reset::Unchanged),
        Some(bytes) => {
            let backup = backups.join(file);
            fs::create_dir_all(backup.parent().expect("a file has a folder"))?;
            fs::write(&backup, &bytes).with_context(|| {
                format!("cannot back up {} to {}", path.display(), backup.display())
            })?;
            // Read it back: the starter replaces the file only once the copy is safe.
            if fs::read(&backup)? != bytes {
                bail!(
                    "the backup {} does not match {}; nothing was reset",
                    backup.display(),
                    path.display()
                );
            }
            Reset::Restored {
                backup: backup.strip_prefix(root).unwrap_or(&backup).to_path_buf(),
            }
        }
        None => Reset::Recreated,
    };
    fs::write(&path, &starter).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(outcome)
}

/// The commit whose files are the starters: where this clone's history
/// leaves its upstream, or `HEAD` when there is no upstream.
pub fn starter_revision(root: &Path) -> Result<String> {
    if let Ok(rev) = std::env::var("LOCKSTEP_STARTER_REV") {
        return Ok(rev);
    }
    for upstream in ["@{upstream}", "origin/HEAD", "origin/main"] {
        if let Ok(base) = git(root, &["merge-base", "HEAD", upstream]) {
            return Ok(base);
        }
    }
    git(root, &["rev-parse", "HEAD"]).context(
        "reset needs the course's git history to find the starter files; \
         this folder is not a git clone of the course",
    )
}

/// A new, empty folder for this reset's backups: `.lockstep/backups/<UTC time>`.
pub fn new_backup_dir(root: &Path) -> Result<PathBuf> {
    let stamp = utc_stamp(SystemTime::now());
    let backups = root.join(".lockstep").join("backups");
    for n in 1.. {
        let dir = if n == 1 {
            backups.join(&stamp)
        } else {
            backups.join(format!("{stamp}-{n}"))
        };
        if !dir.exists() {
            fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            return Ok(dir);
        }
    }
    unreachable!("some suffix is free")
}

/// The UTC date of `time`: year, month, day.
pub fn civil_date(time: SystemTime) -> (i64, u32, u32) {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// `2026-11-21T23-59-07Z`: sortable, and valid in a file name everywhere.
fn utc_stamp(time: SystemTime) -> String {
    let rest = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) % 86_400;
    let (year, month, day) = civil_date(time);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}-{:02}-{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn git_show(root: &Path, rev: &str, file: &Path) -> Result<Vec<u8>> {
    let spec = format!("{rev}:{}", file.to_string_lossy().replace('\\', "/"));
    let output = Command::new("git")
        .current_dir(root)
        .args(["show", &spec])
        .output()
        .context("cannot run git")?;
    if !output.status.success() {
        bail!(
            "git has no starter for {} at {rev}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(output.stdout)
}

/// Runs git in `root`; its standard output, trimmed, or an error with what
/// git said. (Also the teacher's room's way to run git.)
pub(crate) fn git(root: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .current_dir(root)
        .args(args)
        .output()
        .context("cannot run git")?;
    if !output.status.success() {
        bail!(
            "git {} failed in {}: {}",
            args.join(" "),
            root.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder, removed when the test ends (also by a panic).
    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("lockstep-reset-{name}-"))
            .tempdir()
            .unwrap()
    }

    /// A git repository with one committed "starter" file, in a scratch
    /// folder.
    fn repo(name: &str) -> tempfile::TempDir {
        let scratch = scratch(name);
        let dir = scratch.path();
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::write(dir.join("src/ex.rs"), "starter\n").unwrap();
        let git = |args: &[&str]| {
            let status = Command::new("git")
                .current_dir(dir)
                .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
                .args(args)
                .output()
                .unwrap();
            assert!(status.status.success(), "git {args:?}: {status:?}");
        };
        git(&["init", "-q"]);
        git(&["add", "."]);
        git(&["commit", "-qm", "starter"]);
        scratch
    }

    #[test]
    fn reset_backs_up_the_learners_file_before_restoring_the_starter() {
        let repo = repo("backup");
        let root = repo.path().to_path_buf();
        let base = starter_revision(&root).unwrap();
        fs::write(root.join("src/ex.rs"), "my work\n").unwrap();
        let backups = new_backup_dir(&root).unwrap();
        let outcome = reset_file(&root, &base, Path::new("src/ex.rs"), &backups).unwrap();
        let Reset::Restored { backup } = outcome else {
            panic!("expected a restore, got {outcome:?}");
        };
        assert_eq!(fs::read_to_string(root.join(&backup)).unwrap(), "my work\n");
        assert_eq!(
            fs::read_to_string(root.join("src/ex.rs")).unwrap(),
            "starter\n"
        );
        assert!(
            backup.starts_with(".lockstep/backups"),
            "{}",
            backup.display()
        );
        // A second reset has nothing to save and changes nothing.
        let again = reset_file(&root, &base, Path::new("src/ex.rs"), &backups).unwrap();
        assert_eq!(again, Reset::Unchanged);
    }

    #[test]
    fn work_committed_in_a_clone_does_not_become_the_starter() {
        let upstream = repo("upstream");
        let scratch = scratch("clone");
        let clone = scratch.path().join("clone");
        let cloned = Command::new("git")
            .args(["clone", "-q"])
            .arg(upstream.path())
            .arg(&clone)
            .output()
            .unwrap();
        assert!(cloned.status.success(), "{cloned:?}");
        fs::write(clone.join("src/ex.rs"), "committed work\n").unwrap();
        let committed = Command::new("git")
            .current_dir(&clone)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(["commit", "-qam", "my work"])
            .output()
            .unwrap();
        assert!(committed.status.success(), "{committed:?}");
        let base = starter_revision(&clone).unwrap();
        let backups = new_backup_dir(&clone).unwrap();
        let outcome = reset_file(&clone, &base, Path::new("src/ex.rs"), &backups).unwrap();
        assert!(matches!(outcome, Reset::Restored { .. }), "{outcome:?}");
        assert_eq!(
            fs::read_to_string(clone.join("src/ex.rs")).unwrap(),
            "starter\n"
        );
    }

    #[test]
    fn a_missing_file_is_recreated() {
        let repo = repo("missing");
        let root = repo.path().to_path_buf();
        let base = starter_revision(&root).unwrap();
        fs::remove_file(root.join("src/ex.rs")).unwrap();
        let backups = new_backup_dir(&root).unwrap();
        let outcome = reset_file(&root, &base, Path::new("src/ex.rs"), &backups).unwrap();
        assert_eq!(outcome, Reset::Recreated);
        assert_eq!(
            fs::read_to_string(root.join("src/ex.rs")).unwrap(),
            "starter\n"
        );
    }

    #[test]
    fn two_resets_in_one_second_get_two_folders() {
        let repo = repo("twice");
        let root = repo.path().to_path_buf();
        let first = new_backup_dir(&root).unwrap();
        let second = new_backup_dir(&root).unwrap();
        assert_ne!(first, second);
    }

    #[test]
    fn stamps_are_utc_dates() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "1970-01-01T00-00-00Z");
        let time = UNIX_EPOCH + std::time::Duration::from_secs(1_795_305_547);
        assert_eq!(utc_stamp(time), "2026-11-21T23-59-07Z");
        let leap = UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
        assert_eq!(utc_stamp(leap), "2000-02-29T00-00-00Z");
    }
}
