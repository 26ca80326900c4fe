//! Files the runner writes from other files and commits: each chapter's
//! exercise list (from `course.toml`) and the book's measured tables and
//! plots (from the CSV files). One way to write them, one way to check that
//! the committed ones are current.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A file and what it must contain.
#[derive(Debug)]
pub struct Generated {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub contents: String,
}

/// Writes the files whose contents differ (or that are missing); returns
/// the paths it wrote.
pub fn write<'a>(root: &Path, files: &'a [Generated]) -> Result<Vec<&'a Path>> {
    let mut written = Vec::new();
    for file in files {
        let path = root.join(&file.path);
        if fs::read_to_string(&path).ok().as_deref() != Some(file.contents.as_str()) {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, &file.contents)
                .with_context(|| format!("cannot write {}", path.display()))?;
            written.push(file.path.as_path());
        }
    }
    Ok(written)
}

/// The files on disk that differ from what they must contain: made `from`
/// something, remade by the command `fix`.
pub fn stale(root: &Path, files: &[Generated], from: &str, fix: &str) -> Vec<String> {
    files
        .iter()
        .filter_map(|file| match fs::read_to_string(root.join(&file.path)) {
            Ok(text) if text == file.contents => None,
            Ok(_) => Some(format!(
                "{} is out of date with {from}: run `{fix}`",
                file.path.display()
            )),
            Err(_) => Some(format!("{} is missing: run `{fix}`", file.path.display())),
        })
        .collect()
}
