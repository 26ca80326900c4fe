//! `cargo xtask watch`: grade the current exercise every time a file of the
//! course is saved, and move on when it passes.
//!
//! File events come from the `notify` crate. Where they do not arrive (a WSL
//! folder under `/mnt`, a network file system) the watcher says so and looks
//! for changes once a second instead; `--poll` asks for that anywhere.
//! Keys are read one at a time on a terminal, and a line at a time otherwise
//! (so a script can drive it): h hint, n next, s solution, l list, c check
//! all, r reset (asks first), q quit.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal;
use notify::{RecursiveMode, Watcher};

use crate::course::Course;
use crate::progress::Progress;
use crate::{learner::check, learner::hint, learner::map, learner::reset, learner::solution, ui};

/// Keeps the file watcher alive (none when polling).
struct Source {
    _events: Option<notify::RecommendedWatcher>,
}

pub fn run(root: &Path, name: Option<&str>, force_poll: bool, verbose: bool) -> Result<bool> {
    let course = Course::load(root)?;
    let progress = Progress::load(root);
    let mut current = match name {
        Some(name) => course.find_exercise(name)?.1.name.clone(),
        None => match progress.next_unpassed(&course, None) {
            Some(name) => name,
            None => course
                .exercises()
                .last()
                .map(|(_, e)| e.name.clone())
                .context("the course has no exercises")?,
        },
    };
    let (changes_tx, changes) = mpsc::channel();
    let _source = watch_files(root, force_poll, changes_tx)?;
    let keys = Keys::new();
    let mut last_passed: Option<String> = None;

    survive(grade(
        root,
        &course,
        &mut current,
        &mut last_passed,
        verbose,
    ));
    loop {
        // A short wait for a key, so that a saved file is noticed soon.
        if let Some(key) = keys.next(Duration::from_millis(25))? {
            match key {
                'q' => {
                    println!(
                        "Bye. Your progress is saved; `cargo xtask watch` picks up where you left off."
                    );
                    return Ok(true);
                }
                'h' => {
                    println!();
                    survive(hint::run(root, Some(&current)));
                }
                'l' => {
                    println!();
                    survive(map::run(root));
                }
                'c' => {
                    println!();
                    survive(check::run(root, None, verbose));
                }
                'n' => {
                    let progress = Progress::load(root);
                    match next_after(&course, &current)
                        .or_else(|| progress.next_unpassed(&course, None))
                    {
                        Some(next) => {
                            current = next;
                            survive(grade(
                                root,
                                &course,
                                &mut current,
                                &mut last_passed,
                                verbose,
                            ));
                            continue;
                        }
                        None => println!("{current} is the last exercise."),
                    }
                }
                's' => {
                    let name = last_passed.clone().unwrap_or_else(|| current.clone());
                    println!();
                    survive(solution::run(root, Some(&name)));
                }
                'r' => {
                    print!(
                        "\nReset {current} to the starter? Your file is backed up first. [y/N] "
                    );
                    std::io::stdout().flush()?;
                    if keys.next(Duration::from_secs(60))? == Some('y') {
                        println!("y");
                        survive(reset::run(root, Some(&current), false));
                    } else {
                        println!("\nNothing was reset.");
                    }
                }
                '\n' | ' ' => {}
                other => println!("\n`{other}` is not a key of watch mode."),
            }
            legend(&current);
        }
        if changes.try_recv().is_ok() {
            // Editors save in bursts (a temporary file, a rename, a format):
            // wait until the burst is over, then grade once. The quiet spell
            // is short because the learner waits through it on every save.
            while changes.recv_timeout(Duration::from_millis(80)).is_ok() {}
            survive(grade(
                root,
                &course,
                &mut current,
                &mut last_passed,
                verbose,
            ));
        }
    }
}

/// Watch mode outlives a failed step: it prints the error and goes on
/// watching (a `course.toml` being edited, say, or cargo not starting).
fn survive<T>(result: Result<T>) {
    if let Err(error) = result {
        println!("{} {error:#}", ui::red("error:"));
    }
}

