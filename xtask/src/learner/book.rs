//! `cargo xtask book [--open]`: builds the book in-process with mdBook's own
//! library, so nobody has to install mdbook; plus the checks `verify` runs on
//! the book's sources.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use mdbook_driver::MDBook;

use crate::course::Course;
use crate::generated::{self, Generated};
use crate::ui;

/// Each built chapter's exercises as a Markdown table, for the end of its
/// page (`{{#include exercises/<chapter>.md}}`): the file to edit and the
/// commands, exactly as the runner prints them. Drawn from `course.toml`, so
/// the book and the runner never disagree.
pub fn exercise_lists(course: &Course) -> Vec<Generated> {
    course
        .built()
        .map(|chapter| {
            let mut text = String::from(
                "| # | exercise | edit | grade it | stuck? |\n|---|---|---|---|---|\n",
            );
            for (number, exercise) in chapter.exercises.iter().enumerate() {
                text.push_str(&format!(
                    "| {} | **{}**: {} | `{}` | `cargo xtask check {}` | `cargo xtask hint {}` |\n",
                    number + 1,
                    exercise.name,
                    exercise.title,
                    exercise.starter_file(chapter).display(),
                    exercise.name,
                    exercise.name,
                ));
            }
            text.push_str(&format!(
                "\n`cargo xtask watch` grades the next one each time you save; `cargo xtask solution <exercise>` shows the reference solution once yours passes; `cargo xtask check {}` grades the whole chapter.\n",
                chapter.id
            ));
            Generated {
                path: PathBuf::from(format!("book/src/exercises/{}.md", chapter.id)),
                contents: text,
            }
        })
        .collect()
}

/// What `verify` checks of the book as a whole, besides its links: the
/// generated exercise lists, tables and plots are up to date, no page types
/// a measured number by hand, and the Python to Rust map names every
/// syllabus id of the chapters.
pub fn check_whole(root: &Path, course: &Course) -> Result<Vec<String>> {
    let mut problems = generated::stale(
        root,
        &exercise_lists(course),
        "course.toml",
        "cargo xtask book",
    );
    problems.extend(crate::maintainer::figures::stale(root, course)?);
    for (_, shown, text) in hand_written_pages(root)? {
        for (line, number) in hand_typed_measurements(&text) {
            problems.push(format!(
                "{shown}:{line}: `{number}` looks measured; include it from a table `cargo xtask bench` draws"
            ));
        }
        for (line, word) in hand_typed_comparisons(&text) {
            problems.push(format!(
                "{shown}:{line}: `{word}` compares measurements in a hand-written sentence; make it a [[claim]] in the chapter's figures.toml and include it"
            ));
        }
    }
    problems.extend(solutions_shown(root, course)?);
    let map = fs::read_to_string(root.join("book/src").join(MAP)).unwrap_or_default();
    for (group, ids) in &course.syllabus {
        // The map covers what is taught; a planned chapter's ids join it
        // when the chapter is built.
        let planned = course.chapters.iter().any(|c| &c.id == group && c.planned);
        if group == "whole-course" || planned {
            continue;
        }
        for id in ids {
            if !map.contains(&format!("{id} "))
                && !map.contains(&format!("{id},"))
                && !map.contains(&format!("{id} |"))
            {
                problems.push(format!("book/src/{MAP}: no row names syllabus id {id}"));
            }
        }
    }
    Ok(problems)
}

/// Where a page may show reference solutions: inside a collapsed block
/// `<details class="solution">` … `</details>`, at the end of a chapter.
const SOLUTION_BLOCK: (&str, &str) = ("<details class=\"solution\">", "</details>");

/// The lines of `text` outside solution blocks, with their line numbers.
fn outside_solution_blocks(text: &str) -> Vec<(usize, &str)> {
    let mut inside = false;
    let mut lines = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim_start().starts_with(SOLUTION_BLOCK.0) {
            inside = true;
        } else if inside && line.trim_start().starts_with(SOLUTION_BLOCK.1) {
            inside = false;
        } else if !inside {
            lines.push((number + 1, line));
        }
    }
    lines
}

