use ch02_locks::up_and_down::SharedCounter;
use grading::run_together;

const TIMES: usize = 100_000;

grading::graded! {
    fn one_thread_up_and_one_down_end_at_zero() {
        let counter = SharedCounter::new();
        run_together(2, |i| {
            for _ in 0..TIMES {
                if i == 0 { counter.incr() } else { counter.decr() }
            }
        });
        assert_eq!(counter.get(), 0, "some increments or decrements were lost");
    }

    fn eight_threads_up_count_every_step() {
        let counter = SharedCounter::new();
        run_together(8, |_| (0..TIMES / 10).for_each(|_| counter.incr()));
        assert_eq!(counter.get(), 8 * (TIMES / 10) as i64);
    }

    fn incr_and_decr_move_by_one() {
        let counter = SharedCounter::new();
        assert_eq!(counter.get(), 0);
        counter.incr();
        counter.incr();
        assert_eq!(counter.get(), 2);
        counter.decr();
        counter.decr();
        counter.decr();
        assert_eq!(counter.get(), -1);
    }
}
