use ch03_reentrant::lock_order::{Account, transfer, transfer_with_backoff};
use grading::{OverlapProbe, run_together};
use std::time::Duration;

/// Makes two transfers meet between their first and second lock, if their
/// first locks allow it: the exact moment a lock-order deadlock needs.
fn meeting_point() -> OverlapProbe {
    OverlapProbe::with_patience(2, Duration::from_millis(300))
}

grading::graded! {
    fn opposite_transfers_that_meet_do_not_deadlock() {
        let (a, b) = (Account::new(1, 100), Account::new(2, 100));
        let meet = meeting_point();
        run_together(2, |i| {
            let (from, to) = if i == 0 { (&a, &b) } else { (&b, &a) };
            transfer(from, to, 10, || { meet.arrive(); });
        });
        assert!(!meet.overlapped(), "both transfers held a first lock at once: they locked in different orders");
        assert_eq!((a.balance(), b.balance()), (100, 100));
    }

    fn many_opposite_transfers_keep_every_coin() {
        let (a, b) = (Account::new(7, 1000), Account::new(3, 1000));
        run_together(2, |i| {
            for _ in 0..5000 {
                if i == 0 { transfer(&a, &b, 1, || {}) } else { transfer(&b, &a, 2, || {}) }
            }
        });
        assert_eq!(a.balance(), 1000 - 5000 + 10_000);
        assert_eq!(b.balance(), 1000 + 5000 - 10_000);
    }

    fn a_transfer_to_the_same_account_changes_nothing() {
        let a = Account::new(7, 50);
        assert_eq!(a.id(), 7);
        transfer(&a, &a, 20, || {});
        assert_eq!(a.balance(), 50);
        assert_eq!(transfer_with_backoff(&a, &a, 20, || {}), 1);
        assert_eq!(a.balance(), 50);
    }

    fn backing_off_resolves_a_collision() {
        let (a, b) = (Account::new(1, 100), Account::new(2, 100));
        let meet = meeting_point();
        let attempts = std::sync::Mutex::new(Vec::new());
        run_together(2, |i| {
            let (from, to) = if i == 0 { (&a, &b) } else { (&b, &a) };
            let tries = transfer_with_backoff(from, to, 10, || { meet.arrive(); });
            attempts.lock().unwrap().push(tries);
        });
        assert!(meet.overlapped(), "both locked their `from` account first and met");
        let attempts = attempts.into_inner().unwrap();
        assert!(attempts.iter().any(|&n| n > 1), "after meeting, one of them had to back off: {attempts:?}");
        assert_eq!((a.balance(), b.balance()), (100, 100));
    }

    fn many_transfers_with_backoff_keep_every_coin() {
        let (a, b) = (Account::new(1, 0), Account::new(2, 0));
        run_together(2, |i| {
            for _ in 0..2000 {
                if i == 0 { transfer_with_backoff(&a, &b, 3, || {}); } else { transfer_with_backoff(&b, &a, 1, || {}); }
            }
        });
        assert_eq!(a.balance(), -6000 + 2000);
        assert_eq!(b.balance(), 6000 - 2000);
    }
}
