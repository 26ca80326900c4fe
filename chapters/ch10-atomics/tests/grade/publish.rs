//! Tests for `publish`: one `set` wins however many race, the losers get
//! their value back, nothing is dropped twice or leaked, and under loom a
//! reader that sees the value sees it whole.

use ch10_atomics::publish::OnceSlot;

#[cfg(not(feature = "loom"))]
grading::graded! {
    fn an_empty_slot_gives_nothing_and_a_set_one_its_value() {
        let slot = OnceSlot::new();
        assert_eq!(slot.get(), None, "nothing was set yet");
        assert_eq!(slot.set(String::from("first")), Ok(()), "the first set of an empty slot succeeds");
        assert_eq!(slot.get().map(String::as_str), Some("first"), "after a successful set, get gives the value");
        assert_eq!(
            slot.set(String::from("second")),
            Err(String::from("second")),
            "a later set gives its own value back"
        );
        assert_eq!(slot.get().map(String::as_str), Some("first"), "a later set changes nothing");
    }

    fn one_of_eight_racing_setters_wins_and_the_others_get_their_value_back() {
        for _ in 0..200 {
            let slot = OnceSlot::new();
            let outcomes = std::sync::Mutex::new(Vec::new());
            grading::run_together(8, |thread| {
                let outcome = slot.set(thread as u32);
                outcomes.lock().unwrap().push((thread as u32, outcome));
            });
            let outcomes = outcomes.into_inner().unwrap();
            let winners: Vec<u32> = outcomes.iter().filter(|(_, o)| o.is_ok()).map(|(t, _)| *t).collect();
            assert_eq!(winners.len(), 1, "exactly one of eight racing sets succeeds, not {}", winners.len());
            for (thread, outcome) in &outcomes {
                if let Err(back) = outcome {
                    assert_eq!(back, thread, "a refused set gives back its own value");
                }
            }
            assert_eq!(slot.get(), Some(&winners[0]), "get returns the winner's value");
        }
    }

    fn the_value_is_dropped_once_with_the_slot_and_a_refused_one_goes_back() {
        let drops = crate::Drops::default();
        let slot = OnceSlot::new();
        assert!(slot.set(drops.value(1)).is_ok(), "the first set of an empty slot succeeds");
        let refused = slot.set(drops.value(2)).expect_err("the slot is taken");
        assert_eq!(refused.0, 2, "the refused value comes back");
        assert_eq!(drops.count(), 0, "nothing is dropped while the slot and the caller hold them");
        drop(refused);
        assert_eq!(drops.count(), 1, "the refused value is dropped by its owner, the caller");
        drop(slot);
        assert_eq!(drops.count(), 2, "the slot drops its value once, when it goes");
        drop(OnceSlot::<crate::Counted>::new());
        assert_eq!(drops.count(), 2, "an empty slot drops nothing");
    }

    fn readers_on_other_threads_see_the_value_once_it_is_set() {
        let slot: OnceSlot<Vec<u64>> = OnceSlot::new();
        std::thread::scope(|scope| {
            let readers: Vec<_> = (0..3)
                .map(|_| {
                    scope.spawn(|| loop {
                        if let Some(value) = slot.get() {
                            break value.clone();
                        }
                        std::hint::spin_loop();
                    })
                })
                .collect();
            std::thread::sleep(std::time::Duration::from_millis(20));
            slot.set(vec![7_u64; 1000]).unwrap();
            for reader in readers {
                assert_eq!(reader.join().unwrap(), vec![7_u64; 1000], "a reader saw the value, whole");
            }
        });
    }
}

#[cfg(feature = "loom")]
grading::graded! {
    fn loom_a_reader_that_sees_the_value_sees_what_was_written() {
        crate::model("one thread sets 42 while another reads: a reader sees nothing or 42", || {
            use ch10_atomics::sync::{Arc, thread};
            let slot = Arc::new(OnceSlot::new());
            let writer = {
                let slot = Arc::clone(&slot);
                thread::spawn(move || slot.set(42_u64))
            };
            if let Some(value) = slot.get() {
                assert_eq!(*value, 42, "a reader saw a value that was not the one set");
            }
            assert_eq!(writer.join().unwrap(), Ok(()), "the only set of an empty slot succeeds");
            assert_eq!(slot.get(), Some(&42), "after the set, get gives the value");
        });
    }

    fn loom_two_setters_one_wins() {
        crate::model("two threads set at once: one wins, the other gets its value back", || {
            use ch10_atomics::sync::{Arc, thread};
            let slot = Arc::new(OnceSlot::new());
            let other = {
                let slot = Arc::clone(&slot);
                thread::spawn(move || slot.set(2_u64))
            };
            let mine = slot.set(1);
            let theirs = other.join().unwrap();
            match (mine, theirs) {
                (Ok(()), Err(2)) => assert_eq!(slot.get(), Some(&1), "the winner's value is the one in the slot"),
                (Err(1), Ok(())) => assert_eq!(slot.get(), Some(&2), "the winner's value is the one in the slot"),
                outcomes => panic!("two racing sets gave {outcomes:?}: exactly one must win"),
            }
        });
    }
}
