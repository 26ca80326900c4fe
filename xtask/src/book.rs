//! `cargo xtask book [--open]`: builds the book in-process with mdBook's own
//! library, so nobody has to install mdbook; plus the checks `verify` runs on
//! the book's sources.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use mdbook_driver::MDBook;

use crate::ui;

pub fn run(root: &Path, open: bool) -> Result<()> {
    let index = build(root)?;
    println!("{} The book is at {}", ui::pass_mark(), index.display());
    if open {
        open_in_browser(&index);
    }
    Ok(())
}

/// Builds the book; returns the path of its `index.html`.
pub fn build(root: &Path) -> Result<PathBuf> {
    let book =
        MDBook::load(root.join("book")).map_err(|e| anyhow!("cannot load the book: {e:#}"))?;
    book.build()
        .map_err(|e| anyhow!("cannot build the book: {e:#}"))?;
    let index = book.build_dir_for("html").join("index.html");
    let index = index.canonicalize().unwrap_or(index);
    if !index.is_file() {
        bail!("the book built, but {} is missing", index.display());
    }
    Ok(index)
}

fn open_in_browser(index: &Path) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener)
        .arg(index)
        .spawn()
        .is_err()
    {
        println!("  (could not start a browser; open the file above yourself)");
    }
}

/// Every `{{#include file:anchor}}` in the book names a file that exists and,
/// when an anchor is given, an `ANCHOR: name` in it; every relative Markdown
/// link points at a file that exists. Returns the problems found.
pub fn check_sources(root: &Path) -> Result<Vec<String>> {
    let src = root.join("book/src");
    let mut problems = Vec::new();
    for page in markdown_files(&src)? {
        let text = fs::read_to_string(&page)?;
        let dir = page.parent().expect("a page is in a folder");
        let shown = page
            .strip_prefix(root)
            .unwrap_or(&page)
            .display()
            .to_string();
        for (number, line) in text.lines().enumerate() {
            let at = format!("{shown}:{}", number + 1);
            for include in directives(line) {
                problems.extend(
                    check_include(dir, &include)
                        .err()
                        .map(|e| format!("{at}: {e}")),
                );
            }
            for link in links(line) {
                let target = link.split('#').next().unwrap_or_default();
                if !target.is_empty() && !dir.join(target).exists() {
                    problems.push(format!("{at}: broken link to `{link}`"));
                }
            }
        }
    }
    Ok(problems)
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(markdown_files(&path)?);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The arguments of `{{#include ...}}` and `{{#rustdoc_include ...}}` on a line.
fn directives(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find("{{#") {
        let after = &rest[start + 3..];
        let Some(end) = after.find("}}") else { break };
        let body = &after[..end];
        if let Some(arg) = body
            .strip_prefix("include ")
            .or_else(|| body.strip_prefix("rustdoc_include "))
        {
            found.push(arg.trim().to_owned());
        }
        rest = &after[end + 2..];
    }
    found
}

fn check_include(dir: &Path, include: &str) -> Result<()> {
    // `file`, `file:anchor`, or `file:start:end` with line numbers.
    let mut parts = include.splitn(2, ':');
    let file = parts.next().unwrap_or_default();
    let path = dir.join(file);
    let text =
        fs::read_to_string(&path).map_err(|_| anyhow!("included file `{file}` is missing"))?;
    if let Some(anchor) = parts
        .next()
        .filter(|a| !a.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        let start = format!("ANCHOR: {anchor}");
        let end = format!("ANCHOR_END: {anchor}");
        let has = |marker: &str| text.lines().any(|line| line.trim_end().ends_with(marker));
        if !has(&start) || !has(&end) {
            bail!("`{file}` has no anchor `{anchor}`");
        }
    }
    Ok(())
}

/// Relative links `[text](target)` on a line; web links and anchors-only are
/// left out.
fn links(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find("](") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(')') else { break };
        let target = &after[..end];
        if !target.contains("://") && !target.starts_with('#') && !target.starts_with("mailto:") {
            found.push(target);
        }
        rest = &after[end..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_include_directives_and_relative_links() {
        let line =
            "See {{#include ../x.rs:setup}} and [the map](map.md#top), [web](https://x.org).";
        assert_eq!(directives(line), ["../x.rs:setup"]);
        assert_eq!(links(line), ["map.md#top"]);
    }

    #[test]
    fn the_books_includes_and_links_resolve() {
        let problems = check_sources(&crate::project_root()).unwrap();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
