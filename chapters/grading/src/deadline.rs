//! The deadline watchdog: a test that deadlocks fails instead of hanging.

use std::panic;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// How long a graded test may run before it counts as deadlocked.
///
/// Every graded test is designed to finish in well under a second; five
/// seconds leaves room for a loaded machine and still fails a deadlock fast.
pub const DEFAULT_LIMIT: Duration = Duration::from_secs(5);

/// The limit for graded tests: [`DEFAULT_LIMIT`], or `LOCKSTEP_DEADLINE_SECS`
/// when set (for very slow machines or a debugger).
pub fn limit() -> Duration {
    std::env::var("LOCKSTEP_DEADLINE_SECS")
        .ok()
        .and_then(|secs| secs.parse::<f64>().ok())
        .filter(|secs| secs.is_finite() && *secs > 0.0)
        .map_or(DEFAULT_LIMIT, Duration::from_secs_f64)
}

/// Runs `body` on a thread named `name` and returns its result, or fails the
/// calling test when it takes longer than `limit`.
///
/// A body that panics has its panic re-raised here with its own payload, so
/// `#[should_panic(expected = "...")]` and the failure message work as usual.
/// A body that never finishes is abandoned (a thread cannot be killed): it
/// keeps running in the background until the test process exits.
///
/// # Panics
///
/// With `probable deadlock in <name>: no result within <limit>` when the body
/// does not finish in time, and with the body's own panic when it panics.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// let answer = grading::deadline("smoke", Duration::from_secs(5), || 6 * 7);
/// assert_eq!(answer, 42);
/// ```
pub fn deadline<T, F>(name: &str, limit: Duration, body: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let (sender, receiver) = mpsc::channel();
    let worker = thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            // The receiver is gone only when the watchdog already gave up.
            let _ = sender.send(body());
        })
        .expect("the operating system refused to start the test's thread");

    match receiver.recv_timeout(limit) {
        Ok(value) => {
            // The body has returned; only thread-local destructors remain.
            let _ = worker.join();
            value
        }
        // The sender was dropped without sending: the body panicked.
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(payload) => panic::resume_unwind(payload),
            Ok(()) => unreachable!("the body neither returned a value nor panicked"),
        },
        Err(RecvTimeoutError::Timeout) => {
            panic!("probable deadlock in {name}: no result within {limit:?}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Barrier, Mutex};
    use std::time::Instant;

    #[test]
    fn returns_the_body_value() {
        assert_eq!(deadline("smoke", DEFAULT_LIMIT, || "done"), "done");
    }

    #[test]
    fn runs_the_body_on_a_thread_with_the_given_name() {
        let name = deadline("named", DEFAULT_LIMIT, || {
            thread::current().name().map(str::to_owned)
        });
        assert_eq!(name.as_deref(), Some("named"));
    }

    #[test]
    #[should_panic(expected = "the body's own message")]
    fn reraises_a_panic_with_its_own_message() {
        deadline("panics", DEFAULT_LIMIT, || panic!("the body's own message"));
    }

    #[test]
    fn a_deadlocked_body_fails_within_the_limit() {
        let limit = Duration::from_millis(200);
        let started = Instant::now();
        let outcome = panic::catch_unwind(|| {
            deadline("stuck", limit, || {
                // Two threads each waiting for the other: a real deadlock.
                let a = Arc::new(Mutex::new(()));
                let b = Arc::new(Mutex::new(()));
                let both_hold_one = Arc::new(Barrier::new(2));
                let (a2, b2, barrier2) = (a.clone(), b.clone(), both_hold_one.clone());
                let other = thread::spawn(move || {
                    let _b = b2.lock().unwrap();
                    barrier2.wait();
                    let _a = a2.lock().unwrap();
                });
                let _a = a.lock().unwrap();
                both_hold_one.wait();
                let _b = b.lock().unwrap();
                other.join().unwrap();
            })
        });
        let elapsed = started.elapsed();

        let payload = outcome.expect_err("a deadlocked body must fail the test");
        let message = payload
            .downcast_ref::<String>()
            .expect("the watchdog panics with a formatted message");
        assert!(
            message.starts_with("probable deadlock in stuck: no result within 200ms"),
            "unexpected message: {message}"
        );
        // Wide sanity band: it gave up at the limit, not much later.
        assert!(
            elapsed >= limit && elapsed < limit * 10,
            "gave up after {elapsed:?}"
        );
    }
}
