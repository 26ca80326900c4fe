use ch02_sharing::shared_config::{Config, check_all, check_all_scoped};
use grading::{OverlapProbe, ThreadSet};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the workers saw: which threads ran `check`, and which `Config`
/// (by address) each call was given.
#[derive(Default)]
struct Seen {
    threads: ThreadSet,
    configs: Mutex<HashSet<usize>>,
}

impl Seen {
    fn note(&self, config: &Config) {
        self.threads.record();
        self.configs
            .lock()
            .unwrap()
            .insert(config as *const Config as usize);
    }

    fn configs(&self) -> HashSet<usize> {
        self.configs.lock().unwrap().clone()
    }
}

/// Jobs whose input order differs from their completion order: `check`
/// sleeps `job` milliseconds, so with 3 workers the last run (3, 6, 2, 0)
/// finishes first and the first run (12, 7, 10, 5) last.
const UNORDERED: [u64; 12] = [12, 7, 10, 5, 9, 4, 1, 8, 3, 6, 2, 0];

fn multiple_of_three(job: u64) -> bool {
    job.is_multiple_of(3)
}

fn slow_multiple_of_three(job: u64) -> bool {
    thread::sleep(Duration::from_millis(job));
    multiple_of_three(job)
}

fn expected(jobs: &[u64]) -> Vec<bool> {
    jobs.iter().copied().map(multiple_of_three).collect()
}

