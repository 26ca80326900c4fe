//! Runs a program with a time limit, in a process group of its own, so that
//! a hung test binary and every process it started can be killed together
//! and the terminal is never left blocked.

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

/// The runner's own limit on one run of a test binary. Every graded test has
/// a 5 s watchdog inside the binary; this catches what escapes it (a hang in
/// code that runs outside any test, say). `LOCKSTEP_RUNNER_SECS` overrides it.
pub fn runner_limit() -> Duration {
    std::env::var("LOCKSTEP_RUNNER_SECS")
        .ok()
        .and_then(|secs| secs.parse::<f64>().ok())
        .filter(|secs| *secs > 0.0)
        .map_or(Duration::from_secs(60), Duration::from_secs_f64)
}

/// What a program printed before it ended or was killed.
#[derive(Debug)]
pub struct Finished {
    pub status: Option<ExitStatus>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// It ran past the limit and was killed, with its whole process group.
    pub timed_out: bool,
}

/// Runs `command` to its end, or for at most `limit`.
pub fn output_within(mut command: Command, limit: Duration) -> Result<Finished> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start {:?}", command.get_program()))?;
    let stdout = collect(child.stdout.take());
    let stderr = collect(child.stderr.take());
    let started = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait()? {
            // The program ended; anything it started and left behind (a
            // child of a test that failed by its watchdog, still hung) goes
            // with it. The group keeps the program's id while any member
            // lives, so the id cannot name anyone else's group yet.
            kill_group(&mut child);
            break (Some(status), false);
        }
        if started.elapsed() >= limit {
            kill_group(&mut child);
            break (child.wait().ok(), true);
        }
        thread::sleep(Duration::from_millis(10));
    };
    // A process that escaped the group could keep a pipe open; do not wait
    // for it for ever.
    let patience = Duration::from_secs(2);
    Ok(Finished {
        status,
        stdout: stdout.recv_timeout(patience).unwrap_or_default(),
        stderr: stderr.recv_timeout(patience).unwrap_or_default(),
        timed_out,
    })
}

/// Reads a pipe to its end on a thread of its own.
fn collect(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = sender.send(bytes);
    });
    receiver
}

/// Kills the child and every process in its group (the child itself may
/// have ended already).
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(group) = libc::pid_t::try_from(child.id()) {
        // SAFETY: `kill` only sends a signal. A negative pid names the
        // process group that `process_group(0)` created for the child, whose
        // id is the child's pid, so only the child and its descendants are
        // signalled.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
    let _ = child.kill();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_program_finishes_with_its_output() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo out; echo err >&2"]);
        let finished = output_within(command, Duration::from_secs(10)).unwrap();
        assert!(!finished.timed_out);
        assert!(finished.status.unwrap().success());
        assert_eq!(finished.stdout, b"out\n");
        assert_eq!(finished.stderr, b"err\n");
    }

    #[cfg(unix)]
    #[test]
    fn what_a_finished_program_left_running_is_killed() {
        let scratch = tempfile::Builder::new()
            .prefix("lockstep-leftover-")
            .tempdir()
            .unwrap();
        let marker = scratch.path().join("marker");
        let mut command = Command::new("sh");
        // Leaves a grandchild behind that would write the marker after a
        // second, and exits at once.
        command.arg("-c").arg(format!(
            "(sleep 1; touch {}) >/dev/null 2>&1 & echo done",
            marker.display()
        ));
        let finished = output_within(command, Duration::from_secs(10)).unwrap();
        assert!(!finished.timed_out);
        assert_eq!(finished.stdout, b"done\n");
        thread::sleep(Duration::from_millis(1500));
        assert!(!marker.exists(), "the leftover grandchild survived");
    }

    #[cfg(unix)]
    #[test]
    fn a_hung_program_is_killed_with_everything_it_started() {
        let scratch = tempfile::Builder::new()
            .prefix("lockstep-deadline-")
            .tempdir()
            .unwrap();
        let marker = scratch.path().join("marker");
        let mut command = Command::new("sh");
        // A grandchild that would write the marker after a second, and a
        // parent that prints and then hangs.
        command.arg("-c").arg(format!(
            "(sleep 1; touch {}) & echo started; sleep 60",
            marker.display()
        ));
        let started = Instant::now();
        let finished = output_within(command, Duration::from_millis(200)).unwrap();
        assert!(finished.timed_out);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(
            finished.stdout, b"started\n",
            "output before the kill is kept"
        );
        thread::sleep(Duration::from_millis(1500));
        assert!(!marker.exists(), "the grandchild survived the kill");
    }
}
