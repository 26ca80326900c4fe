//! Exercise `child_process` (X1): run a program, feed it, hear it, stop it.
//!
//! A process owns its memory; a parent talks to a child only through what
//! the operating system provides: arguments, pipes for stdin, stdout and
//! stderr, the exit status, and signals. `std::process::Command` starts it.
//! Two classic traps: writing all the input before reading any output
//! (both sides block on full pipes), and forgetting to wait for a killed
//! child (it stays a zombie).

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A child that ran to its end.
#[derive(Debug)]
pub struct Finished {
    /// How it exited.
    pub status: ExitStatus,
    /// Everything it wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything it wrote to stderr.
    pub stderr: Vec<u8>,
}

/// Why [`run_with_input`] has no [`Finished`] child.
#[derive(Debug)]
pub enum RunError {
    /// The program could not be started.
    Start(io::Error),
    /// It ran past the limit and was killed (and reaped).
    TimedOut {
        /// The killed child's process id.
        pid: u32,
        /// What it had written to stdout by then.
        stdout: Vec<u8>,
    },
    /// Talking to it failed.
    Io(io::Error),
}

// ANCHOR: run_with_input
/// Runs `program` with `args`, writes `input` to its stdin, and collects its
/// stdout, stderr and exit status. A child still running after `limit` is
/// killed, waited for, and reported as [`RunError::TimedOut`].
pub fn run_with_input(
    program: &Path,
    args: &[&str],
    input: &[u8],
    limit: Duration,
) -> Result<Finished, RunError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(RunError::Start)?;

    // Feed and drain on their own threads: a child that fills its stdout
    // pipe stops reading stdin, so one thread doing both in turn could wait
    // forever. Dropping stdin when done tells the child the input ended.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    let feeder = thread::spawn(move || stdin.write_all(&input));
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));

    let status = wait_at_most(&mut child, limit).map_err(RunError::Io)?;
    // A child that exited (or was killed) closed its pipes: these joins end.
    let stdout = stdout.join().expect("the reader does not panic");
    let stderr = stderr.join().expect("the reader does not panic");
    // The feeder fails with a broken pipe if the child stopped reading; that
    // is the child's business, not an error of ours.
    let _ = feeder.join();
    match status {
        Some(status) => Ok(Finished {
            status,
            stdout,
            stderr,
        }),
        None => Err(RunError::TimedOut {
            pid: child.id(),
            stdout,
        }),
    }
}

/// Waits for `child` at most `limit`. `None` if it had to be killed; it is
/// waited for either way, so it never lingers as a zombie.
fn wait_at_most(child: &mut Child, limit: Duration) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            // kill fails only if it already exited; wait reaps it either way.
            let _ = child.kill();
            child.wait()?;
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(1));
    }
}
// ANCHOR_END: run_with_input

/// Reads `pipe` to its end on a thread of its own.
fn drain(mut pipe: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        // A read error ends the stream early; what arrived is kept.
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}
