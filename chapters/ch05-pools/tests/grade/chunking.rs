use ch05_pools::chunking::{map_chunked, map_per_item, run_chunked};
use ch05_pools::thread_pool::ThreadPool;
use grading::{OverlapProbe, ThreadSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn numbers() -> Vec<u64> {
    (0..1003).collect()
}

fn triple(x: u64) -> u64 {
    3 * x
}

grading::graded! {
    fn per_item_gives_every_result_in_order_with_a_job_each() {
        let pool = ThreadPool::new(3);
        let out = map_per_item(&pool, &numbers(), triple);
        assert_eq!(out, numbers().iter().map(|&x| triple(x)).collect::<Vec<_>>());
        // A job counts as completed just after it has sent its result.
        grading::wait_until(|| pool.completed() >= 1003);
        assert_eq!(pool.completed(), 1003, "one job per number");
    }

    fn chunked_gives_every_result_in_order_with_a_job_per_chunk() {
        let pool = ThreadPool::new(3);
        let out = map_chunked(&pool, &numbers(), 100, triple);
        assert_eq!(out, numbers().iter().map(|&x| triple(x)).collect::<Vec<_>>());
        grading::wait_until(|| pool.completed() >= 11);
        assert_eq!(pool.completed(), 11, "1003 numbers in chunks of 100 make 11 jobs");
    }

    fn chunks_stay_in_order_when_later_ones_finish_first() {
        let pool = ThreadPool::new(3);
        // The first chunk is slow, so it finishes last.
        let out = map_chunked(&pool, &(0..30).collect::<Vec<u64>>(), 10, |x| {
            if x < 10 {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            x
        });
        assert_eq!(out, (0..30).collect::<Vec<u64>>());
    }

    fn chunks_run_on_every_worker_at_once() {
        let pool = ThreadPool::new(3);
        let (probe, threads) = (Arc::new(OverlapProbe::new(3)), Arc::new(ThreadSet::new()));
        let (p, t) = (probe.clone(), threads.clone());
        map_chunked(&pool, &numbers(), 10, move |x| {
            t.record();
            p.arrive();
            x
        });
        probe.assert_overlapped("map_chunked");
        assert_eq!(threads.len(), 3);
    }

    fn run_chunked_calls_f_once_per_number_and_waits_for_all() {
        let pool = ThreadPool::new(3);
        let calls: Arc<Vec<AtomicUsize>> = Arc::new((0..1003).map(|_| AtomicUsize::new(0)).collect());
        let c = calls.clone();
        run_chunked(&pool, &numbers(), 64, move |x| {
            std::thread::yield_now();
            c[x as usize].fetch_add(1, Ordering::SeqCst);
        });
        assert!(calls.iter().all(|n| n.load(Ordering::SeqCst) == 1), "every number once, all before returning");
        grading::wait_until(|| pool.completed() >= 16);
        assert_eq!(pool.completed(), 16, "1003 numbers in chunks of 64 make 16 jobs");
    }

    fn empty_input_gives_empty_output() {
        let pool = ThreadPool::new(2);
        assert!(map_per_item(&pool, &[], triple).is_empty());
        assert!(map_chunked(&pool, &[], 10, triple).is_empty());
        run_chunked(&pool, &[], 10, |_| panic!("no numbers"));
    }
}
