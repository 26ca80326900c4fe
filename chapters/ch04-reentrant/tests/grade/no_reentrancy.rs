use ch04_reentrant::no_reentrancy::Balance;
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
        assert_eq!(balance.value(), 0, "{TIMES} add(1) and {TIMES} down(1) on two threads must end at zero: every change happens under the lock");
    }

    fn every_public_call_locks_exactly_once() {
        let balance = Balance::new();
        balance.add(10);
        assert_eq!(balance.locks(), 1, "add locks once");
        balance.down(4);
        assert_eq!(balance.locks(), 2, "down locks once");
        assert_eq!(balance.value(), 6, "add(10) then down(4) from zero leaves 6: add adds its amount, down subtracts it");
        assert_eq!(balance.locks(), 3, "value locks once");
    }

    fn concurrent_calls_lock_once_each() {
        let balance = Balance::new();
        run_together(4, |_| (0..1000).for_each(|_| balance.add(1)));
        assert_eq!(balance.value(), 4000, "4 threads each calling add(1) 1000 times must reach 4000: no change may be lost");
        assert_eq!(balance.locks(), 4001, "4000 add calls and one value call must take the lock 4001 times: once per public call");
    }
}
