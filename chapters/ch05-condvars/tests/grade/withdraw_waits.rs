use crate::until_asleep;
use ch05_condvars::withdraw_waits::{Account, Event};
use grading::sync::counted;
use grading::{run_together, wait_until};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

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
                assert_eq!(
                    balance, after,
                    "a Deposited line's balance must be the one before plus its amount: {log:?}"
                );
            }
            Event::Withdrew {
                amount,
                balance: after,
            } => {
                balance -= amount;
                assert_eq!(
                    balance, after,
                    "a Withdrew line's balance must be the one before less its amount: {log:?}"
                );
            }
            Event::Waiting { .. } => {}
        }
        assert!(balance >= 0, "the balance went negative: {log:?}");
    }
}

grading::graded! {
    fn a_withdrawal_waits_until_deposits_cover_it() {
        let (account, counts) = counted(|| Account::new(0));
        thread::scope(|scope| {
            let withdrawal = scope.spawn(|| account.withdraw(50));
            until_asleep(&counts, 1, || account.waiting(), || withdrawal.is_finished());
            assert!(!withdrawal.is_finished(), "a withdrawal of 50 from an empty account ended instead of waiting");
            assert_eq!(account.waiting(), 1, "one withdrawal is waiting");
            account.deposit(30);
            // The deposit woke the withdrawal; give one that does not check
            // again every chance to go ahead with too little money.
            thread::sleep(Duration::from_millis(30));
            assert_eq!(account.balance(), 30, "30 does not cover 50: the withdrawal must wait on");
            assert!(!withdrawal.is_finished() && account.waiting() == 1, "30 does not cover 50: the withdrawal must wait on");
            account.deposit(30);
            withdrawal.join().unwrap();
        });
        assert_eq!(account.balance(), 10, "deposits of 30 and 30 less the withdrawal of 50 leave 10");
        assert_eq!(account.waiting(), 0, "the withdrawal is no longer waiting");
        let log = account.log();
        assert_consistent(0, &log);
        let waits = log.iter().filter(|e| matches!(e, Event::Waiting { .. })).count();
        assert_eq!(waits, 1, "one withdrawal waited, so the log has one Waiting, however often it woke: {log:?}");
        insta::assert_debug_snapshot!("withdraw_waits_log", log);
    }

    fn a_covered_withdrawal_does_not_wait() {
        let account = Account::new(100);
        account.withdraw(40);
        assert_eq!(account.log(), [Event::Withdrew { amount: 40, balance: 60 }], "a withdrawal of 40 from 100 goes ahead at once: the log holds one Withdrew line, leaving 60, and no Waiting");
        assert_eq!(account.waiting(), 0, "a covered withdrawal does not wait: waiting() says 0");
        // Exactly the balance is covered too.
        account.withdraw(60);
        assert_eq!(
            account.log(),
            [Event::Withdrew { amount: 40, balance: 60 }, Event::Withdrew { amount: 60, balance: 0 }],
            "a withdrawal of exactly the balance, 60, is covered and goes ahead at once"
        );
    }

    fn five_depositors_and_five_withdrawers_end_exact() {
        let account = Account::new(0);
        run_together(10, |i| {
            for _ in 0..200 {
                if i < 5 { account.deposit(3) } else { account.withdraw(2) }
            }
        });
        assert_eq!(account.balance(), 5 * 200 * 3 - 5 * 200 * 2, "5 threads deposit 3 and 5 withdraw 2, 200 times each: the balance must end at 1000, no change lost");
        assert_eq!(account.waiting(), 0, "every withdrawal was covered in the end: none is still waiting");
        assert_consistent(0, &account.log());
    }

    fn a_small_withdrawal_is_not_held_up_by_a_large_one() {
        // Both withdrawals are asleep when 10 comes in. Whichever of them a
        // single notify would wake, one of these two orders makes it the
        // large one, which 10 does not cover.
        for (first, second) in [(100, 10), (10, 100)] {
            let (account, counts) = counted(|| Account::new(0));
            let account = &account;
            thread::scope(|scope| {
                let first_in = scope.spawn(move || account.withdraw(first));
                until_asleep(&counts, 1, || account.waiting(), || first_in.is_finished());
                assert!(!first_in.is_finished(), "a withdrawal from an empty account ended instead of waiting");
                let second_in = scope.spawn(move || account.withdraw(second));
                until_asleep(&counts, 2, || account.waiting(), || second_in.is_finished());
                assert!(!second_in.is_finished(), "a withdrawal from an empty account ended instead of waiting");
                let (small, large) = if first == 10 { (first_in, second_in) } else { (second_in, first_in) };
                account.deposit(10);
                small.join().unwrap();
                assert_eq!(account.waiting(), 1, "the withdrawal of 100 waits on");
                account.deposit(100);
                large.join().unwrap();
            });
            assert_eq!(account.balance(), 0, "deposits of 10 and 100 exactly cover withdrawals of 10 and 100: the balance ends at 0");
            assert_consistent(0, &account.log());
        }
    }

    fn a_waiting_withdrawal_sleeps_until_a_deposit_wakes_it() {
        let (account, counts) = counted(|| Account::new(0));
        thread::scope(|scope| {
            let withdrawal = scope.spawn(|| account.withdraw(10));
            wait_until(|| account.waiting() == 1 || withdrawal.is_finished());
            assert!(!withdrawal.is_finished(), "a withdrawal of 10 from an empty account ended instead of waiting");
            // Nothing happens for a while. A withdrawal asleep on the
            // condition variable does not touch the account meanwhile.
            let locks = counts.locks();
            thread::sleep(Duration::from_millis(350));
            let looked = counts.locks() - locks;
            account.deposit(10);
            withdrawal.join().unwrap();
            assert!(
                looked <= 1,
                "while nothing happened for 350 ms, the waiting withdrawal took the account's lock {looked} times: \
                 it polls instead of sleeping on the condition variable until a deposit wakes it"
            );
        });
        assert_eq!(account.balance(), 0, "the deposit of 10 covered the withdrawal of 10: the balance ends at 0");
    }

    fn a_deposit_is_in_the_books_before_it_wakes_anyone() {
        // Someone looks at the account the moment a deposit notifies the
        // waiting withdrawal: the money and its log line must be in by then.
        // A withdrawal woken earlier may look, find too little, and sleep on
        // with nobody left to wake it.
        let (account, counts) = counted(|| Account::new(0));
        let (account, counts) = (&account, &counts);
        for round in 1..=50 {
            let looking = &AtomicBool::new(false);
            thread::scope(|scope| {
                let withdrawal = scope.spawn(move || account.withdraw(1));
                until_asleep(counts, round, || account.waiting(), || withdrawal.is_finished());
                assert!(!withdrawal.is_finished(), "a withdrawal from an empty account ended instead of waiting");
                let notified = counts.notifications();
                let observer = scope.spawn(move || {
                    looking.store(true, Ordering::SeqCst);
                    wait_until(|| counts.notifications() > notified);
                    account.log()
                });
                wait_until(|| looking.load(Ordering::SeqCst));
                account.deposit(1);
                let seen = observer.join().unwrap();
                let in_time = seen.iter().filter(|e| matches!(e, Event::Deposited { .. })).count() == round;
                if !in_time {
                    // Wake a withdrawal that went back to sleep, so that the
                    // test can say why.
                    account.deposit(0);
                }
                withdrawal.join().unwrap();
                let tail = &seen[seen.len().saturating_sub(3)..];
                assert!(in_time, "deposit number {round} woke the waiting withdrawal before it was in the log, which ended {tail:?}");
            });
        }
        assert_eq!(account.balance(), 0, "50 deposits of 1 covered 50 withdrawals of 1: the balance ends at 0");
    }
}
