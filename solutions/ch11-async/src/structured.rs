//! Structured concurrency: all the jobs, or the first error (E4).
//!
//! asyncio has two answers. `asyncio.gather(*jobs)` raises the first
//! exception but leaves the other jobs running; `asyncio.TaskGroup` (3.11)
//! cancels them and waits until they have stopped. tokio's `JoinSet` owns
//! its tasks like a `TaskGroup`: `abort_all`, or dropping the set, cancels
//! every task still in it, and a cancelled task is dropped at its next
//! `.await`, running its destructors.

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

// ANCHOR: all_or_first_error
/// Runs every job at once. If all succeed, returns their values in the
/// order of `jobs`. As soon as one fails (or panics), cancels the others and
/// returns that failure, without waiting for the rest.
pub async fn all_or_first_error<T, E, Fut>(jobs: Vec<Fut>) -> Result<Vec<T>, JobError<E>>
where
    Fut: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    let count = jobs.len();
    let mut running = JoinSet::new();
    let mut index_of = std::collections::HashMap::new();
    for (index, job) in jobs.into_iter().enumerate() {
        let handle = running.spawn(async move { (index, job.await) });
        index_of.insert(handle.id(), index);
    }
    let mut values: Vec<Option<T>> = std::iter::repeat_with(|| None).take(count).collect();
    while let Some(done) = running.join_next().await {
        match done {
            Ok((index, Ok(value))) => values[index] = Some(value),
            // Returning drops `running`, which cancels every job still in it.
            Ok((index, Err(error))) => return Err(JobError::Failed { index, error }),
            Err(join_error) => {
                let index = index_of[&join_error.id()];
                return Err(JobError::Panicked { index });
            }
        }
    }
    Ok(values
        .into_iter()
        .map(|value| value.expect("every job ended"))
        .collect())
}
// ANCHOR_END: all_or_first_error
