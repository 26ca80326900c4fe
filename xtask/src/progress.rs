//! The learner's progress: which exercises passed their last check.
//!
//! Kept in `.lockstep/progress.toml` (gitignored). A missing or damaged file
//! is rebuilt as empty progress, with a warning, never an error: the next
//! `cargo xtask check` grades everything again anyway.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::course::Course;
use crate::ui;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Progress {
    /// Exercise names whose tests all passed at their last check.
    #[serde(default)]
    pub passed: BTreeSet<String>,
    /// How many of each exercise's hints have been shown.
    #[serde(default)]
    pub hints_seen: BTreeMap<String, usize>,
}

impl Progress {
    pub fn path(root: &Path) -> PathBuf {
        root.join(".lockstep").join("progress.toml")
    }

    pub fn load(root: &Path) -> Progress {
        let path = Self::path(root);
        let Ok(text) = fs::read_to_string(&path) else {
            return Progress::default();
        };
        toml::from_str(&text).unwrap_or_else(|error| {
            eprintln!(
                "warning: {} is damaged ({}); starting from no progress, the next check rebuilds it",
                path.display(),
                error.message()
            );
            Progress::default()
        })
    }

    pub fn save(&self, root: &Path) -> Result<()> {
        let path = Self::path(root);
        fs::create_dir_all(path.parent().expect("the state file is in a folder"))?;
        let text = format!(
            "# Your progress in Lockstep, written by `cargo xtask check`. Safe to delete.\n{}",
            toml::to_string(self)?
        );
        // Write then rename, so an interrupted write never leaves half a file.
        let partial = path.with_extension("toml.partial");
        fs::write(&partial, text).with_context(|| format!("cannot write {}", partial.display()))?;
        fs::rename(&partial, &path).with_context(|| format!("cannot write {}", path.display()))
    }

    /// `[####····] 3/40`: how many of the course's exercises have passed.
    pub fn bar(&self, course: &Course, width: usize) -> String {
        let total = course.exercises().count();
        let done = course
            .exercises()
            .filter(|(_, e)| self.passed.contains(&e.name))
            .count();
        ui::progress_bar(done, total, width)
    }

    /// The first exercise, in course order after `after` (or from the
    /// start), that has not passed; wraps around to the start.
    pub fn next_unpassed(&self, course: &Course, after: Option<&str>) -> Option<String> {
        let all: Vec<&str> = course.exercises().map(|(_, e)| e.name.as_str()).collect();
        let start = after
            .and_then(|name| all.iter().position(|e| *e == name))
            .map_or(0, |i| i + 1);
        all[start..]
            .iter()
            .chain(&all[..start])
            .find(|name| !self.passed.contains(**name) && Some(**name) != after)
            .map(|name| (*name).to_owned())
    }

    /// The index of the hint to show next for `exercise` (out of `count`),
    /// and records that it was shown: each call goes one step further, and
    /// after the last step starts again from the first.
    pub fn next_hint(&mut self, exercise: &str, count: usize) -> usize {
        let seen = self.hints_seen.entry(exercise.to_owned()).or_default();
        let index = *seen % count.max(1);
        *seen = index + 1;
        index
    }

    pub fn record(&mut self, exercise: &str, passed: bool) {
        if passed {
            self.passed.insert(exercise.to_owned());
        } else {
            self.passed.remove(exercise);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder, removed when the test ends (also by a panic).
    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("lockstep-progress-{name}-"))
            .tempdir()
            .unwrap()
    }

    #[test]
    fn round_trips_and_forgets_an_exercise_that_fails_again() {
        let dir = scratch("round-trip");
        let root = dir.path().to_path_buf();
        let mut progress = Progress::load(&root);
        progress.record("downloads", true);
        progress.record("arguments", true);
        progress.record("arguments", false);
        progress.save(&root).unwrap();
        let again = Progress::load(&root);
        assert_eq!(again.passed.into_iter().collect::<Vec<_>>(), ["downloads"]);
    }

    #[test]
    fn hints_go_one_step_further_each_time_then_start_again() {
        let dir = scratch("hints");
        let root = dir.path().to_path_buf();
        let mut progress = Progress::load(&root);
        let shown: Vec<usize> = (0..4).map(|_| progress.next_hint("downloads", 3)).collect();
        assert_eq!(shown, [0, 1, 2, 0]);
        progress.save(&root).unwrap();
        assert_eq!(Progress::load(&root).next_hint("downloads", 3), 1);
        assert_eq!(Progress::load(&root).next_hint("arguments", 2), 0);
    }

    #[test]
    fn a_damaged_file_means_no_progress_not_a_crash() {
        let dir = scratch("damaged");
        let root = dir.path().to_path_buf();
        fs::create_dir_all(root.join(".lockstep")).unwrap();
        fs::write(Progress::path(&root), "passed = [unterminated").unwrap();
        assert!(Progress::load(&root).passed.is_empty());
    }
}
