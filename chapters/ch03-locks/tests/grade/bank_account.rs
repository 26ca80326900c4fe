use ch03_locks::bank_account::Account;
use grading::{Gauge, OverlapProbe, run_together};
use std::thread;
use std::time::Duration;

const WORKERS: usize = 16;
const DEPOSITS: usize = 100;

grading::graded! {
    fn a_hundred_deposits_from_sixteen_workers_add_up() {
        let account = Account::new(0);
        let gauge = Gauge::new();
        // The test is the pool: worker w makes deposits w, w + 16, w + 32, ...
        run_together(WORKERS, |worker| {
            for _ in (worker..DEPOSITS).step_by(WORKERS) {
                account.deposit_slowly(1, || {
                    let _inside = gauge.enter();
                    thread::sleep(Duration::from_micros(200));
                });
            }
        });
        assert_eq!(account.balance(), DEPOSITS as u64, "money disappeared");
        assert_eq!(gauge.peak(), 1, "two deposits were in progress at once");
    }

    fn no_two_deposits_overlap() {
        let account = Account::new(10);
        let probe = OverlapProbe::with_patience(2, Duration::from_millis(500));
        run_together(4, |_| account.deposit_slowly(5, || { probe.arrive(); }));
        probe.assert_exclusive("deposit_slowly");
        assert_eq!(account.balance(), 30, "four deposits of 5 onto an opening balance of 10 make 30");
    }

    fn a_panic_mid_deposit_releases_the_lock_and_poisons_it() {
        let account = Account::new(7);
        thread::scope(|scope| {
            let crashed = scope.spawn(|| account.deposit_slowly(100, || panic!("the teller fainted")));
            assert!(
                crashed.join().is_err(),
                "the test's pause panics on purpose, so deposit_slowly must panic too, not catch the panic"
            );
        });
        // What the other threads see: the lock is free (no deadlock here), it
        // says a holder panicked, and the deposit never happened.
        assert!(account.is_poisoned(), "a depositor panicked while holding the lock, so is_poisoned says so");
        assert_eq!(
            account.balance(),
            7,
            "the deposit whose pause panicked never wrote: the balance is still the opening 7"
        );
        thread::scope(|scope| {
            scope.spawn(|| account.deposit_slowly(1, || {}));
        });
        assert_eq!(account.balance(), 8, "deposits go on after the panic");
        assert!(
            account.is_poisoned(),
            "a later deposit does not undo the fact that a depositor panicked"
        );
    }

    fn an_account_opens_with_its_balance_and_is_not_poisoned() {
        let account = Account::new(42);
        assert_eq!(account.balance(), 42, "a new account holds its opening balance");
        assert!(!account.is_poisoned(), "nobody has panicked yet, so a new account is not poisoned");
    }
}
