use crate::{until_asleep, with_early_wakeups};
use ch05_condvars::semaphore::{OverRelease, Semaphore};
use grading::sync::counted;
use grading::{Band, Gauge, OverlapProbe, run_together, timed, wait_until};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

const SHORT: Duration = Duration::from_millis(50);

grading::graded! {
    fn never_more_holders_than_permits_and_the_permits_get_used() {
        let semaphore = Semaphore::new(3);
        let (gauge, probe) = (Gauge::new(), OverlapProbe::new(3));
        run_together(10, |_| {
            let _permit = semaphore.acquire();
            let _inside = gauge.enter();
            probe.arrive();
            thread::sleep(Duration::from_millis(2));
        });
        assert_eq!(gauge.peak(), 3, "three permits: three holders at once, never four");
        assert_eq!(gauge.entries(), 10, "everyone got in");
        assert_eq!(semaphore.available(), 3, "every permit came back");
    }

    fn every_waiter_gets_in_eventually() {
        let semaphore = Semaphore::new(1);
        let (gauge, done) = (Gauge::new(), AtomicUsize::new(0));
        run_together(8, |_| {
            for _ in 0..100 {
                let _permit = semaphore.acquire();
                let _inside = gauge.enter();
                done.fetch_add(1, Ordering::SeqCst);
            }
        });
        assert_eq!(done.load(Ordering::SeqCst), 800, "8 threads each acquire 100 times with one permit between them: all 800 acquires must get in");
        assert_eq!(gauge.peak(), 1, "one permit: at most one holder at a time");
    }

    fn a_waiter_whose_permit_was_taken_first_waits_again() {
        // A stolen wake-up, made likely: the main thread releases the one
        // permit, which wakes the waiter, and takes it straight back before
        // the waiter can run (it usually wins: it is already running). The
        // woken waiter must find nothing free and wait again; one that goes
        // in anyway is a second holder of a single permit. A correct
        // semaphore passes whoever wins each round; many rounds make sure
        // the main thread wins some, also on a busy machine.
        let gauge = Gauge::new();
        for _ in 0..300 {
            let semaphore = Semaphore::new(0);
            let started = AtomicUsize::new(0);
            thread::scope(|scope| {
                let waiter = scope.spawn(|| {
                    started.store(1, Ordering::SeqCst);
                    let _permit = semaphore.acquire();
                    let _inside = gauge.enter();
                });
                while started.load(Ordering::SeqCst) == 0 {
                    thread::yield_now();
                }
                // Time to start waiting; the checks hold either way.
                thread::sleep(Duration::from_micros(200));
                semaphore.release().unwrap();
                if let Some(permit) = semaphore.try_acquire() {
                    let inside = gauge.enter();
                    thread::sleep(Duration::from_millis(1));
                    drop(inside);
                    drop(permit);
                }
                waiter.join().expect("the waiter panicked");
            });
            assert_eq!(semaphore.available(), 1, "the one permit came back once");
        }
        assert_eq!(gauge.peak(), 1, "one permit, yet two holders at once");
    }

    fn try_acquire_never_waits() {
        let semaphore = Semaphore::new(1);
        let permit = semaphore.try_acquire().expect("one permit is free");
        assert!(semaphore.try_acquire().is_none(), "none left");
        assert_eq!(semaphore.available(), 0, "try_acquire took the only permit: available() must say 0");
        drop(permit);
        assert!(semaphore.try_acquire().is_some(), "the dropped permit came back");
    }

    fn acquire_timeout_gives_up_or_gets_one() {
        // The timed wait wakes early, again and again: the timeout counts
        // from the call, not from the last wake-up.
        let empty = Arc::new(Semaphore::new(0));
        let none = with_early_wakeups("acquire_timeout(50 ms) with no permits", SHORT, move || {
            empty.acquire_timeout(SHORT).is_none()
        });
        assert!(none, "no permit was free");
        let (semaphore, counts) = counted(|| Semaphore::new(0));
        thread::scope(|scope| {
            let waiter = scope.spawn(|| timed(|| semaphore.acquire_timeout(Duration::from_secs(2)).is_some()));
            until_asleep(&counts, 1, || semaphore.available(), || waiter.is_finished());
            assert!(!waiter.is_finished(), "acquire_timeout(2 s) with no permit free ended instead of waiting");
            semaphore.release().unwrap();
            let (got, took) = waiter.join().unwrap();
            assert!(got, "the released permit reached the waiter");
            Band::under(Duration::from_secs(1)).assert_contains("acquire_timeout(2 s) until a permit was released", took);
        });
    }

    fn a_permit_given_back_wakes_a_waiter() {
        // A dropped permit.
        let (semaphore, counts) = counted(|| Semaphore::new(1));
        let held = semaphore.acquire();
        thread::scope(|scope| {
            let waiter = scope.spawn(|| drop(semaphore.acquire()));
            until_asleep(&counts, 1, || semaphore.available(), || waiter.is_finished());
            assert!(!waiter.is_finished(), "acquire with no permit free ended instead of waiting");
            drop(held);
            waiter.join().unwrap();
        });
        assert_eq!(semaphore.available(), 1, "the waiter's permit came back when it was dropped: 1 permit free again");
        // A permit released by hand.
        let (semaphore, counts) = counted(|| Semaphore::new(0));
        thread::scope(|scope| {
            let waiter = scope.spawn(|| semaphore.acquire().forget());
            until_asleep(&counts, 1, || semaphore.available(), || waiter.is_finished());
            assert!(!waiter.is_finished(), "acquire with no permit free ended instead of waiting");
            semaphore.release().unwrap();
            waiter.join().unwrap();
        });
        assert_eq!(semaphore.available(), 0, "the permit released by hand went to the waiter, which forgot it: none free");
    }

    fn a_waiting_acquire_sleeps_until_a_permit_comes_back() {
        let (semaphore, counts) = counted(|| Semaphore::new(0));
        thread::scope(|scope| {
            let waiter = scope.spawn(|| semaphore.acquire().forget());
            wait_until(|| counts.locks() >= 1 || waiter.is_finished());
            assert!(!waiter.is_finished(), "acquire with no permit free ended instead of waiting");
            // Nothing happens for a while. A thread asleep on the condition
            // variable does not touch the semaphore meanwhile.
            let locks = counts.locks();
            thread::sleep(Duration::from_millis(350));
            let looked = counts.locks() - locks;
            semaphore.release().unwrap();
            waiter.join().unwrap();
            assert!(
                looked <= 1,
                "while nothing happened for 350 ms, the waiting acquire took the semaphore's lock {looked} times: \
                 it polls instead of sleeping on the condition variable until a permit comes back"
            );
        });
    }

    fn a_bounded_semaphore_refuses_to_be_released_too_often() {
        let semaphore = Semaphore::bounded(2);
        assert_eq!(semaphore.release(), Err(OverRelease { limit: 2 }), "Semaphore::bounded(2) starts at its limit of 2: a release must be refused");
        let held = semaphore.acquire();
        assert_eq!(
            semaphore.release(),
            Err(OverRelease { limit: 2 }),
            "with a permit out, a release would still make three"
        );
        held.forget();
        assert_eq!(semaphore.available(), 1, "forget keeps the permit taken: of 2 permits, 1 is free");
        assert_eq!(semaphore.release(), Ok(()), "the forgotten permit may be released by hand");
        assert_eq!(semaphore.available(), 2, "the release by hand gave the forgotten permit back: 2 free");
        assert_eq!(semaphore.release(), Err(OverRelease { limit: 2 }), "2 free permits and none out is the limit of 2: a further release must be refused");
    }

    fn a_dropped_permit_no_longer_counts_as_held() {
        let semaphore = Semaphore::bounded(2);
        drop(semaphore.acquire());
        semaphore.acquire().forget();
        assert_eq!(semaphore.available(), 1, "one permit was dropped (so it came back) and one forgotten (so it stays taken): 1 of 2 free");
        assert_eq!(
            semaphore.release(),
            Ok(()),
            "one free permit and none out: a release makes two, the limit"
        );
        assert_eq!(
            OverRelease { limit: 2 }.to_string(),
            "semaphore released too many times (limit 2)",
            "OverRelease's Display (given) names the limit"
        );
    }

    fn a_plain_semaphore_may_be_released_above_its_start() {
        let semaphore = Semaphore::new(1);
        assert_eq!(semaphore.release(), Ok(()), "a plain semaphore (Semaphore::new) may be released above the count it started with");
        assert_eq!(semaphore.available(), 2, "Semaphore::new(1) released once has 2 free permits");
        let _a = semaphore.acquire();
        let _b = semaphore.acquire();
        assert_eq!(semaphore.available(), 0, "both permits are held: none free");
    }
}