grading::graded! {
    fn check_all_shares_one_config_and_copies_nothing() {
        let config = Arc::new(Config::sample("shared", 10_000));
        let seen = Arc::new(Seen::default());
        let jobs: Vec<u64> = (0..40).collect();
        let answers = check_all(Arc::clone(&config), jobs.clone(), 4, {
            let seen = Arc::clone(&seen);
            move |config, job| {
                seen.note(config);
                config.limits().contains(&job) && multiple_of_three(job)
            }
        });
        assert_eq!(answers, expected(&jobs), "one answer per job, in the order of the jobs");
        assert_eq!(
            seen.configs(),
            HashSet::from([Arc::as_ptr(&config) as usize]),
            "every worker must read the caller's own Config (the same address), not a copy"
        );
        assert_eq!(config.copies(), 0, "Config was deep-copied: clone the Arc, never the Config");
        assert_eq!(
            Arc::strong_count(&config),
            1,
            "after check_all returns, every clone of the Arc must be gone (dropped, not kept or leaked)"
        );
    }

    fn check_all_runs_its_workers_at_once() {
        let config = Arc::new(Config::sample("overlap", 100));
        let seen = Arc::new(Seen::default());
        let probe = Arc::new(OverlapProbe::new(4));
        // 9 jobs for 4 workers: runs of 3, 2, 2 and 2.
        let jobs: Vec<u64> = (0..9).collect();
        let answers = check_all(Arc::clone(&config), jobs.clone(), 4, {
            let (seen, probe) = (Arc::clone(&seen), Arc::clone(&probe));
            move |config, job| {
                seen.note(config);
                probe.arrive();
                multiple_of_three(job)
            }
        });
        probe.assert_overlapped("check_all with 4 workers");
        assert_eq!(answers, expected(&jobs), "one answer per job, in the order of the jobs");
        assert_eq!(
            seen.threads.len(),
            4,
            "9 jobs on 4 workers run on exactly 4 threads (runs of 3, 2, 2, 2), not one per job or fewer"
        );
        assert!(
            !seen.threads.contains(thread::current().id()),
            "the checks run on the workers, not on the caller's thread"
        );
    }

    fn check_all_keeps_the_order_of_the_jobs() {
        let config = Arc::new(Config::sample("order", 100));
        let answers = check_all(Arc::clone(&config), UNORDERED.to_vec(), 3, |_, job| slow_multiple_of_three(job));
        assert_eq!(
            answers,
            expected(&UNORDERED),
            "answers in the order of the jobs, although the last worker finishes first"
        );
        assert_eq!(Arc::strong_count(&config), 1, "no clone of the Arc is left after check_all");
    }

    fn check_all_with_no_jobs() {
        let config = Arc::new(Config::sample("idle", 100));
        let seen = Arc::new(Seen::default());
        let answers = check_all(Arc::clone(&config), Vec::new(), 4, {
            let seen = Arc::clone(&seen);
            move |config, _| {
                seen.note(config);
                true
            }
        });
        assert!(answers.is_empty(), "no jobs, no answers; got {answers:?}");
        assert!(seen.threads.is_empty(), "with no jobs, check is never called");
        assert_eq!(Arc::strong_count(&config), 1, "no clone of the Arc is left after check_all");
        assert_eq!(config.copies(), 0, "Config was deep-copied");
    }

    fn zero_workers_are_refused_even_with_no_jobs() {
        // The sheet: both functions panic when `workers` is zero, whatever
        // the jobs; with no jobs there is nothing to hide the mistake behind.
        for jobs in [Vec::new(), vec![1, 2]] {
            let config = Arc::new(Config::sample("none", 10));
            let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check_all(Arc::clone(&config), jobs.clone(), 0, |_, _| true)
            }));
            assert!(refused.is_err(), "check_all with 0 workers and jobs {jobs:?} panics; it returned {refused:?}");
            let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check_all_scoped(&config, &jobs, 0, |_, _| true)
            }));
            assert!(refused.is_err(), "check_all_scoped with 0 workers and jobs {jobs:?} panics; it returned {refused:?}");
        }
    }

    fn check_all_with_more_workers_than_jobs() {
        let config = Arc::new(Config::sample("few", 100));
        let seen = Arc::new(Seen::default());
        let jobs = vec![6, 4, 3];
        let answers = check_all(Arc::clone(&config), jobs.clone(), 8, {
            let seen = Arc::clone(&seen);
            move |config, job| {
                seen.note(config);
                multiple_of_three(job)
            }
        });
        assert_eq!(answers, expected(&jobs), "3 jobs on 8 workers: each job checked once, in order");
        assert_eq!(seen.threads.len(), 3, "3 jobs on 8 workers: one job on each of 3 threads");
        assert_eq!(Arc::strong_count(&config), 1, "no clone of the Arc is left after check_all");
        assert_eq!(config.copies(), 0, "Config was deep-copied");
    }

    fn check_all_with_one_worker() {
        let config = Arc::new(Config::sample("alone", 100));
        let seen = Arc::new(Seen::default());
        let answers = check_all(Arc::clone(&config), UNORDERED.to_vec(), 1, {
            let seen = Arc::clone(&seen);
            move |config, job| {
                seen.note(config);
                multiple_of_three(job)
            }
        });
        assert_eq!(answers, expected(&UNORDERED), "one worker checks every job, in order");
        assert_eq!(seen.threads.len(), 1, "one worker is one thread");
        assert!(
            !seen.threads.contains(thread::current().id()),
            "even one worker is a thread of its own, not the caller's thread"
        );
        assert_eq!(Arc::strong_count(&config), 1, "no clone of the Arc is left after check_all");
    }

    fn check_all_scoped_borrows_the_config_and_copies_nothing() {
        let config = Config::sample("borrowed", 10_000);
        let seen = Seen::default();
        let jobs: Vec<u64> = (0..40).collect();
        let answers = check_all_scoped(&config, &jobs, 4, |config, job| {
            seen.note(config);
            config.alias(&format!("alias-{job}")) == Some(job) && multiple_of_three(job)
        });
        assert_eq!(answers, expected(&jobs), "one answer per job, in the order of the jobs");
        assert_eq!(
            seen.configs(),
            HashSet::from([&config as *const Config as usize]),
            "every worker must borrow the caller's Config (the same address), not a copy"
        );
        assert_eq!(config.copies(), 0, "Config was deep-copied: the scoped workers can borrow it");
    }

    fn check_all_scoped_runs_its_workers_at_once() {
        let config = Config::sample("overlap", 100);
        let seen = Seen::default();
        let probe = OverlapProbe::new(4);
        let jobs: Vec<u64> = (0..9).collect();
        let answers = check_all_scoped(&config, &jobs, 4, |config, job| {
            seen.note(config);
            probe.arrive();
            multiple_of_three(job)
        });
        probe.assert_overlapped("check_all_scoped with 4 workers");
        assert_eq!(answers, expected(&jobs), "one answer per job, in the order of the jobs");
        assert_eq!(
            seen.threads.len(),
            4,
            "9 jobs on 4 workers run on exactly 4 threads (runs of 3, 2, 2, 2), not one per job or fewer"
        );
        assert!(
            !seen.threads.contains(thread::current().id()),
            "the checks run on the workers, not on the caller's thread"
        );
    }

    fn check_all_scoped_keeps_the_order_of_the_jobs() {
        let config = Config::sample("order", 100);
        let answers = check_all_scoped(&config, &UNORDERED, 3, |_, job| slow_multiple_of_three(job));
        assert_eq!(
            answers,
            expected(&UNORDERED),
            "answers in the order of the jobs, although the last worker finishes first"
        );
    }

    fn check_all_scoped_with_no_jobs_one_worker_and_more_workers_than_jobs() {
        let config = Config::sample("edges", 100);
        let never = Seen::default();
        let answers = check_all_scoped(&config, &[], 4, |config, _| {
            never.note(config);
            true
        });
        assert!(answers.is_empty(), "no jobs, no answers; got {answers:?}");
        assert!(never.threads.is_empty(), "with no jobs, check is never called");

        let alone = Seen::default();
        let answers = check_all_scoped(&config, &UNORDERED, 1, |config, job| {
            alone.note(config);
            multiple_of_three(job)
        });
        assert_eq!(answers, expected(&UNORDERED), "one worker checks every job, in order");
        assert_eq!(alone.threads.len(), 1, "one worker is one thread");
        assert!(
            !alone.threads.contains(thread::current().id()),
            "even one worker is a thread of its own, not the caller's thread"
        );

        let few = Seen::default();
        let jobs = [6, 4, 3];
        let answers = check_all_scoped(&config, &jobs, 8, |config, job| {
            few.note(config);
            multiple_of_three(job)
        });
        assert_eq!(answers, expected(&jobs), "3 jobs on 8 workers: each job checked once, in order");
        assert_eq!(few.threads.len(), 3, "3 jobs on 8 workers: one job on each of 3 threads");
        assert_eq!(config.copies(), 0, "Config was deep-copied");
    }
}