/// The book teaches; it does not hand over answers. Outside solution
/// blocks, no page may include an exercise's reference solution, nor show a
/// line of it that the starter does not have (code pasted by hand).
pub fn solutions_shown(root: &Path, course: &Course) -> Result<Vec<String>> {
    // Each exercise's solution file, and its lines the starter lacks that
    // are long enough to be telling.
    let mut answers: Vec<(PathBuf, String, Vec<String>)> = Vec::new();
    for (chapter, exercise) in course.exercises() {
        let solution_path = root.join(exercise.solution_file(chapter));
        let solution = fs::read_to_string(&solution_path)?;
        let starter = fs::read_to_string(root.join(exercise.starter_file(chapter)))?;
        let given: std::collections::HashSet<&str> = starter.lines().map(str::trim).collect();
        let own = solution
            .lines()
            .map(str::trim)
            .filter(|line| line.len() >= 30 && !line.starts_with("//") && !given.contains(line))
            .map(str::to_owned)
            .collect();
        let canonical = solution_path.canonicalize().unwrap_or(solution_path);
        answers.push((canonical, exercise.name.clone(), own));
    }
    let mut problems = Vec::new();
    for (page, shown, text) in hand_written_pages(root)? {
        let dir = page.parent().expect("a page is in a folder");
        for (number, line) in outside_solution_blocks(&text) {
            for include in directives(line) {
                let file = include.split(':').next().unwrap_or_default();
                let Ok(path) = dir.join(file).canonicalize() else {
                    continue;
                };
                if let Some((_, name, _)) = answers.iter().find(|(answer, _, _)| *answer == path) {
                    problems.push(format!(
                        "{shown}:{number}: includes the solution of `{name}` outside a \
                         collapsed `{}` block",
                        SOLUTION_BLOCK.0
                    ));
                }
            }
            let trimmed = line.trim();
            if trimmed.len() < 30 {
                continue;
            }
            for (_, name, own) in &answers {
                if own.iter().any(|answer| answer == trimmed) {
                    problems.push(format!(
                        "{shown}:{number}: shows a line of the solution of `{name}`: `{trimmed}`"
                    ));
                }
            }
        }
    }
    Ok(problems)
}

/// The Python to Rust map: a table whose last column names syllabus ids.
pub const MAP: &str = "python-to-rust.md";

/// Numbers typed by hand that look measured: a decimal with a unit of time
/// (`12.5 ms`), or a ratio (`1.98×`, `3×`), outside code
/// blocks and outside `book/src/measurements/` (which `cargo xtask bench`
/// writes). A measured number belongs in a table or plot drawn from a CSV
/// file, included into the page. Returns `(line number, the number)`.
pub fn hand_typed_measurements(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut in_code = false;
    for (number, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
                i += 1;
                continue;
            }
            let start = i;
            let mut decimal = false;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                decimal |= chars[i] == '.';
                i += 1;
            }
            let rest: String = chars[i..].iter().collect();
            let unit = rest.trim_start_matches(' ');
            // `1.98×` is a ratio; `4 × workers`, with spaces, a product.
            let ratio = rest.starts_with('×');
            let time = ["ms", "µs", "ns", "s "]
                .iter()
                .any(|u| unit.starts_with(u) && !unit[u.len()..].starts_with(char::is_alphabetic));
            if ratio || (decimal && time) {
                let shown: String = chars[start..i].iter().collect();
                found.push((
                    number + 1,
                    format!(
                        "{shown} {}",
                        &unit[..unit.chars().next().map_or(0, char::len_utf8)]
                    ),
                ));
            }
        }
    }
    found
}

/// Words that compare one measurement with another.
const COMPARATIVES: [&str; 14] = [
    "faster",
    "slower",
    "quicker",
    "cheaper",
    "costlier",
    "more expensive",
    "ahead of",
    "outpaces",
    "scales better",
    "twice as",
    "half as",
    "as fast as",
    "as long as",
    "times as long",
];

