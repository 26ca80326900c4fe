use ch03_reentrant::add_and_down::Balance;
use grading::run_together;

const TIMES: i64 = 200_000;

grading::graded! {
    fn one_thread_adds_one_subtracts_and_they_meet_at_zero() {
        let balance = Balance::new();
        run_together(2, |i| {
            for _ in 0..TIMES {
                if i == 0 { balance.add(1) } else { balance.down(1) }
            }
        });
        assert_eq!(balance.value(), 0);
    }

    fn add_and_down_move_by_their_amount() {
        let balance = Balance::new();
        balance.add(10);
        balance.down(3);
        assert_eq!(balance.value(), 7);
        balance.down(10);
        assert_eq!(balance.value(), -3);
    }

    fn many_threads_adding_lose_nothing() {
        let balance = Balance::new();
        run_together(8, |_| (0..10_000).for_each(|_| balance.add(2)));
        assert_eq!(balance.value(), 8 * 10_000 * 2);
    }
}