/// Grades `current`; when it passes, says so and moves on to the next
/// exercise that has not passed, and grades that.
fn grade(
    root: &Path,
    course: &Course,
    current: &mut String,
    last_passed: &mut Option<String>,
    verbose: bool,
) -> Result<()> {
    loop {
        let progress = Progress::load(root);
        let (chapter, exercise) = course.find_exercise(current)?;
        println!(
            "\n{} {}   now: {} ({}, {})",
            ui::bold("Lockstep watch"),
            progress.bar(course, 24),
            ui::bold(&exercise.name),
            exercise.title,
            chapter.id
        );
        let passed = check::grade(root, Some(current), verbose)?;
        if !passed {
            println!(
                "  edit {} and save: it is graded again.",
                exercise.starter_file(chapter).display()
            );
            legend(current);
            return Ok(());
        }
        *last_passed = Some(current.clone());
        println!(
            "{} {} passes. Press s to compare your file with the reference solution.",
            ui::pass_mark(),
            exercise.name
        );
        let progress = Progress::load(root);
        match progress.next_unpassed(course, Some(current)) {
            Some(next) => {
                println!("Next: {next}");
                *current = next;
            }
            None => {
                println!("{} Every exercise of the course passes.", ui::pass_mark());
                legend(current);
                return Ok(());
            }
        }
    }
}

fn legend(current: &str) {
    println!(
        "{}",
        ui::dim(&format!(
            "[{current}] keys: h hint · n next · s solution · l list · c check all · r reset · q quit"
        ))
    );
}

/// The exercise after `current` in course order.
fn next_after(course: &Course, current: &str) -> Option<String> {
    let mut names = course.exercises().map(|(_, e)| e.name.as_str());
    names.by_ref().find(|name| *name == current)?;
    names.next().map(str::to_owned)
}

/// Starts watching `chapters/` for saved `.rs` files, by events or by
/// polling; each change sends `()`.
fn watch_files(root: &Path, force_poll: bool, changes: Sender<()>) -> Result<Source> {
    let folder = root.join("chapters");
    let reason = if force_poll {
        Some("as asked (--poll)".to_owned())
    } else {
        events_unreliable(root)
    };
    if reason.is_none() {
        let sender = changes.clone();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            let relevant =
                !event.kind.is_access() && event.paths.iter().any(|path| is_source(path));
            if relevant {
                let _ = sender.send(());
            }
        });
        match watcher.and_then(|mut watcher| {
            watcher.watch(&folder, RecursiveMode::Recursive)?;
            Ok(watcher)
        }) {
            Ok(watcher) => {
                println!("{}", ui::dim("Watching chapters/ for saved files."));
                return Ok(Source {
                    _events: Some(watcher),
                });
            }
            Err(error) => {
                return poll(
                    folder,
                    changes,
                    &format!("file events are not available here ({error})"),
                );
            }
        }
    }
    poll(folder, changes, &reason.unwrap_or_default())
}

fn poll(folder: PathBuf, changes: Sender<()>, reason: &str) -> Result<Source> {
    println!(
        "{}",
        ui::yellow(&format!(
            "Looking for changes once a second instead of waiting for file events: {reason}."
        ))
    );
    thread::spawn(move || {
        let mut seen = fingerprint(&folder);
        loop {
            thread::sleep(Duration::from_secs(1));
            let now = fingerprint(&folder);
            if now != seen {
                seen = now;
                if changes.send(()).is_err() {
                    return;
                }
            }
        }
    });
    Ok(Source { _events: None })
}

fn is_source(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "rs")
}

/// The modification time and size of every `.rs` file under `folder`.
fn fingerprint(folder: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut files = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(path);
            } else if is_source(&path) {
                files.push((path, meta.modified().ok(), meta.len()));
            }
        }
    }
    files.sort();
    files
}

/// Why file events may not arrive for `root`, if they may not.
fn events_unreliable(root: &Path) -> Option<String> {
    let wsl = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .is_ok_and(|release| release.to_lowercase().contains("microsoft"));
    if wsl && root.starts_with("/mnt") {
        return Some("this folder is on a Windows drive seen through WSL (/mnt), where Linux gets no file events".to_owned());
    }
    network_file_system(root)
        .map(|kind| format!("this folder is on a {kind} file system, which sends no file events"))
}

