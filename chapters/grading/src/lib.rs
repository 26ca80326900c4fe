//! Test helpers for Lockstep's graded exercises.
//!
//! Concurrency tests that only compare final answers pass with sequential
//! code. These helpers let a test check *how* the work was done, and make sure
//! no test can hang:
//!
//! - **No hangs**: [`deadline`] runs a test body on a named thread and fails
//!   with `probable deadlock in <exercise>` when it does not finish in time.
//!   The [`graded!`] macro wraps every test of an exercise in it.
//! - **Overlap**: an [`OverlapProbe`] proves that `k` threads were alive at
//!   the same time (a barrier that gives up after a timeout).
//! - **Exclusion and limits**: a [`Gauge`] records the peak number of threads
//!   inside a region at once.
//! - **Who did the work**: a [`ThreadSet`] collects distinct `ThreadId`s.
//! - **Contention on purpose**: [`run_together`] starts many threads at a
//!   barrier, so the test, not the code under test, decides they overlap.
//! - **Speed, in benchmarks only**: [`Measurements`] is the harness every
//!   benchmark program shares; it writes CSV for the book.
//! - **Rare events on demand**: [`sync`] is `std`'s `Mutex` and `Condvar`
//!   with spurious wake-ups, room to steal a wake-up, and counters; the
//!   chapters' given `sync` modules re-export it in grading builds.
//! - **Time, loosely**: a [`Band`] checks a duration against a wide band; speed
//!   itself is measured in benchmarks, never in tests.

mod deadline;
mod examples;
mod gauge;
mod measure;
mod overlap;
mod polling;
pub mod sync;
mod thread_set;
mod timing;
mod together;

pub use deadline::{DEFAULT_LIMIT, deadline, limit};
pub use examples::{assert_says, example_binary, run_example};
pub use gauge::{Gauge, GaugeGuard};
pub use measure::Measurements;
pub use overlap::OverlapProbe;
pub use polling::wait_until;
pub use thread_set::ThreadSet;
#[cfg(unix)]
pub use timing::thread_cpu_time;
pub use timing::{Band, timed};
pub use together::run_together;

/// Declares the graded tests of one exercise.
///
/// Write it in the exercise's test module (`tests/grade/<exercise>.rs`); the
/// exercise's name is the module's name. Every test becomes a `#[test]` whose
/// body runs under [`deadline`], so a deadlock fails with
/// `probable deadlock in <exercise>` instead of hanging the suite.
///
/// ```text
/// grading::graded! {
///     fn every_page_arrives() {
///         assert_eq!(fetch_all(&pages).len(), 3);
///     }
/// }
/// ```
#[macro_export]
macro_rules! graded {
    ($( $(#[$meta:meta])* fn $name:ident() $body:block )*) => {
        $(
            #[test]
            $(#[$meta])*
            fn $name() {
                $crate::deadline($crate::exercise_of(module_path!()), $crate::limit(), move || $body)
            }
        )*
    };
}

/// The exercise a test module grades: the last segment of its module path
/// (`grade::downloads` grades `downloads`).
pub fn exercise_of(module_path: &'static str) -> &'static str {
    module_path.rsplit("::").next().unwrap_or(module_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exercise_is_the_last_module_segment() {
        assert_eq!(exercise_of("grade::downloads"), "downloads");
        assert_eq!(exercise_of("grade"), "grade");
    }
}
