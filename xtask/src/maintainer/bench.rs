//! `cargo xtask bench [chapter] [--render]`: measures, and draws the book's
//! tables and plots.
//!
//! For each chapter with measurements it runs every benchmark program of the
//! chapter's solution (`cargo bench -p <solution> --bench <name>`, release
//! build) with `LOCKSTEP_MEASUREMENTS` pointing at `book/src/measurements/`,
//! then the chapter's Python script (`python/<chapter>.py`) when `python3`
//! exists, then writes `<chapter>-run.md` (when, on what machine, how long)
//! and redraws the tables and plots from the CSV files ([`figures`]).
//! `--render` only redraws.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Instant, SystemTime};

use anyhow::{Context, Result, bail};

use crate::course::Course;
use crate::{generated, grade, learner::reset, maintainer::figures, ui};

pub fn run(root: &Path, name: Option<&str>, render_only: bool) -> Result<bool> {
    let course = Course::load(root)?;
    let chapters = course.chapters_named(name, "benchmarks run per chapter")?;
    let started = Instant::now();
    let python = python_version();
    if !render_only {
        match &python {
            Some(version) => println!("{} {version}", ui::dim("Python:")),
            None => println!(
                "{} python3 was not found: the Python measurements are skipped, and the book keeps the committed ones",
                ui::yellow("note:")
            ),
        }
    }
    let mut drew = 0;
    for chapter in chapters {
        let id = &chapter.id;
        if !render_only && let Some(took) = measure(root, id, python.is_some())? {
            let note = run_note(id, took, python.as_deref());
            fs::write(root.join(figures::DIR).join(format!("{id}-run.md")), note)?;
        }
        let drawing = figures::render(root, id)?;
        drew += drawing.files.len();
        for path in generated::write(root, &drawing.files)? {
            println!("  wrote {}", path.display());
        }
    }
    if drew == 0 {
        println!("{} has no measurements", name.unwrap_or("the course"));
        return Ok(true);
    }
    println!(
        "{} {} in {:.0} s",
        ui::pass_mark(),
        if render_only {
            "drew the tables and plots"
        } else {
            "measured and drew"
        },
        started.elapsed().as_secs_f64()
    );
    Ok(true)
}

/// Runs the chapter's benchmark programs and its Python script; returns the
/// seconds it took, or `None` when the chapter has neither.
fn measure(root: &Path, id: &str, python: bool) -> Result<Option<f64>> {
    let started = Instant::now();
    let package = format!("{id}-solution");
    let manifest = fs::read_to_string(root.join("solutions").join(id).join("Cargo.toml"))?;
    let manifest: toml::Table = toml::from_str(&manifest)?;
    let benches: Vec<String> = manifest
        .get("bench")
        .and_then(|b| b.as_array())
        .into_iter()
        .flatten()
        .filter_map(|b| b.get("name")?.as_str().map(str::to_owned))
        .collect();
    let script = root
        .join("python")
        .join(format!("{}.py", id.replace('-', "_")));
    if benches.is_empty() && !script.is_file() {
        return Ok(None);
    }
    for bench in &benches {
        println!("{} {package} --bench {bench} …", ui::bold("Measuring"));
        let status = grade::cargo()
            .current_dir(root)
            // Without the `grading` feature: the measurements see std's
            // primitives, not the grading build's provoked wake-ups.
            .args(["bench", "-q", "-p", &package, "--no-default-features"])
            .args(["--bench", bench])
            .env("LOCKSTEP_MEASUREMENTS", figures::DIR)
            .status()
            .context("cannot run cargo bench")?;
        if !status.success() {
            bail!("the benchmark {bench} of {package} failed");
        }
    }
    if script.is_file() {
        if python {
            println!(
                "{} python3 {} …",
                ui::bold("Measuring"),
                script.strip_prefix(root).unwrap_or(&script).display()
            );
            let short = id.split('-').next().unwrap_or(id);
            let csv = root.join(figures::DIR).join(format!("{short}-python.csv"));
            let status = Command::new("python3")
                .current_dir(root.join("python"))
                .arg(&script)
                .arg(&csv)
                .status()
                .context("cannot run python3")?;
            if !status.success() {
                bail!("{} failed", script.display());
            }
        } else {
            println!(
                "  skipped {}: no python3",
                script.strip_prefix(root).unwrap_or(&script).display()
            );
        }
    }
    Ok(Some(started.elapsed().as_secs_f64()))
}

/// The line under a chapter's measurements: when, on what, how long.
fn run_note(id: &str, seconds: f64, python: Option<&str>) -> String {
    let (year, month, day) = reset::civil_date(SystemTime::now());
    let python = match python {
        Some(version) => format!(", {version}"),
        None => ", Python not run (its numbers are from an earlier run)".to_owned(),
    };
    format!(
        "Measured on {year:04}-{month:02}-{day:02} by `cargo xtask bench {id}` ({seconds:.0} s) on {}{python}.\n",
        machine()
    )
}

/// The machine, as a reader would compare it with their own.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let model = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name")?.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .map(|model| format!(" ({model})"))
        .unwrap_or_default();
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .and_then(|v| v.split(" (").next().map(str::to_owned))
        .unwrap_or_else(|| "rustc".to_owned());
    format!(
        "{} {}, {cores} logical CPUs{model}, {rustc}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

fn python_version() -> Option<String> {
    let output = Command::new("python3").arg("--version").output().ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .replace("Python", "CPython")
    })
}
