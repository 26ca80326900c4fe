//! Tests for `counters`: every ticket handed out exactly once, never one past
//! the limit, not even for an instant, and a high-water mark that never goes
//! down; with real threads, and under loom.

use ch10_atomics::counters::{HighWater, Tickets};

#[cfg(not(feature = "loom"))]
grading::graded! {
    fn tickets_are_numbered_from_zero_and_stop_at_the_limit() {
        let tickets = Tickets::new(3);
        let mut script = Vec::new();
        for _ in 0..5 {
            script.push(format!("take() -> {:?}, taken() = {}", tickets.take(), tickets.taken()));
        }
        let empty = Tickets::new(0);
        script.push(format!("a limit of 0: take() -> {:?}, taken() = {}", empty.take(), empty.taken()));
        insta::assert_snapshot!("tickets_script", script.join("\n"));
    }

    fn four_threads_share_out_every_ticket_exactly_once() {
        const LIMIT: u32 = 20_000;
        let tickets = Tickets::new(LIMIT);
        let handed = std::sync::Mutex::new(Vec::new());
        grading::run_together(4, |_| {
            let mut mine = Vec::new();
            while let Some(ticket) = tickets.take() {
                mine.push(ticket);
            }
            // Past the limit, every thread keeps asking for a while.
            for _ in 0..1_000 {
                assert_eq!(tickets.take(), None, "a ticket was handed out after all {LIMIT} were gone");
            }
            handed.lock().unwrap().extend(mine);
        });
        let mut handed = handed.into_inner().unwrap();
        let count = handed.len();
        handed.sort_unstable();
        handed.dedup();
        assert_eq!(handed.len(), count, "some ticket numbers were handed out twice");
        assert_eq!(count, LIMIT as usize, "every ticket is handed out once: {LIMIT}, got {count}");
        assert_eq!(handed.last(), Some(&(LIMIT - 1)), "the numbers run from 0 to {}", LIMIT - 1);
        assert_eq!(tickets.taken(), LIMIT, "taken() counts the tickets handed out, and stops at the limit");
    }

    fn the_high_water_mark_is_the_highest_value_any_thread_recorded() {
        let mark = HighWater::new();
        assert_eq!(mark.peak(), 0, "a new mark is at 0");
        assert_eq!(mark.record(5), 0, "record returns the mark before");
        assert_eq!(mark.record(3), 5, "a lower value leaves the mark where it was");
        assert_eq!(mark.peak(), 5, "the mark is the highest value recorded");
        let mark = HighWater::new();
        grading::run_together(4, |thread| {
            // Thread t records t, t + 4, t + 8, …: the four interleave.
            for value in (thread..200_000).step_by(4) {
                mark.record(value);
            }
        });
        assert_eq!(mark.peak(), 199_999, "some thread lowered the mark another had raised");
    }
}

#[cfg(feature = "loom")]
grading::graded! {
    fn loom_two_takers_never_get_the_same_ticket() {
        crate::model("two threads take a ticket each from two: both get one, and not the same", || {
            use ch10_atomics::sync::{Arc, thread};
            let tickets = Arc::new(Tickets::new(2));
            let other = {
                let tickets = Arc::clone(&tickets);
                thread::spawn(move || tickets.take())
            };
            let mine = tickets.take();
            let theirs = other.join().unwrap();
            let mut both = [mine, theirs];
            both.sort();
            assert_eq!(both, [Some(0), Some(1)], "two takers of two tickets got {mine:?} and {theirs:?}");
        });
    }

    fn loom_the_count_never_passes_the_limit() {
        crate::model("two threads take from one ticket while a third watches taken()", || {
            use ch10_atomics::sync::{Arc, thread};
            let tickets = Arc::new(Tickets::new(1));
            let takers: Vec<_> = (0..2)
                .map(|_| {
                    let tickets = Arc::clone(&tickets);
                    thread::spawn(move || tickets.take())
                })
                .collect();
            let seen = tickets.taken();
            assert!(seen <= 1, "taken() said {seen} with a limit of 1");
            let got: Vec<_> = takers.into_iter().map(|t| t.join().unwrap()).collect();
            assert_eq!(got.iter().flatten().count(), 1, "one ticket, two takers: exactly one gets it ({got:?})");
            assert_eq!(tickets.taken(), 1, "one ticket was taken, and taken() says so");
        });
    }

    fn loom_the_mark_never_goes_down() {
        crate::model("two threads record 1 and 2 at once: the mark ends at 2", || {
            use ch10_atomics::sync::{Arc, thread};
            let mark = Arc::new(HighWater::new());
            let other = {
                let mark = Arc::clone(&mark);
                thread::spawn(move || mark.record(2))
            };
            mark.record(1);
            other.join().unwrap();
            assert_eq!(mark.peak(), 2, "the higher of two values recorded at once was lost");
        });
    }
}
