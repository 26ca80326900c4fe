//! `cargo xtask bench [chapter] [--render]`: measures, and draws the book's
//! tables and plots.
//!
//! For each chapter with measurements it runs every benchmark program of the
//! chapter's solution (`cargo bench -p <solution> --bench <name>`, release
//! build) with `LOCKSTEP_MEASUREMENTS` pointing at `book/src/measurements/`,
//! then the chapter's Python script (`python/<chapter>.py`) when the
//! interpreter exists (`python3`, or the one `LOCKSTEP_PYTHON` names), then writes `<chapter>-run.md` (when, on what machine, how long)
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
    let python = Python::find();
    if !render_only {
        match &python {
            Ok(python) => println!(
                "{} {} ({}), writing <chapter>-{}.csv",
                ui::dim("Python:"),
                python.description(),
                python.program,
                python.csv_suffix()
            ),
            Err(program) => println!(
                "{} {program} was not found: the Python measurements are skipped, and the book keeps the committed ones",
                ui::yellow("note:")
            ),
        }
    }
    let python = python.ok();
    let mut drew = 0;
    for chapter in chapters {
        let id = &chapter.id;
        if !render_only && let Some(took) = measure(root, id, python.as_ref())? {
            let note = run_note(id, took, python.as_ref());
            fs::write(root.join(figures::DIR).join(format!("{id}-run.md")), note)?;
        }
        let drawing = figures::render(root, id)?;
        drew += drawing.files.len();
        for claim in &drawing.broken {
            println!(
                "{} solutions/{id}/figures.toml: {claim}",
                ui::yellow("note:")
            );
        }
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
fn measure(root: &Path, id: &str, python: Option<&Python>) -> Result<Option<f64>> {
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
        let shown = script.strip_prefix(root).unwrap_or(&script).display();
        if let Some(python) = python {
            println!("{} {} {shown} …", ui::bold("Measuring"), python.program);
            let short = id.split('-').next().unwrap_or(id);
            let csv = root
                .join(figures::DIR)
                .join(format!("{short}-{}.csv", python.csv_suffix()));
            let status = Command::new(&python.program)
                .current_dir(root.join("python"))
                .arg(&script)
                .arg(&csv)
                .status()
                .with_context(|| format!("cannot run {}", python.program))?;
            if !status.success() {
                bail!("{shown} failed");
            }
        } else {
            println!("  skipped {shown}: no Python interpreter");
        }
    }
    Ok(Some(started.elapsed().as_secs_f64()))
}

/// The line under a chapter's measurements: when, on what, how long.
fn run_note(id: &str, seconds: f64, python: Option<&Python>) -> String {
    let (year, month, day) = reset::civil_date(SystemTime::now());
    let python = match python {
        Some(python) => format!(", {}", python.description()),
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

/// The interpreter the Python scripts run on.
struct Python {
    /// `python3`, or what `LOCKSTEP_PYTHON` names (`python3.14t`, a path).
    program: String,
    /// `CPython 3.11.7`.
    version: String,
    /// Whether it runs with its GIL (a free-threaded build can run without).
    gil: bool,
}

impl Python {
    /// Asks the interpreter `LOCKSTEP_PYTHON` names (or `python3`) what it
    /// is; the program's name when it cannot be run.
    fn find() -> std::result::Result<Python, String> {
        let program = std::env::var("LOCKSTEP_PYTHON")
            .ok()
            .filter(|program| !program.trim().is_empty())
            .unwrap_or_else(|| "python3".to_owned());
        Python::ask(program)
    }

    /// What `program` says it is.
    fn ask(program: String) -> std::result::Result<Python, String> {
        let output = Command::new(&program)
            .args(["-c", ASK_PYTHON])
            .output()
            .map_err(|_| program.clone())?;
        let answer = String::from_utf8_lossy(&output.stdout);
        let mut lines = answer.lines();
        match (output.status.success(), lines.next(), lines.next()) {
            (true, Some(version), Some(gil)) => Ok(Python {
                version: version.trim().to_owned(),
                gil: gil.trim() != "0",
                program,
            }),
            _ => Err(program),
        }
    }

    /// `CPython 3.11.7`, with `, free-threaded, GIL off` when it is.
    fn description(&self) -> String {
        if self.gil {
            self.version.clone()
        } else {
            format!("{}, free-threaded, GIL off", self.version)
        }
    }

    /// The Python CSV files' suffix, after the chapter's number: `python`
    /// with the GIL, `python-free-threaded` without. One file per kind of
    /// interpreter, so any interpreter with a GIL writes the same file
    /// (`LOCKSTEP_PYTHON=python3` changes nothing), and a free-threaded run
    /// sits beside it.
    fn csv_suffix(&self) -> &'static str {
        if self.gil {
            "python"
        } else {
            "python-free-threaded"
        }
    }
}

/// Prints the implementation and version, then 1 or 0 for the GIL.
const ASK_PYTHON: &str = "import platform, sys\n\
print(platform.python_implementation(), platform.python_version())\n\
print(int(getattr(sys, '_is_gil_enabled', lambda: True)()))";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interpreter_with_a_gil_writes_the_usual_file_and_a_free_threaded_one_its_own() {
        let kind = |gil| Python {
            program: "python3".to_owned(),
            version: "CPython 3.14.0".to_owned(),
            gil,
        };
        assert_eq!(kind(true).csv_suffix(), "python");
        assert_eq!(kind(false).csv_suffix(), "python-free-threaded");
        assert_eq!(
            Python::ask("no-such-python-here".to_owned())
                .err()
                .as_deref(),
            Some("no-such-python-here"),
            "a missing interpreter is named, not an error"
        );
        // This machine's python3 (when it has one) says what it is; the
        // default build has its GIL, so `LOCKSTEP_PYTHON=python3` writes
        // the same files as no setting at all.
        if let Ok(python) = Python::ask("python3".to_owned()) {
            assert!(
                python.version.contains(char::is_numeric),
                "{}",
                python.version
            );
            if python.gil {
                assert_eq!(python.csv_suffix(), "python");
                assert_eq!(python.description(), python.version);
            }
        }
    }
}
