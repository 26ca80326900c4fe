use ch06_processes::process_pool::ProcessPool;
use ch06_processes::threads_to_processes::from_threads;

use crate::worker;

grading::graded! {
    fn each_thread_gets_its_own_results() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = from_threads(&pool, 3, "square", |t| (0..5).map(|i| (t * 10 + i) as u64).collect());
        for (t, results) in out.iter().enumerate() {
            let expected: Vec<u64> = (0..5).map(|i| ((t * 10 + i) as u64).pow(2)).collect();
            assert_eq!(results.iter().map(|r| *r.as_ref().unwrap()).collect::<Vec<_>>(), expected, "thread {t}");
        }
    }

    fn requests_from_several_threads_run_at_the_same_time() {
        let pool = ProcessPool::new(worker(), 2).unwrap();
        let out = from_threads(&pool, 2, "sleep_ms", |_| vec![300]);
        assert_eq!(out.len(), 2);
        assert_eq!(pool.busy_peak(), 2, "the two threads' tasks ran on both workers at once");
    }
}