/// Hand-written lines that compare measured results: a comparative word
/// (`faster`, `ahead of`, ...) on a line of a page's `## What you measured`
/// section, or on a line that speaks of a measurement, table or plot.
/// Such a sentence must come from a claim, which `verify` checks against
/// the CSV files; a line that includes a claims file is one. Code blocks and
/// headings are not sentences.
pub fn hand_typed_comparisons(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let (mut in_code, mut measured) = (false, false);
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if trimmed.starts_with("## ") {
            measured = trimmed == "## What you measured";
        }
        if in_code || trimmed.starts_with('#') || line.contains("-claims.md:") {
            continue;
        }
        let lower = line.to_lowercase();
        let speaks_of_data = ["measur", "the table", "the plot", "benchmark"]
            .iter()
            .any(|word| lower.contains(word));
        if !(measured || speaks_of_data) {
            continue;
        }
        if let Some(word) = COMPARATIVES.iter().find(|word| {
            lower.match_indices(*word).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        }) {
            found.push((number + 1, (*word).to_owned()));
        }
    }
    found
}

/// Where a learner reads `page` (`ch01-threads.html#exercises`): its path
/// under `target/book/`, and how to build the book when it is not built yet.
pub fn where_to_read(root: &Path, page: &str) -> String {
    let path = format!("target/book/{page}");
    if root.join("target/book/index.html").is_file() {
        path
    } else {
        format!("{path} (build the book first: cargo xtask book --open)")
    }
}

/// The ids mdBook gives the headings of a Markdown page: lowercase, spaces
/// as `-`, punctuation dropped (`Borrowing a local in \`thread::spawn\`` is
/// `borrowing-a-local-in-threadspawn`).
#[cfg(test)]
pub fn heading_ids(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter_map(|line| line.strip_prefix('#'))
        .map(|heading| {
            heading
                .trim_start_matches('#')
                .trim()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '_' || c == '-' => {
                        Some(c.to_ascii_lowercase())
                    }
                    _ => None,
                })
                .collect()
        })
        .collect()
}

pub fn run(root: &Path, open: bool) -> Result<bool> {
    let (index, warnings) = build(root)?;
    for warning in &warnings {
        println!("{} {warning}", ui::yellow("mdBook:"));
    }
    println!("{} The book is at {}", ui::pass_mark(), index.display());
    if open {
        open_in_browser(&index);
    }
    Ok(warnings.is_empty())
}

/// Builds the book; returns the path of its `index.html` and the warnings
/// mdBook logged. Writes each chapter's exercise list first (see
/// [`exercise_lists`]).
pub fn build(root: &Path) -> Result<(PathBuf, Vec<String>)> {
    generated::write(root, &exercise_lists(&Course::load(root)?))?;
    build_dir(&root.join("book"))
}

/// Builds the mdBook in `dir`, collecting mdBook's warnings.
fn build_dir(dir: &Path) -> Result<(PathBuf, Vec<String>)> {
    let warnings = warnings::Collector::default();
    let built = tracing::subscriber::with_default(warnings.clone(), || -> Result<PathBuf> {
        let book = MDBook::load(dir).map_err(|e| anyhow!("cannot load the book: {e:#}"))?;
        book.build()
            .map_err(|e| anyhow!("cannot build the book: {e:#}"))?;
        Ok(book.build_dir_for("html").join("index.html"))
    });
    let index = built?;
    let index = index.canonicalize().unwrap_or(index);
    if !index.is_file() {
        bail!("the book built, but {} is missing", index.display());
    }
    Ok((index, warnings.take()))
}

mod warnings {
    //! mdBook reports problems it can live with (a missing file, a broken
    //! link it notices) as `tracing` warnings. This subscriber keeps the
    //! warnings and errors of one build, so the runner can show them and
    //! `verify` can fail on them.

    use std::fmt::Write as _;
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Level, Metadata, Subscriber};

    #[derive(Clone, Default)]
    pub struct Collector(Arc<Mutex<Vec<String>>>);

    impl Collector {
        pub fn take(&self) -> Vec<String> {
            std::mem::take(&mut self.0.lock().unwrap_or_else(|e| e.into_inner()))
        }
    }

    struct Message(String);

    impl Visit for Message {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            if field.name() == "message" {
                let _ = write!(self.0, "{value:?}");
            } else {
                let _ = write!(self.0, " {}={value:?}", field.name());
            }
        }
    }

    impl Subscriber for Collector {
        fn enabled(&self, metadata: &Metadata<'_>) -> bool {
            *metadata.level() <= Level::WARN
        }
        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(1)
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            let mut message = Message(String::new());
            event.record(&mut message);
            let line = format!("{}: {}", event.metadata().level(), message.0.trim());
            self.0.lock().unwrap_or_else(|e| e.into_inner()).push(line);
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }
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

