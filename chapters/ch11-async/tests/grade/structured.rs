//! Tests for `structured`: all values in order; the first failure returns at
//! once, at its own time on the runtime's clock; the other jobs are cancelled
//! (their destructors run, they never finish); a panic is an error, not a
//! crash.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ch11_async::structured::{JobError, all_or_first_error};

/// Counts the jobs that finished and the jobs that were dropped.
#[derive(Default)]
struct Outcomes {
    finished: AtomicUsize,
    dropped: AtomicUsize,
}

/// Adds one to `dropped` when the job holding it goes, finished or not.
struct OnDrop(Arc<Outcomes>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        self.0.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

/// Jobs of different kinds in one list.
type BoxedJob = std::pin::Pin<Box<dyn std::future::Future<Output = Result<u64, String>> + Send>>;

/// A job that waits `secs` on the runtime's clock, then returns `result`.
fn job(
    outcomes: &Arc<Outcomes>,
    secs: u64,
    result: Result<u64, String>,
) -> impl std::future::Future<Output = Result<u64, String>> + Send + 'static {
    let outcomes = Arc::clone(outcomes);
    async move {
        let _guard = OnDrop(Arc::clone(&outcomes));
        tokio::time::sleep(Duration::from_secs(secs)).await;
        outcomes.finished.fetch_add(1, Ordering::SeqCst);
        result
    }
}

grading::graded! {
    fn all_succeed_in_order() {
        let outcomes = Arc::new(Outcomes::default());
        let jobs = vec![job(&outcomes, 3, Ok(30)), job(&outcomes, 1, Ok(10)), job(&outcomes, 2, Ok(20))];
        let (values, took) = crate::paused(all_or_first_error(jobs));
        assert_eq!(values, Ok(vec![30, 10, 20]), "the values come back in the order of the jobs");
        assert_eq!(took, Duration::from_secs(3), "the jobs ran at the same time");
    }

    fn the_first_failure_returns_at_once_and_cancels_the_others() {
        let outcomes = Arc::new(Outcomes::default());
        let jobs = vec![
            job(&outcomes, 10, Ok(1)),
            job(&outcomes, 2, Err("disk full".to_owned())),
            job(&outcomes, 5, Err("too late".to_owned())),
        ];
        let ((result, returned_at), _) = crate::paused(async {
            let start = tokio::time::Instant::now();
            let result = all_or_first_error(jobs).await;
            let returned_at = start.elapsed();
            // Give cancelled jobs every chance to finish, if they still could.
            tokio::time::sleep(Duration::from_secs(60)).await;
            (result, returned_at)
        });
        assert_eq!(
            result,
            Err(JobError::Failed { index: 1, error: "disk full".to_owned() }),
            "the first job to fail is reported, with its index"
        );
        assert_eq!(returned_at, Duration::from_secs(2), "it returns when the failure happens, not when the others end");
        assert_eq!(
            outcomes.finished.load(Ordering::SeqCst),
            1,
            "only the failing job reached its end: the other two were cancelled, and never finished"
        );
        assert_eq!(outcomes.dropped.load(Ordering::SeqCst), 3, "every job was dropped, the cancelled ones included");
    }

    fn a_panicking_job_is_an_error_that_names_it() {
        let outcomes = Arc::new(Outcomes::default());
        let panicking = async {
            tokio::time::sleep(Duration::from_secs(1)).await;
            if true {
                panic!("a job panicked (on purpose)");
            }
            Ok::<u64, String>(0)
        };
        // The panicking job is neither the first nor the last in the list,
        // and two jobs end before it: its index is none of 0, 3 or 2.
        let jobs: Vec<BoxedJob> = vec![
            Box::pin(job(&outcomes, 5, Ok(1))),
            Box::pin(panicking),
            Box::pin(job(&outcomes, 0, Ok(2))),
            Box::pin(job(&outcomes, 0, Ok(3))),
        ];
        let (result, took) = crate::paused(all_or_first_error(jobs));
        assert_eq!(result, Err(JobError::Panicked { index: 1 }), "a panic is reported as the job's error, with its index in the list");
        assert_eq!(took, Duration::from_secs(1), "at the time of the panic");
    }

    fn no_jobs_is_an_empty_success() {
        let (result, _) = crate::paused(all_or_first_error(Vec::<std::future::Ready<Result<u8, ()>>>::new()));
        assert_eq!(result, Ok(Vec::new()), "nothing to run, nothing failed");
    }
}
