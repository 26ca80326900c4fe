use ch01_threads::cost::parallel_sum;
use grading::{OverlapProbe, ThreadSet};
use std::collections::HashMap;
use std::sync::Mutex;
use std::thread::{self, ThreadId};

fn square(x: u64) -> u64 {
    x * x
}

grading::graded! {
    fn the_parallel_sum_equals_the_sequential_sum() {
        let numbers: Vec<u64> = (1..=10_000).collect();
        let expected: u64 = numbers.iter().map(|&x| square(x)).sum();
        for threads in [1, 2, 3, 4, 7] {
            assert_eq!(parallel_sum(&numbers, threads, square), expected, "with {threads} threads");
        }
    }

    fn the_work_is_split_over_the_requested_number_of_threads() {
        // Counts that differ from each other, so no machine's core count
        // matches them all, and sizes that do not divide evenly.
        for (len, wanted) in [(103, 3), (103, 4), (103, 7), (9, 4), (10, 4)] {
            let numbers: Vec<u64> = (0..len).collect();
            let threads = ThreadSet::new();
            parallel_sum(&numbers, wanted, |x| {
                threads.record();
                x
            });
            assert_eq!(
                threads.len(),
                wanted,
                "{len} numbers over {wanted} threads use exactly {wanted} threads"
            );
            assert!(!threads.contains(thread::current().id()), "no part is summed on the calling thread");
        }
    }

    fn each_thread_sums_one_contiguous_part() {
        let numbers: Vec<u64> = (0..103).collect();
        let seen: Mutex<HashMap<ThreadId, Vec<u64>>> = Mutex::default();
        parallel_sum(&numbers, 4, |x| {
            seen.lock().unwrap().entry(thread::current().id()).or_default().push(x);
            x
        });
        let mut parts: Vec<Vec<u64>> = seen.into_inner().unwrap().into_values().collect();
        for part in &mut parts {
            part.sort_unstable();
            assert!(
                part.windows(2).all(|pair| pair[1] == pair[0] + 1),
                "a thread summed {part:?}: each thread must sum one contiguous part of the numbers"
            );
        }
        let mut all: Vec<u64> = parts.concat();
        all.sort_unstable();
        assert_eq!(all, numbers, "every number is summed exactly once");
    }

    fn the_parts_are_summed_at_the_same_time() {
        let numbers: Vec<u64> = (0..100).collect();
        let probe = OverlapProbe::new(4);
        parallel_sum(&numbers, 4, |x| {
            probe.arrive();
            x
        });
        probe.assert_overlapped("parallel_sum");
    }

    fn a_thousand_threads_work() {
        let numbers: Vec<u64> = (0..1000).collect();
        let (threads, probe) = (ThreadSet::new(), OverlapProbe::new(1000));
        let total = parallel_sum(&numbers, 1000, |x| {
            threads.record();
            probe.arrive();
            x
        });
        assert_eq!(total, 999 * 1000 / 2, "the numbers 0 to 999 add up to 499500, also over a thousand threads");
        assert_eq!(threads.len(), 1000, "a thousand threads asked for, and a thousand numbers: each thread sums one");
        probe.assert_overlapped("a thousand threads");
    }

    fn fewer_numbers_than_threads_use_one_thread_per_number() {
        let threads = ThreadSet::new();
        let total = parallel_sum(&[1, 2, 3], 8, |x| {
            threads.record();
            square(x)
        });
        assert_eq!(total, 1 + 4 + 9, "the squares of 1, 2 and 3 add up to 14, also with more threads than numbers");
        assert_eq!(threads.len(), 3, "no thread is started without work");
    }

    fn no_numbers_sum_to_zero() {
        assert_eq!(parallel_sum(&[], 4, square), 0, "no numbers sum to 0, whatever the number of threads");
    }

    #[should_panic(expected = "threads must be at least 1")]
    fn zero_threads_are_refused() {
        parallel_sum(&[1, 2, 3], 0, square);
    }
}
