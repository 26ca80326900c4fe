use ch07_pools::chunking::{map_chunked, map_per_item, run_chunked};
use ch07_pools::thread_pool::ThreadPool;
use grading::{Band, OverlapProbe, ThreadSet, timed};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn numbers() -> Vec<u64> {
    (0..1003).collect()
}

fn triple(x: u64) -> u64 {
    3 * x
}

/// `triple`, except that the call for 0 waits until the call for `last` has
/// run: on two workers or more, the job that holds 0 finishes last.
fn zero_finishes_after(last: u64) -> impl Fn(u64) -> u64 + Send + Sync + 'static {
    let (done, last_done) = crossbeam_channel::bounded(1);
    move |x| {
        if x == last {
            let _ = done.send(());
        } else if x == 0 {
            // Patience for code that runs the jobs one at a time.
            let _ = last_done.recv_timeout(Duration::from_secs(2));
        }
        triple(x)
    }
}

grading::graded! {
    fn per_item_gives_every_result_in_order_with_a_job_each() {
        let pool = ThreadPool::new(3);
        let out = map_per_item(&pool, &numbers(), triple);
        assert_eq!(
            out,
            numbers().iter().map(|&x| triple(x)).collect::<Vec<_>>(),
            "map_per_item returns f(x) for every number, in input order"
        );
        // A job counts as completed just after it has sent its result.
        grading::wait_until(|| pool.completed() >= 1003);
        assert_eq!(pool.completed(), 1003, "one job per number");
    }

    fn chunked_gives_every_result_in_order_with_a_job_per_chunk() {
        let pool = ThreadPool::new(3);
        let out = map_chunked(&pool, &numbers(), 100, triple);
        assert_eq!(
            out,
            numbers().iter().map(|&x| triple(x)).collect::<Vec<_>>(),
            "map_chunked returns f(x) for every number, in input order, the short last chunk included"
        );
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
        assert_eq!(out, (0..30).collect::<Vec<u64>>(), "map_chunked returns results in input order, though the first chunk finishes last");
    }

    fn per_item_keeps_input_order_when_the_first_number_finishes_last() {
        let pool = ThreadPool::new(2);
        let numbers: Vec<u64> = (0..8).collect();
        let out = map_per_item(&pool, &numbers, zero_finishes_after(7));
        assert_eq!(out, [0, 3, 6, 9, 12, 15, 18, 21], "results in input order, not in the order the jobs finished");
    }

    fn chunked_keeps_input_order_when_the_first_chunk_finishes_last() {
        let pool = ThreadPool::new(2);
        let numbers: Vec<u64> = (0..25).collect();
        let out = map_chunked(&pool, &numbers, 10, zero_finishes_after(24));
        assert_eq!(out, numbers.iter().map(|&x| triple(x)).collect::<Vec<_>>(), "results in input order, not in the order the chunks finished");
    }

    fn run_chunked_returns_as_soon_as_the_work_is_done() {
        const CALLS: u32 = 30;
        const WORK: Duration = Duration::from_millis(2);
        let pool = ThreadPool::new(3);
        let ((), took) = timed(|| {
            for _ in 0..CALLS {
                // Three chunks; the one holding 0 takes WORK.
                run_chunked(&pool, &[0, 1, 2, 3, 4, 5], 2, |x| {
                    if x == 0 {
                        thread::sleep(WORK);
                    }
                });
            }
        });
        // 2 ms of work a call, and 25 allowed: waking up every 50 ms to look
        // whether the work is done cannot make it.
        Band::under(CALLS * Duration::from_millis(25))
            .assert_contains("30 calls of run_chunked whose work takes 2 ms each", took);
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
        assert_eq!(threads.len(), 3, "the chunks of map_chunked run on all three workers of the pool");
    }

    fn run_chunked_calls_f_once_per_number_and_waits_for_all() {
        let pool = ThreadPool::new(3);
        let calls: Arc<Vec<AtomicUsize>> = Arc::new((0..1003).map(|_| AtomicUsize::new(0)).collect());
        // The call for 0 holds its job back until run_chunked has returned
        // (or a second has passed, which a right run_chunked waits out): a
        // run_chunked that returns before every job is done then returns
        // while that job is held, every run, and its calls come late.
        let returned = Arc::new((Mutex::new(false), Condvar::new()));
        let late = Arc::new(AtomicUsize::new(0));
        let (c, r, l) = (calls.clone(), returned.clone(), late.clone());
        run_chunked(&pool, &numbers(), 64, move |x| {
            let (flag, changed) = &*r;
            if x == 0 {
                let held = flag.lock().unwrap();
                let _held = changed.wait_timeout_while(held, Duration::from_secs(1), |returned| !*returned).unwrap();
            }
            if *flag.lock().unwrap() {
                l.fetch_add(1, Ordering::SeqCst);
            }
            c[x as usize].fetch_add(1, Ordering::SeqCst);
        });
        let (flag, changed) = &*returned;
        *flag.lock().unwrap() = true;
        changed.notify_all();
        assert!(calls.iter().all(|n| n.load(Ordering::SeqCst) <= 1), "run_chunked calls f once per number, never twice");
        grading::wait_until(|| pool.completed() >= 16);
        assert_eq!(
            late.load(Ordering::SeqCst),
            0,
            "run_chunked returned while a job was still running (the one that holds 0): it must wait for every chunk, the short last one too"
        );
        assert!(calls.iter().all(|n| n.load(Ordering::SeqCst) == 1), "every number once, all before returning");
        assert_eq!(pool.completed(), 16, "1003 numbers in chunks of 64 make 16 jobs");
    }

    fn empty_input_gives_empty_output() {
        let pool = ThreadPool::new(2);
        assert!(map_per_item(&pool, &[], triple).is_empty(), "map_per_item on no numbers returns an empty Vec");
        assert!(map_chunked(&pool, &[], 10, triple).is_empty(), "map_chunked on no numbers returns an empty Vec");
        run_chunked(&pool, &[], 10, |_| panic!("run_chunked called f, but there were no numbers"));
    }
}
