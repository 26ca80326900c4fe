use ch09_gil::convoy::{Convoy, measure_convoy};
use grading::Band;
use std::time::Duration;

grading::graded! {
    fn each_wakeup_waits_about_one_switch_interval() {
        let interval = Duration::from_millis(20);
        let convoy = measure_convoy(interval, 3, Duration::from_millis(5));
        assert_eq!(convoy.latencies.len(), 3, "one latency per wake-up");
        assert_eq!(convoy.switch_interval, interval, "the Convoy records the switch interval it ran with");
        for latency in &convoy.latencies {
            // At least one interval: the CPU-bound thread holds the lock until
            // asked, and the I/O thread may ask only after a whole interval.
            Band::around(interval).assert_contains("getting the GIL back after I/O, 20 ms interval", *latency);
        }
        assert!(convoy.cpu_steps > 0, "the CPU-bound thread never ran");
    }

    fn the_median_is_the_middle_wait() {
        let ms = Duration::from_millis;
        let convoy = |latencies: Vec<Duration>| Convoy { switch_interval: ms(5), latencies, cpu_steps: 0 };
        assert_eq!(convoy(vec![ms(5), ms(1), ms(4), ms(2), ms(3)]).median(), ms(3), "the median of 1..=5 ms is 3 ms");
        assert_eq!(convoy(vec![ms(9), ms(1), ms(7)]).median(), ms(7), "the median is the middle of the sorted waits, not of the order given");
        assert_eq!(convoy(vec![ms(2), ms(4)]).median(), ms(4), "the upper of two middles");
    }

    fn a_shorter_interval_means_a_shorter_wait() {
        // I/O longer than the whole band of a 1 ms interval: a clock started
        // before the I/O, or once for the whole run, cannot stay in it.
        let short = measure_convoy(Duration::from_millis(1), 2, Duration::from_millis(300));
        let long = measure_convoy(Duration::from_millis(300), 1, Duration::from_millis(5));
        assert_eq!((short.latencies.len(), long.latencies.len()), (2, 1), "one latency per wake-up");
        for latency in &short.latencies {
            Band::around(Duration::from_millis(1))
                .assert_contains("getting a 1 ms-interval GIL back after 300 ms of I/O", *latency);
        }
        Band::around(Duration::from_millis(300))
            .assert_contains("getting a 300 ms-interval GIL back after I/O", long.latencies[0]);
        assert!(
            short.median() < long.median(),
            "a 1 ms interval gives shorter waits than a 300 ms one; 1 ms: {:?}, 300 ms: {:?}",
            short.latencies,
            long.latencies
        );
    }
}
