use ch02_locks::poisoning::{Ledger, QuietLedger};
use std::thread;

fn panicking_audit(entries: &[i64]) {
    panic!("audit failed with {} entries", entries.len());
}

grading::graded! {
    fn a_panicking_audit_poisons_the_ledger_but_keeps_the_data() {
        let ledger = Ledger::new();
        ledger.record(10, |_| {});
        thread::scope(|scope| {
            assert!(scope.spawn(|| ledger.record(-3, panicking_audit)).join().is_err());
        });
        assert!(ledger.is_poisoned(), "other threads must learn that a holder panicked");
        assert_eq!(ledger.entries_now(), [10, -3], "the data is still there");
    }

    fn recording_goes_on_after_the_panic() {
        let ledger = Ledger::new();
        thread::scope(|scope| {
            assert!(scope.spawn(|| ledger.record(1, panicking_audit)).join().is_err());
        });
        ledger.record(2, |entries| assert_eq!(entries, [1, 2]));
        assert_eq!(ledger.entries_now(), [1, 2]);
    }

    fn marking_the_ledger_sound_clears_the_poison() {
        let ledger = Ledger::new();
        thread::scope(|scope| {
            assert!(scope.spawn(|| ledger.record(1, panicking_audit)).join().is_err());
        });
        assert!(ledger.is_poisoned());
        ledger.mark_sound();
        assert!(!ledger.is_poisoned());
        assert_eq!(ledger.entries_now(), [1]);
    }

    fn the_audit_sees_every_entry_so_far() {
        let ledger = Ledger::new();
        ledger.record(4, |entries| assert_eq!(entries, [4]));
        ledger.record(5, |entries| assert_eq!(entries, [4, 5]));
        assert!(!ledger.is_poisoned());
    }

    fn a_parking_lot_ledger_does_not_poison() {
        let ledger = QuietLedger::new();
        thread::scope(|scope| {
            assert!(scope.spawn(|| ledger.record(1, panicking_audit)).join().is_err());
        });
        ledger.record(2, |entries| assert_eq!(entries, [1, 2]));
        assert_eq!(ledger.entries_now(), [1, 2]);
    }
}
