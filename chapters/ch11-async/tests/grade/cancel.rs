//! Tests for `cancel`: a transfer moves the money once the audit approves,
//! refuses an overdraft, and, cancelled at any instant (by a timeout, or by
//! being dropped), has moved everything or nothing.

use std::time::Duration;

use ch11_async::cancel::{AUDIT, Insufficient, Ledger};

/// Every instant from 0 to 2 s of the runtime's clock, 100 ms apart.
fn instants() -> impl Iterator<Item = Duration> {
    (0..=20).map(|tenths| Duration::from_millis(100 * tenths))
}

grading::graded! {
    fn an_approved_transfer_moves_the_money_after_the_audit() {
        let ledger = Ledger::new(vec![100, 0]);
        let (result, took) = crate::paused(ledger.transfer(0, 1, 30));
        assert_eq!(result, Ok(true), "the audit approves a transfer between two accounts");
        assert_eq!(took, AUDIT, "a transfer takes as long as its audit");
        let (balances, _) = crate::paused(ledger.balances());
        assert_eq!(balances, vec![70, 30], "30 moved from account 0 to account 1");
    }

    fn a_day_of_transfers() {
        let ledger = Ledger::new(vec![100, 50, 0]);
        let mut script = Vec::new();
        for (from, to, amount) in [(0, 1, 30), (1, 2, 80), (2, 2, 10), (1, 0, 81), (2, 0, 0), (0, 2, 70)] {
            let (result, _) = crate::paused(ledger.transfer(from, to, amount));
            let (balances, _) = crate::paused(ledger.balances());
            script.push(format!("transfer({from}, {to}, {amount}) -> {result:?}, balances {balances:?}"));
        }
        insta::assert_snapshot!("transfers_script", script.join("\n"));
    }

    fn refused_transfers_move_nothing() {
        let ledger = Ledger::new(vec![100, 0]);
        let (overdraft, _) = crate::paused(ledger.transfer(0, 1, 101));
        assert_eq!(overdraft, Err(Insufficient), "account 0 holds only 100");
        let (to_itself, _) = crate::paused(ledger.transfer(0, 0, 5));
        assert_eq!(to_itself, Ok(false), "the audit refuses a transfer to the same account");
        let (balances, _) = crate::paused(ledger.balances());
        assert_eq!(balances, vec![100, 0], "nothing moved");
    }

    fn two_transfers_at_once_cannot_overdraw_the_account() {
        // Each transfer alone is covered, both together are not: whichever
        // runs second must find the money gone, however the two audits
        // overlap.
        let ledger = Ledger::new(vec![100, 0, 0]);
        let ((first, second), _) =
            crate::paused(async { tokio::join!(ledger.transfer(0, 1, 70), ledger.transfer(0, 2, 70)) });
        let (balances, _) = crate::paused(ledger.balances());
        let results = [first, second];
        assert!(
            results.contains(&Ok(true)) && results.contains(&Err(Insufficient)),
            "one of two transfers of 70 from 100 goes through and the other finds the account short (balances {balances:?}): \
             was the balance checked before the audit and not again after it?"
        );
        assert!(
            balances == vec![30, 70, 0] || balances == vec![30, 0, 70],
            "70 moved once, to account 1 or 2: {balances:?}"
        );
    }

    fn a_transfer_timed_out_at_any_instant_moved_all_or_nothing() {
        for limit in instants() {
            let ledger = Ledger::new(vec![100, 0]);
            let (result, _) = crate::paused(ledger.transfer_within(0, 1, 40, limit));
            let (balances, _) = crate::paused(ledger.balances());
            match result {
                Ok(Ok(true)) => assert_eq!(balances, vec![60, 40], "a finished transfer moved 40 (limit {limit:?})"),
                Err(_) => assert_eq!(balances, vec![100, 0], "a transfer given up after {limit:?} must have moved nothing, not half"),
                other => panic!("a transfer of 40 from 100 gave {other:?} (limit {limit:?})"),
            }
            // At exactly AUDIT either outcome is right: both are due at once.
            if limit != AUDIT {
                let must = limit > AUDIT;
                assert_eq!(result.is_ok(), must, "with a limit of {limit:?} the transfer {} finish", if must { "must" } else { "cannot" });
            }
        }
    }

    fn a_transfer_dropped_at_any_instant_moved_all_or_nothing() {
        for instant in instants() {
            let ledger = Ledger::new(vec![100, 0]);
            let (finished, _) = crate::paused(async {
                tokio::select! {
                    result = ledger.transfer(0, 1, 40) => Some(result),
                    () = tokio::time::sleep(instant) => None,
                }
            });
            let (balances, _) = crate::paused(ledger.balances());
            let total: u64 = balances.iter().sum();
            assert_eq!(total, 100, "money appeared or vanished when a transfer was dropped at {instant:?}: {balances:?}");
            match finished {
                Some(result) => {
                    assert_eq!(result, Ok(true), "a finished transfer succeeded");
                    assert_eq!(balances, vec![60, 40], "a finished transfer moved 40");
                }
                None => assert_eq!(balances, vec![100, 0], "a transfer dropped at {instant:?} must have moved nothing"),
            }
        }
    }
}