/// The kind of network or user-space file system `path` is on, if it is on one.
#[cfg(target_os = "linux")]
fn network_file_system(path: &Path) -> Option<&'static str> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    let mut stats = std::mem::MaybeUninit::<libc::statfs>::uninit();
    // SAFETY: `c_path` is a valid NUL-terminated string, and `stats` points
    // to writable memory of the right type, which statfs fills on success.
    let ok = unsafe { libc::statfs(c_path.as_ptr(), stats.as_mut_ptr()) } == 0;
    if !ok {
        return None;
    }
    // SAFETY: statfs returned 0, so it initialised `stats`.
    let kind = unsafe { stats.assume_init() }.f_type as u64;
    match kind {
        0x6969 => Some("NFS"),
        0x517B | 0xFF53_4D42 | 0xFE53_4D42 => Some("SMB"),
        0x0102_1997 => Some("9P (WSL or a VM share)"),
        0x6573_5546 => Some("FUSE"),
        _ => None,
    }
}

#[cfg(not(target_os = "linux"))]
fn network_file_system(_path: &Path) -> Option<&'static str> {
    None
}

/// Single keys on a terminal; lines from a pipe (their first character).
enum Keys {
    Terminal,
    Lines(Receiver<char>),
}

impl Keys {
    fn new() -> Keys {
        if std::io::stdin().is_terminal() {
            return Keys::Terminal;
        }
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                let key = line.trim().chars().next().unwrap_or('\n');
                if sender.send(key).is_err() {
                    return;
                }
            }
            let _ = sender.send('q');
        });
        Keys::Lines(receiver)
    }

    /// The next key pressed within `timeout`.
    fn next(&self, timeout: Duration) -> Result<Option<char>> {
        match self {
            Keys::Lines(receiver) => match receiver.recv_timeout(timeout) {
                Ok(key) => Ok(Some(key.to_ascii_lowercase())),
                Err(RecvTimeoutError::Timeout) => Ok(None),
                Err(RecvTimeoutError::Disconnected) => Ok(Some('q')),
            },
            Keys::Terminal => {
                // Raw mode only while waiting for a key, so that everything
                // printed meanwhile looks as usual.
                let _raw = RawMode::on()?;
                if !event::poll(timeout)? {
                    return Ok(None);
                }
                Ok(match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => match key.code {
                        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                            Some('q')
                        }
                        KeyCode::Char(c) => Some(c.to_ascii_lowercase()),
                        KeyCode::Esc => Some('q'),
                        KeyCode::Enter => Some('\n'),
                        _ => None,
                    },
                    _ => None,
                })
            }
        }
    }
}

/// The terminal in raw mode until dropped, even on an error.
struct RawMode;

impl RawMode {
    fn on() -> Result<RawMode> {
        terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_unpassed_exercise_follows_the_course_and_wraps() {
        let course = Course::load(&crate::project_root()).unwrap();
        let mut progress = Progress::default();
        let next =
            |progress: &Progress, after: Option<&str>| progress.next_unpassed(&course, after);
        assert_eq!(next(&progress, None).as_deref(), Some("arguments"));
        progress.record("arguments", true);
        assert_eq!(
            next(&progress, Some("arguments")).as_deref(),
            Some("downloads")
        );
        progress.record("runnable", true);
        assert_eq!(
            next(&progress, Some("downloads")).as_deref(),
            Some("live_threads")
        );
        let last = course.exercises().last().unwrap().1.name.clone();
        assert_eq!(next(&progress, Some(&last)).as_deref(), Some("downloads"));
        assert_eq!(
            next_after(&course, "arguments").as_deref(),
            Some("downloads")
        );
        assert_eq!(next_after(&course, &last), None);
    }

    #[test]
    fn a_saved_source_file_changes_the_fingerprint() {
        let scratch = tempfile::Builder::new()
            .prefix("lockstep-watch-")
            .tempdir()
            .unwrap();
        let dir = scratch.path();
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(dir.join("src/a.rs"), "fn a() {}").unwrap();
        std::fs::write(dir.join("notes.txt"), "x").unwrap();
        let before = fingerprint(dir);
        assert_eq!(before.len(), 1, "only .rs files count");
        std::fs::write(dir.join("src/a.rs"), "fn a() { todo!() }").unwrap();
        assert_ne!(fingerprint(dir), before);
    }
}
