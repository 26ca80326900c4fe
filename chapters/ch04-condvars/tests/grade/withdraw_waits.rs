use ch04_condvars::withdraw_waits::{Account, Event};
use grading::run_together;
use std::thread;

use grading::wait_until;

/// Replays the log from `opening`: every balance it records follows from the
/// amounts, and none is negative.
fn assert_consistent(opening: i64, log: &[Event]) {
    let mut balance = opening;
    for event in log {
        match *event {
            Event::Deposited {
                amount,
                balance: after,
            } => {
                balance += amount;
                assert_eq!(balance, after, "{log:?}");
            }
            Event::Withdrew {
                amount,
                balance: after,
            } => {
                balance -= amount;
                assert_eq!(balance, after, "{log:?}");
            }
            Event::Waiting { .. } => {}
        }
        assert!(balance >= 0, "the balance went negative: {log:?}");
    }
}

grading::graded! {
    fn a_withdrawal_waits_until_deposits_cover_it() {
        let account = Account::new(0);
        thread::scope(|scope| {
            let withdrawal = scope.spawn(|| account.withdraw(50));
            wait_until(|| account.waiting() == 1);
            account.deposit(30);
            // The deposit woke the withdrawal; give one that does not check
            // again every chance to go ahead with too little money.
            thread::sleep(std::time::Duration::from_millis(30));
            assert_eq!(account.balance(), 30, "30 does not cover 50: the withdrawal must wait on");
            assert!(!withdrawal.is_finished() && account.waiting() == 1);
            account.deposit(30);
            withdrawal.join().unwrap();
        });
        assert_eq!(account.balance(), 10);
        assert_eq!(account.waiting(), 0, "the withdrawal is no longer waiting");
        let log = account.log();
        assert_consistent(0, &log);
        insta::assert_debug_snapshot!("withdraw_waits_log", log);
    }

    fn a_covered_withdrawal_does_not_wait() {
        let account = Account::new(100);
        account.withdraw(40);
        assert_eq!(account.log(), [Event::Withdrew { amount: 40, balance: 60 }]);
        assert_eq!(account.waiting(), 0);
        // Exactly the balance is covered too.
        account.withdraw(60);
        assert_eq!(
            account.log(),
            [Event::Withdrew { amount: 40, balance: 60 }, Event::Withdrew { amount: 60, balance: 0 }]
        );
    }

    fn five_depositors_and_five_withdrawers_end_exact() {
        let account = Account::new(0);
        run_together(10, |i| {
            for _ in 0..200 {
                if i < 5 { account.deposit(3) } else { account.withdraw(2) }
            }
        });
        assert_eq!(account.balance(), 5 * 200 * 3 - 5 * 200 * 2);
        assert_eq!(account.waiting(), 0);
        assert_consistent(0, &account.log());
    }

    fn a_small_withdrawal_is_not_held_up_by_a_large_one() {
        let account = Account::new(0);
        thread::scope(|scope| {
            let large = scope.spawn(|| account.withdraw(100));
            wait_until(|| account.waiting() == 1);
            let small = scope.spawn(|| account.withdraw(10));
            wait_until(|| account.waiting() == 2);
            account.deposit(10);
            small.join().unwrap();
            account.deposit(100);
            large.join().unwrap();
        });
        assert_eq!(account.balance(), 0);
        assert_consistent(0, &account.log());
    }
}
