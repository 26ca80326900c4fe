//! `cargo xtask browser`: the built book, checked like a reader would see it.
//!
//! Builds the book, then opens pages in headless Chromium (Debian's
//! `chromium`, or the browser `LOCKSTEP_CHROMIUM` names):
//!
//! - every page the book's table of contents lists is screenshot to
//!   `target/browser-check/<page>.png`, and fails if the browser's console
//!   shows any message (a script error, a failed fetch);
//! - the introduction is opened with `?search=<name>`, the short name of
//!   the last built chapter (`gil`), and the search results must list that
//!   chapter's page.
//!
//! The flags keep Chromium off the network: this machine's only network is
//! the package registries, and a book must work offline anyway.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::course::Course;
use crate::{deadline, learner::book, ui};

const FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// A screenshot of a page with text on it is hundreds of kilobytes; a blank
/// 1280×1600 page compresses to about ten.
const BLANK_BYTES: u64 = 40_000;

pub fn run(root: &Path) -> Result<bool> {
    let course = Course::load(root)?;
    let browser = find_browser()?;
    let (index, _) = book::build(root)?;
    let site = index
        .parent()
        .expect("index.html is in a folder")
        .to_path_buf();
    let out = root.join("target/browser-check");
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out)?;
    let started = Instant::now();
    let mut ok = true;

    for page in pages(root)? {
        let html = page.replace(".md", ".html");
        let shot = out.join(html.replace(".html", ".png").replace('/', "-"));
        let url = file_url(&site.join(&html));
        let run = chromium(
            &browser,
            &out,
            &[
                "--enable-logging=stderr",
                "--log-level=0",
                "--window-size=1280,1600",
                &format!("--screenshot={}", shot.display()),
            ],
            &url,
        )?;
        let console: Vec<&str> = run
            .stderr
            .lines()
            .filter(|line| line.contains(":CONSOLE"))
            .collect();
        let size = fs::metadata(&shot).map_or(0, |m| m.len());
        let problem = if !shot.is_file() {
            Some("no screenshot was written".to_owned())
        } else if size < BLANK_BYTES {
            Some(format!(
                "the screenshot is {size} bytes: the page looks blank"
            ))
        } else if !console.is_empty() {
            Some(format!("the console said:\n{}", console.join("\n")))
        } else {
            None
        };
        match problem {
            None => println!(
                "{} {html:<24} {}",
                ui::pass_mark(),
                ui::dim(
                    &shot
                        .strip_prefix(root)
                        .unwrap_or(&shot)
                        .display()
                        .to_string()
                )
            ),
            Some(problem) => {
                ok = false;
                println!("{} {html:<24} {}", ui::fail_mark(), ui::indent(&problem, 4));
            }
        }
    }

    // The search index works when searching for a built chapter's short
    // name (`gil`, say) lists that chapter's page.
    if let Some(chapter) = course.built().last()
        && let Some(page) = &chapter.page
    {
        let query = chapter.short_name();
        let expected = page.replace(".md", ".html");
        let url = format!(
            "{}?search={query}",
            file_url(&site.join("introduction.html"))
        );
        let run = chromium(&browser, &out, &["--dump-dom"], &url)?;
        let results = run
            .stdout
            .split("id=\"mdbook-searchresults\"")
            .nth(1)
            .and_then(|rest| rest.split("</ul>").next())
            .unwrap_or_default()
            .to_owned();
        let hits = results.matches("<li").count();
        if hits > 0 && results.contains(&expected) {
            println!(
                "{} search for \"{query}\": {hits} results, {expected} among them",
                ui::pass_mark()
            );
        } else {
            ok = false;
            println!(
                "{} search for \"{query}\" did not list {expected} ({hits} results)",
                ui::fail_mark()
            );
        }
    }
    println!(
        "{} browser check {} in {:.0} s; screenshots in {}",
        if ok { ui::pass_mark() } else { ui::fail_mark() },
        if ok { "passed" } else { "failed" },
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(ok)
}

/// The pages the table of contents links to, in its order.
fn pages(root: &Path) -> Result<Vec<String>> {
    let summary = fs::read_to_string(root.join("book/src/SUMMARY.md"))?;
    Ok(summary
        .lines()
        .flat_map(book::links)
        .filter(|page| page.ends_with(".md"))
        .map(str::to_owned)
        .collect())
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

struct Run {
    stdout: String,
    stderr: String,
}

/// Runs the browser on one page with a fresh profile, and a time limit.
fn chromium(browser: &Path, out: &Path, extra: &[&str], url: &str) -> Result<Run> {
    let profile = out.join("profile");
    let _ = fs::remove_dir_all(&profile);
    let mut command = Command::new(browser);
    command
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        // Lets the page's scripts (the search) finish before the capture.
        .arg("--virtual-time-budget=5000")
        .args(extra)
        .arg(url);
    let finished = deadline::output_within(command, Duration::from_secs(60))
        .with_context(|| format!("cannot run {}", browser.display()))?;
    if finished.status.is_none() {
        bail!("{} did not finish within 60 s on {url}", browser.display());
    }
    Ok(Run {
        stdout: String::from_utf8_lossy(&finished.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&finished.stderr).into_owned(),
    })
}

fn find_browser() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("LOCKSTEP_CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned());
        if let Some(path) = found.filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(path));
        }
    }
    bail!(
        "no Chromium found: install Debian's `chromium` package (CI does), or set LOCKSTEP_CHROMIUM to a Chromium or Chrome binary"
    )
}
