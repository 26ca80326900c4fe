//! A parent and a child process that talk through pipes: a book example for
//! chapter 8's "One child process".
//!
//! The program is its own child. Started with the argument `reverse`, it
//! writes every line of its stdin back reversed, says on stderr how many
//! there were, and exits with code 3; started with `sleep`, it sleeps for an
//! hour. Without arguments it is the parent: it feeds a `reverse` child far
//! more lines than a pipe holds, on a thread of its own, while std's
//! `wait_with_output` reads stdout and stderr; then it starts a `sleep` child,
//! kills it and waits for it, so that no zombie is left behind.
//!
//! Run it with `cargo run -p ch08-processes-solution --example pipes_to_a_child`.

use std::io::{self, BufRead, Write};
use std::process::{Command, ExitCode, Stdio};
use std::thread;
use std::time::Duration;

/// Lines the parent sends: some 200 kB, more than a pipe's buffer holds.
const LINES: usize = 20_000;

fn main() -> io::Result<ExitCode> {
    match std::env::args().nth(1).as_deref() {
        Some("reverse") => reverse_lines(),
        Some("sleep") => {
            thread::sleep(Duration::from_secs(3600));
            Ok(ExitCode::SUCCESS)
        }
        _ => parent().map(|()| ExitCode::SUCCESS),
    }
}

/// The child's side: stdin to stdout, a line at a time, each reversed.
fn reverse_lines() -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let mut count = 0;
    for line in io::stdin().lock().lines() {
        writeln!(out, "{}", line?.chars().rev().collect::<String>())?;
        count += 1;
    }
    eprintln!("reversed {count} lines");
    Ok(ExitCode::from(3))
}

fn parent() -> io::Result<()> {
    let me = std::env::current_exe()?;

    // ANCHOR: feed_and_collect
    let mut child = Command::new(&me)
        .arg("reverse")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // The child writes while it reads. Were this thread to write every line
    // before reading any, both would wait on full pipes for ever; so the
    // input goes in from a thread of its own, and ends when `input` drops.
    let mut input = child.stdin.take().expect("stdin was piped");
    let feeder = thread::spawn(move || (0..LINES).try_for_each(|i| writeln!(input, "line {i}")));
    // Reads stdout and stderr to their ends, both at once, then reaps the child.
    let output = child.wait_with_output()?;
    feeder.join().expect("the feeder does not panic")?;
    // ANCHOR_END: feed_and_collect
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("child: {}", output.status);
    println!(
        "stdout: {} lines, the first {:?}",
        stdout.lines().count(),
        stdout.lines().next()
    );
    println!(
        "stderr: {:?}",
        String::from_utf8_lossy(&output.stderr).trim_end()
    );

    // ANCHOR: kill_and_reap
    let mut sleeper = Command::new(&me).arg("sleep").spawn()?;
    sleeper.kill()?;
    // Killed is not gone: until its parent waits for it, the dead child keeps
    // its entry in the process table (a zombie). `wait` collects its status.
    let status = sleeper.wait()?;
    // ANCHOR_END: kill_and_reap
    println!("sleeper {}: {status}", sleeper.id());
    Ok(())
}