/// The pages written by hand (not the generated `measurements/` and
/// `exercises/`): each page's path, its path from the root for messages,
/// and its text.
fn hand_written_pages(root: &Path) -> Result<Vec<(PathBuf, String, String)>> {
    let src = root.join("book/src");
    let mut pages = Vec::new();
    for page in markdown_files(&src)? {
        if page.starts_with(src.join("measurements")) || page.starts_with(src.join("exercises")) {
            continue;
        }
        let text = fs::read_to_string(&page)?;
        let shown = page
            .strip_prefix(root)
            .unwrap_or(&page)
            .display()
            .to_string();
        pages.push((page, shown, text));
    }
    Ok(pages)
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
        // As mdBook reads them: anywhere on a line (`// ANCHOR: x`,
        // `<!-- ANCHOR: x -->`), the name ending where a word does.
        let has = |marker: &str| {
            text.lines().any(|line| {
                line.match_indices(marker).any(|(at, _)| {
                    !line[at + marker.len()..]
                        .starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '-')
                })
            })
        };
        if !has(&start) || !has(&end) {
            bail!("`{file}` has no anchor `{anchor}`");
        }
    }
    Ok(())
}

/// Relative links `[text](target)` on a line; web links and anchors-only are
/// left out.
pub fn links(line: &str) -> Vec<&str> {
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
    fn only_solution_blocks_may_show_solutions() {
        let page = "a\n<details class=\"solution\">\n<summary>S</summary>\nb\n</details>\nc\n";
        let lines: Vec<&str> = outside_solution_blocks(page)
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(lines, ["a", "c"]);
    }

    #[test]
    fn finds_include_directives_and_relative_links() {
        let line =
            "See {{#include ../x.rs:setup}} and [the map](map.md#top), [web](https://x.org).";
        assert_eq!(directives(line), ["../x.rs:setup"]);
        assert_eq!(links(line), ["map.md#top"]);
    }

    #[test]
    fn measured_looking_numbers_are_found_outside_code() {
        let page =
            "It took 12.5 ms, 3× less; 10 ms sleeps.\n```text\n1.5 ms\n```\nv1.2 s; 0.99×; 4 × n";
        let found: Vec<usize> = hand_typed_measurements(page).iter().map(|f| f.0).collect();
        assert_eq!(found, [1, 1, 5]);
    }

    #[test]
    fn comparisons_of_measurements_must_come_from_claims() {
        let page = "\
# Threads are faster, says the title
Threads are faster, in general.
The table shows the pool is faster.
```text
measured: slower
```
## What you measured
- **Locks are slower than atomics.**
{{#include measurements/ch03-locks-claims.md:slower}}
- Breakfast is steadfast.
## Exercises
Faster than you think.
";
        assert_eq!(
            hand_typed_comparisons(page),
            [(3, "faster".to_owned()), (8, "slower".to_owned())],
            "only comparisons about measurements, outside code, headings and claims"
        );
    }

    #[test]
    fn mdbooks_warnings_are_collected() {
        let scratch = tempfile::Builder::new()
            .prefix("lockstep-book-")
            .tempdir()
            .unwrap();
        let dir = scratch.path();
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::write(dir.join("book.toml"), "[book]\ntitle = \"t\"\n").unwrap();
        fs::write(dir.join("src/SUMMARY.md"), "# S\n\n- [A](a.md)\n").unwrap();
        fs::write(dir.join("src/a.md"), "# A\n\n{{#include missing.md}}\n").unwrap();
        let (_, warnings) = build_dir(dir).unwrap();
        assert!(
            warnings.iter().any(|w| w.contains("missing.md")),
            "{warnings:?}"
        );
    }

    #[test]
    fn the_generated_pages_tables_plots_and_map_are_current() {
        let root = crate::project_root();
        // A student's copy (`export --student`) has no solutions, mutants
        // or figure data: this checks the teacher's copy.
        if crate::teacher::export::is_student_copy(&root) {
            return;
        }
        let course = Course::load(&root).unwrap();
        let problems = check_whole(&root, &course).unwrap();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_books_includes_and_links_resolve() {
        let problems = check_sources(&crate::project_root()).unwrap();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
