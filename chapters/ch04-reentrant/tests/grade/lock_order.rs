use ch04_reentrant::lock_order::{Account, transfer, transfer_with_backoff};
use grading::{Band, OverlapProbe, run_together};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

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
        assert_eq!((a.balance(), b.balance()), (100, 100), "10 from #1 to #2 and 10 back leave both accounts at 100 (balances of #1, #2)");
    }

    fn many_opposite_transfers_keep_every_coin() {
        let (a, b) = (Account::new(7, 1000), Account::new(3, 1000));
        run_together(2, |i| {
            for _ in 0..5000 {
                if i == 0 { transfer(&a, &b, 1, || {}) } else { transfer(&b, &a, 2, || {}) }
            }
        });
        assert_eq!(a.balance(), 1000 - 5000 + 10_000, "#7 sent 1 coin 5000 times and got 2 coins 5000 times: each transfer moves its amount, none is lost");
        assert_eq!(b.balance(), 1000 + 5000 - 10_000, "#3 got 1 coin 5000 times and sent 2 coins 5000 times: each transfer moves its amount, none is lost");
    }

    fn a_transfer_to_the_same_account_changes_nothing() {
        let a = Account::new(7, 50);
        assert_eq!(a.id(), 7, "Account::new(7, 50) has id 7");
        transfer(&a, &a, 20, || {});
        assert_eq!(a.balance(), 50, "transfer from an account to itself changes nothing: the balance stays 50");
        assert_eq!(transfer_with_backoff(&a, &a, 20, || {}), 1, "transfer_with_backoff from an account to itself takes exactly 1 attempt");
        assert_eq!(a.balance(), 50, "transfer_with_backoff from an account to itself changes nothing: the balance stays 50");
    }

    fn transfers_in_every_direction_keep_a_ledger() {
        // Ids out of order on purpose: the money follows `from` and `to`,
        // whichever account is locked first.
        let accounts = [Account::new(30, 100), Account::new(10, 100), Account::new(20, 100)];
        let [thirty, ten, twenty] = &accounts;
        let ledger = |step: &str| {
            let balances: Vec<String> = accounts.iter().map(|a| format!("#{}={}", a.id(), a.balance())).collect();
            format!("{step:<32} {}", balances.join(" "))
        };
        let mut lines = vec![ledger("opening")];
        transfer(thirty, ten, 5, || {});
        lines.push(ledger("transfer 5 from #30 to #10"));
        transfer(ten, twenty, 7, || {});
        lines.push(ledger("transfer 7 from #10 to #20"));
        transfer(twenty, thirty, 1, || {});
        lines.push(ledger("transfer 1 from #20 to #30"));
        transfer(ten, ten, 100, || {});
        lines.push(ledger("transfer 100 from #10 to #10"));
        let tries = transfer_with_backoff(twenty, ten, 40, || {});
        lines.push(ledger(&format!("back-off 40 from #20 to #10 ({tries})")));
        let tries = transfer_with_backoff(ten, thirty, 3, || {});
        lines.push(ledger(&format!("back-off 3 from #10 to #30 ({tries})")));
        let tries = transfer_with_backoff(thirty, thirty, 9, || {});
        lines.push(ledger(&format!("back-off 9 from #30 to #30 ({tries})")));
        insta::assert_snapshot!("ledger_of_transfers", lines.join("\n"));
    }

    fn backing_off_resolves_a_collision() {
        let (a, b) = (Account::new(1, 100), Account::new(2, 100));
        let meet = meeting_point();
        let attempts = Mutex::new(Vec::new());
        run_together(2, |i| {
            let (from, to) = if i == 0 { (&a, &b) } else { (&b, &a) };
            let tries = transfer_with_backoff(from, to, 10, || { meet.arrive(); });
            attempts.lock().unwrap().push(tries);
        });
        assert!(meet.overlapped(), "two opposite transfer_with_backoff calls never held their first locks at once: each must lock its `from` account first");
        let attempts = attempts.into_inner().unwrap();
        assert!(attempts.iter().any(|&n| n > 1), "after meeting, one of them had to back off: {attempts:?}");
        assert_eq!((a.balance(), b.balance()), (100, 100), "10 from #1 to #2 and 10 back leave both accounts at 100 (balances of #1, #2)");
    }

    fn a_transfer_kept_waiting_never_pauses_longer_than_max_backoff() {
        // Another transfer holds account 2 through the back-off transfer's
        // first 14 attempts. Each pause between two attempts is at most
        // MAX_BACKOFF (8 ms) plus the short wait for the second lock; a pause
        // that keeps doubling is over 400 ms long by the 14th attempt.
        const HELD_FOR: usize = 14;
        let (a, b, c) = (&Account::new(1, 100), &Account::new(2, 100), &Account::new(3, 100));
        let attempts = Mutex::new(Vec::new());
        let (holding, held) = mpsc::channel();
        let (let_go, letting_go) = mpsc::channel();
        thread::scope(|scope| {
            scope.spawn(move || {
                transfer(b, c, 0, || {
                    holding.send(()).unwrap();
                    // Let go when told, when this test has failed, or at the latest after 3 s.
                    let _ = letting_go.recv_timeout(Duration::from_secs(3));
                });
            });
            let let_go = let_go;
            held.recv().expect("the other transfer never took its first lock");
            let tries = transfer_with_backoff(a, b, 10, || {
                let mut attempts = attempts.lock().unwrap();
                attempts.push(Instant::now());
                if attempts.len() == HELD_FOR + 1 {
                    let _ = let_go.send(());
                }
            });
            let attempts = attempts.lock().unwrap();
            assert_eq!(tries as usize, attempts.len(), "the attempts returned must be the attempts made (`between` runs once per attempt)");
            assert!(attempts.len() > HELD_FOR, "account 2 was held through the first {HELD_FOR} attempts, yet the transfer took {tries}");
            let longest = attempts.windows(2).map(|pair| pair[1] - pair[0]).max().unwrap();
            Band::under(Duration::from_millis(350)).assert_contains("the longest time from one attempt to the next", longest);
        });
        assert_eq!((a.balance(), b.balance(), c.balance()), (90, 110, 100), "after the wait, 10 moved from #1 to #2 exactly once (balances of #1, #2, #3)");
    }

    fn many_transfers_with_backoff_keep_every_coin() {
        let (a, b) = (Account::new(1, 0), Account::new(2, 0));
        run_together(2, |i| {
            for _ in 0..2000 {
                if i == 0 { transfer_with_backoff(&a, &b, 3, || {}); } else { transfer_with_backoff(&b, &a, 1, || {}); }
            }
        });
        assert_eq!(a.balance(), -6000 + 2000, "#1 sent 3 coins 2000 times and got 1 coin 2000 times: each moves its amount once, however many attempts");
        assert_eq!(b.balance(), 6000 - 2000, "#2 got 3 coins 2000 times and sent 1 coin 2000 times: each moves its amount once, however many attempts");
    }
}
