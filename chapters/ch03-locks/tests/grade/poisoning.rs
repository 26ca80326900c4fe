use ch03_locks::poisoning::{Ledger, QuietLedger};
use grading::{OverlapProbe, run_together};
use std::thread;
use std::time::Duration;

fn panicking_audit(entries: &[i64]) {
    panic!("audit failed with {} entries", entries.len());
}

grading::graded! {
    fn a_panicking_audit_poisons_the_ledger_but_keeps_the_data() {
        let ledger = Ledger::new();
        ledger.record(10, |_| {});
        thread::scope(|scope| {
            assert!(
                scope.spawn(|| ledger.record(-3, panicking_audit)).join().is_err(),
                "the test's audit panics on purpose, so record must panic too, not catch the panic"
            );
        });
        assert!(ledger.is_poisoned(), "other threads must learn that a holder panicked");
        assert_eq!(ledger.entries_now(), [10, -3], "the data is still there");
    }

    fn recording_goes_on_after_the_panic() {
        let ledger = Ledger::new();
        thread::scope(|scope| {
            assert!(
                scope.spawn(|| ledger.record(1, panicking_audit)).join().is_err(),
                "the test's audit panics on purpose, so record must panic too, not catch the panic"
            );
        });
        ledger.record(2, |entries| {
            assert_eq!(entries, [1, 2], "after the panic, the next audit sees the kept entry 1, then the new 2")
        });
        assert_eq!(ledger.entries_now(), [1, 2], "recording goes on after the panic: the kept entry 1, then 2");
    }

    fn reading_and_recording_do_not_clear_the_poison() {
        let ledger = Ledger::new();
        thread::scope(|scope| {
            assert!(
                scope.spawn(|| ledger.record(1, panicking_audit)).join().is_err(),
                "the test's audit panics on purpose, so record must panic too, not catch the panic"
            );
        });
        assert_eq!(ledger.entries_now(), [1], "the entry whose audit panicked stays in the ledger");
        assert!(ledger.is_poisoned(), "reading the entries does not mark the ledger sound");
        ledger.record(2, |_| {});
        assert!(ledger.is_poisoned(), "recording does not mark the ledger sound; only mark_sound does");
    }

    fn what_the_next_threads_see_after_a_panicked_audit() {
        // Each line: what happened, then the entries and whether it is poisoned.
        let ledger = Ledger::new();
        let mut seen = Vec::new();
        let mut look = |step: &str| {
            let (entries, poisoned) = (ledger.entries_now(), ledger.is_poisoned());
            seen.push(format!("{step:<24} {entries:?} poisoned: {poisoned}"));
        };
        look("new");
        ledger.record(10, |_| {});
        look("record 10");
        thread::scope(|scope| {
            assert!(
                scope.spawn(|| ledger.record(-3, panicking_audit)).join().is_err(),
                "the test's audit panics on purpose, so record must panic too, not catch the panic"
            );
        });
        look("record -3, audit panics");
        ledger.record(5, |_| {});
        look("record 5");
        ledger.mark_sound();
        look("mark_sound");
        insta::assert_snapshot!("poisoning_after_a_panicked_audit", seen.join("\n"));
    }

    fn marking_the_ledger_sound_clears_the_poison() {
        let ledger = Ledger::new();
        thread::scope(|scope| {
            assert!(
                scope.spawn(|| ledger.record(1, panicking_audit)).join().is_err(),
                "the test's audit panics on purpose, so record must panic too, not catch the panic"
            );
        });
        assert!(ledger.is_poisoned(), "an audit panicked, so the ledger is poisoned until mark_sound");
        ledger.mark_sound();
        assert!(!ledger.is_poisoned(), "mark_sound clears the poison");
        assert_eq!(ledger.entries_now(), [1], "mark_sound leaves the entries as they are");
    }

    fn the_audit_sees_every_entry_so_far() {
        let ledger = Ledger::new();
        ledger.record(4, |entries| assert_eq!(entries, [4], "the audit sees the entry just recorded"));
        ledger.record(5, |entries| assert_eq!(entries, [4, 5], "the audit sees every entry so far, the new one last"));
        assert!(!ledger.is_poisoned(), "no audit panicked, so the ledger is not poisoned");
    }

    fn no_record_gets_in_while_an_audit_runs() {
        // Two audits meet in the probe only if the lock is let go before the
        // audit: with the lock held, the first waits out its patience alone.
        let ledger = Ledger::new();
        let probe = OverlapProbe::with_patience(2, Duration::from_millis(300));
        run_together(3, |i| ledger.record(i as i64, |_| { probe.arrive(); }));
        probe.assert_exclusive("Ledger::record's audit");
        assert_eq!(ledger.entries_now().len(), 3, "three threads recorded one entry each in the Ledger");

        let ledger = QuietLedger::new();
        let probe = OverlapProbe::with_patience(2, Duration::from_millis(300));
        run_together(3, |i| ledger.record(i as i64, |_| { probe.arrive(); }));
        probe.assert_exclusive("QuietLedger::record's audit");
        assert_eq!(ledger.entries_now().len(), 3, "three threads recorded one entry each in the QuietLedger");
    }

    fn a_parking_lot_ledger_does_not_poison() {
        let ledger = QuietLedger::new();
        thread::scope(|scope| {
            assert!(
                scope.spawn(|| ledger.record(1, panicking_audit)).join().is_err(),
                "the test's audit panics on purpose, so record must panic too, not catch the panic"
            );
        });
        ledger.record(2, |entries| {
            assert_eq!(
                entries,
                [1, 2],
                "the QuietLedger's next audit sees the entry 1 kept after the panic, then the new 2"
            )
        });
        assert_eq!(ledger.entries_now(), [1, 2], "a QuietLedger keeps the entry whose audit panicked, and records on");
    }
}
