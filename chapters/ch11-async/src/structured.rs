//! Structured concurrency: all the jobs, or the first error (E4).
//!
//! asyncio has two answers. `asyncio.gather(*jobs)` raises the first
//! exception but leaves the other jobs running; `asyncio.TaskGroup` (3.11)
//! cancels them and waits until they have stopped. tokio's `JoinSet` owns
//! its tasks like a `TaskGroup`: `abort_all`, or dropping the set, cancels
//! every task still in it, and a cancelled task is dropped at its next
//! `.await`, running its destructors.
//!
//! Your task: write `all_or_first_error`. At the first failure it returns at
//! once, and the jobs still running are cancelled, not left to finish.
//! Everything without a `// TODO` is given.

use std::future::Future;

use tokio::task::JoinSet;

/// Why [`all_or_first_error`] gave up. (Given.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError<E> {
    /// The job at `index` returned this error.
    Failed { index: usize, error: E },
    /// The job at `index` panicked.
    Panicked { index: usize },
}

/// Runs every job at once. If all succeed, returns their values in the
/// order of `jobs`. As soon as one fails (or panics), cancels the others and
/// returns that failure, without waiting for the rest.
pub async fn all_or_first_error<T, E, Fut>(jobs: Vec<Fut>) -> Result<Vec<T>, JobError<E>>
where
    Fut: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    // TODO
    todo!()
}
