use ch02_sharing::check_then_act::Seats;
use grading::run_together;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

const BUYERS: [&str; 8] = ["ann", "bob", "cem", "dov", "eva", "fay", "gus", "hal"];
/// Races per race test, each for a show of its own.
const SHOWS: usize = 40;
/// Sets a flag when dropped: also when the thread that holds it panics.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Runs `work` while another thread reads the whole seat map over and over,
/// as browsing customers do, so the lock is often busy.
fn with_a_browser<T>(seats: &Seats, work: impl FnOnce() -> T) -> T {
    let (looked, done) = (AtomicBool::new(false), AtomicBool::new(false));
    thread::scope(|scope| {
        scope.spawn(|| {
            let _looked = SetOnDrop(&looked);
            while !done.load(Ordering::SeqCst) {
                std::hint::black_box(seats.booked());
                looked.store(true, Ordering::SeqCst);
            }
        });
        let _done = SetOnDrop(&done);
        // The browser is at it before the work starts.
        grading::wait_until(|| looked.load(Ordering::SeqCst));
        work()
    })
}

/// A barrier for rounds that the racers wait at by spinning, so that those
/// on a CPU leave it within nanoseconds of each other and meet at the lock; a
/// panicking racer breaks it, so the others stop waiting (and the panic is
/// reported) instead of hanging.
struct Rounds {
    threads: usize,
    arrived: AtomicUsize,
    round: AtomicUsize,
    broken: AtomicBool,
}

impl Rounds {
    fn new(threads: usize) -> Self {
        Rounds {
            threads,
            arrived: AtomicUsize::new(0),
            round: AtomicUsize::new(0),
            broken: AtomicBool::new(false),
        }
    }

    /// Waits until every racer has arrived, then says which round starts;
    /// `None` if a racer panicked.
    fn wait(&self) -> Option<usize> {
        let round = self.round.load(Ordering::SeqCst);
        if self.arrived.fetch_add(1, Ordering::SeqCst) + 1 == self.threads {
            self.arrived.store(0, Ordering::SeqCst);
            self.round.store(round + 1, Ordering::SeqCst);
        } else {
            let mut spins = 0u32;
            while self.round.load(Ordering::SeqCst) == round && !self.broken.load(Ordering::SeqCst)
            {
                spins = spins.wrapping_add(1);
                if spins.is_multiple_of(512) {
                    thread::yield_now()
                } else {
                    std::hint::spin_loop()
                }
            }
        }
        (!self.broken.load(Ordering::SeqCst)).then_some(round)
    }
}

/// Breaks the rounds if its racer panics.
struct BreakOnPanic<'a>(&'a Rounds);

impl Drop for BreakOnPanic<'_> {
    fn drop(&mut self) {
        if thread::panicking() {
            self.0.broken.store(true, Ordering::SeqCst);
        }
    }
}

/// Races on `SHOWS` shows, one after another: for each, `setup` books what
/// the race starts from, then eight racers call `racer(show, thread)` at the
/// same moment. Code that lets go of the lock between a check and an act is
/// caught in the gap (the graded build's lock lets a waiting thread in right
/// after an unlock). Returns each show with what each racer was told.
fn race(
    setup: impl Fn(&Seats),
    racer: impl Fn(&Seats, usize) -> bool + Sync,
) -> Vec<(Seats, Vec<bool>)> {
    let shows: Vec<Seats> = (0..SHOWS)
        .map(|_| {
            let show = Seats::new();
            setup(&show);
            show
        })
        .collect();
    let told = Mutex::new(vec![vec![false; BUYERS.len()]; SHOWS]);
    let rounds = Rounds::new(BUYERS.len());
    run_together(BUYERS.len(), |thread| {
        let _break = BreakOnPanic(&rounds);
        for _ in 0..SHOWS {
            let Some(show) = rounds.wait() else { return };
            let answer = racer(&shows[show], thread);
            told.lock().unwrap()[show][thread] = answer;
        }
    });
    shows.into_iter().zip(told.into_inner().unwrap()).collect()
}

/// The buyers told `true`.
fn winners(told: &[bool], who: impl Fn(usize) -> bool) -> Vec<&'static str> {
    (0..BUYERS.len())
        .filter(|&t| told[t] && who(t))
        .map(|t| BUYERS[t])
        .collect()
}

grading::graded! {
    fn each_call_checks_and_acts_under_one_lock() {
        let (seats, counts) = grading::sync::counted(Seats::new);
        let once = |what: &str, call: &dyn Fn() -> bool, answer: bool| {
            let before = counts.locks();
            assert_eq!(call(), answer, "{what} answers {answer}");
            let locks = counts.locks() - before;
            assert_eq!(
                locks,
                1,
                "{what} took the seats' lock {locks} times (counted on the given crate::sync::Mutex); \
                 between two of them another thread can book, cancel or move, so what the first one \
                 checked is stale when the second acts on it"
            );
        };
        once("reserve(1, \"ann\") of a free seat", &|| seats.reserve(1, "ann"), true);
        once("reserve(1, \"bob\") of ann's seat", &|| seats.reserve(1, "bob"), false);
        once("move_to(1, 2, \"ann\") to a free seat", &|| seats.move_to(1, 2, "ann"), true);
        once("cancel(2, \"bob\") of ann's seat", &|| seats.cancel(2, "bob"), false);
        once("cancel(2, \"ann\") of her own seat", &|| seats.cancel(2, "ann"), true);
    }

    fn eight_buyers_click_at_once_and_exactly_one_gets_the_seat() {
        let races = race(|_| {}, |show, buyer| show.reserve(1, BUYERS[buyer]));
        for (race, (show, told)) in races.iter().enumerate() {
            let winners = winners(told, |_| true);
            assert_eq!(
                winners.len(),
                1,
                "race {race}: 8 buyers tried for seat 1 at once and exactly one must be told true, \
                 but these were: {winners:?} (a seat sold twice: check and act under one lock)"
            );
            assert_eq!(
                show.holder(1).as_deref(),
                Some(winners[0]),
                "race {race}: the seat map must name the one buyer who was told true"
            );
        }
    }

    fn racing_cancels_free_a_booking_once_and_never_remove_the_next_one() {
        // Even threads are ann cancelling seat 1 (four clicks); odd ones are
        // other buyers grabbing the seat she frees.
        let races = race(
            |show| assert!(show.reserve(1, "ann"), "ann books seat 1 before the race"),
            |show, thread| {
                if thread % 2 == 0 { show.cancel(1, "ann") } else { show.reserve(1, BUYERS[thread]) }
            },
        );
        for (race, (show, told)) in races.iter().enumerate() {
            let cancels = winners(told, |t| t % 2 == 0).len();
            let rebooked = winners(told, |t| t % 2 == 1);
            assert_eq!(
                cancels,
                1,
                "race {race}: four cancels of ann's one booking raced, exactly one must be told true, got {cancels}"
            );
            assert!(rebooked.len() <= 1, "race {race}: seat 1 sold twice after ann freed it: {rebooked:?}");
            assert_eq!(
                show.holder(1).as_deref(),
                rebooked.first().copied(),
                "race {race}: the seat map must name whoever was told their booking of seat 1 went through \
                 ({rebooked:?}); a cancel that checked, let go, and then removed took away a newer booking"
            );
        }
    }

    fn a_move_and_bookings_race_for_a_free_seat_and_only_one_gets_it() {
        // Threads 0 to 3 are ann asking to move from seat 1 to seat 2 (four
        // clicks); threads 4 to 7 are other buyers reserving seat 2.
        let races = race(
            |show| assert!(show.reserve(1, "ann"), "ann books seat 1 before the race"),
            |show, thread| if thread < 4 { show.move_to(1, 2, "ann") } else { show.reserve(2, BUYERS[thread]) },
        );
        for (race, (show, told)) in races.iter().enumerate() {
            let moved = winners(told, |t| t < 4).len();
            let mut seat_2: Vec<&str> = winners(told, |t| t >= 4);
            seat_2.extend(std::iter::repeat_n("ann", moved));
            assert_eq!(
                seat_2.len(),
                1,
                "race {race}: ann's moves and the bookings raced for seat 2, exactly one must be told true, \
                 these were: {seat_2:?}"
            );
            assert_eq!(
                show.holder(2).as_deref(),
                Some(seat_2[0]),
                "race {race}: the seat map must name the one who was told seat 2 is theirs"
            );
            assert_eq!(
                show.holder(1).as_deref(),
                if moved == 1 { None } else { Some("ann") },
                "race {race}: ann left seat 1 if and only if her move was told true"
            );
        }
    }

    fn nobody_sees_a_moving_passenger_in_two_seats_or_in_none() {
        let seats = Seats::new();
        // Other bookings, so that each look at the whole map takes a while.
        for seat in 100..300 {
            assert!(seats.reserve(seat, "crowd"), "a free seat can be reserved");
        }
        assert!(seats.reserve(1, "ann"), "a free seat can be reserved");
        const WATCHERS: usize = 3;
        let (done, looks, watching) = (AtomicBool::new(false), AtomicUsize::new(0), AtomicUsize::new(WATCHERS));
        let sightings = Mutex::new(Vec::new());
        run_together(1 + WATCHERS, |thread| {
            if thread == 0 {
                let _done = SetOnDrop(&done);
                // Move back and forth until the watchers have had a good look.
                while looks.load(Ordering::SeqCst) < 600 && watching.load(Ordering::SeqCst) > 0 {
                    for (from, to) in [(1, 2), (2, 1)] {
                        assert!(seats.move_to(from, to, "ann"), "ann holds seat {from} and seat {to} is free: the move goes through");
                    }
                }
            } else {
                struct Leaves<'a>(&'a AtomicUsize);
                impl Drop for Leaves<'_> {
                    fn drop(&mut self) {
                        self.0.fetch_sub(1, Ordering::SeqCst);
                    }
                }
                let _leaves = Leaves(&watching);
                while !done.load(Ordering::SeqCst) {
                    let seen = seats.booked().iter().filter(|(_, who)| who == "ann").count();
                    looks.fetch_add(1, Ordering::SeqCst);
                    if seen != 1 {
                        sightings.lock().unwrap().push(seen);
                    }
                }
            }
        });
        let sightings = sightings.into_inner().unwrap();
        assert!(
            sightings.is_empty(),
            "while ann moved between seats 1 and 2, other threads saw her in {:?} seats ({} times): \
             a move is one step, she is always in exactly one seat",
            sightings.iter().take(5).collect::<Vec<_>>(),
            sightings.len()
        );
        assert_eq!(seats.holder(1).as_deref(), Some("ann"), "after an even number of moves ann is back in seat 1");
    }

    fn bookings_for_different_seats_never_fail_because_others_book_too() {
        let seats = Seats::new();
        // The crowd's bookings make each look at the whole map take a while.
        for seat in 100_000..105_000 {
            assert!(seats.reserve(seat, "crowd"), "a free seat can be reserved");
        }
        with_a_browser(&seats, || {
            run_together(BUYERS.len(), |buyer| {
                let first = buyer as u32 * 10_000;
                for seat in first..first + 2_000 {
                    assert!(
                        seats.reserve(seat, BUYERS[buyer]),
                        "seat {seat} is free, so reserving it succeeds, even while others book and browse"
                    );
                }
                for seat in first..first + 2_000 {
                    assert!(seats.cancel(seat, BUYERS[buyer]), "{} holds seat {seat}, so cancelling it succeeds", BUYERS[buyer]);
                }
            });
        });
        assert_eq!(seats.booked().len(), 5_000, "every booking was cancelled by its holder, the crowd's remain");
    }

    fn a_taken_seat_is_refused_and_keeps_its_holder() {
        let seats = Seats::new();
        assert!(seats.reserve(1, "ann"), "a free seat can be reserved");
        assert!(!seats.reserve(1, "bob"), "a seat ann holds is refused to bob");
        assert!(!seats.reserve(1, "ann"), "a seat ann already holds is not free for her either");
        assert_eq!(seats.holder(1).as_deref(), Some("ann"), "a refused reservation must not change the holder");
        assert!(seats.reserve(2, "bob"), "another free seat can be reserved");
        assert_eq!(
            seats.booked(),
            [(1, "ann".to_owned()), (2, "bob".to_owned())],
            "two bookings, one each"
        );
    }

    fn only_the_holder_may_cancel() {
        let seats = Seats::new();
        assert!(!seats.cancel(1, "ann"), "a free seat cannot be cancelled");
        assert!(seats.reserve(1, "ann"), "a free seat can be reserved");
        assert!(!seats.cancel(1, "bob"), "bob cannot cancel ann's seat");
        assert_eq!(seats.holder(1).as_deref(), Some("ann"), "a refused cancel leaves ann's booking alone");
        assert!(seats.cancel(1, "ann"), "ann can cancel her own seat");
        assert_eq!(seats.holder(1), None, "a cancelled seat is free");
        assert!(!seats.cancel(1, "ann"), "a booking is cancelled once: the second cancel finds nothing");
        assert!(seats.reserve(1, "bob"), "a cancelled seat can be reserved again");
        assert_eq!(seats.holder(1).as_deref(), Some("bob"), "bob now holds the seat ann freed");
    }

    fn a_move_needs_the_holder_and_a_free_seat_and_changes_nothing_otherwise() {
        let seats = Seats::new();
        assert!(seats.reserve(1, "ann") && seats.reserve(2, "bob"), "two free seats can be reserved");
        assert!(!seats.move_to(1, 2, "ann"), "ann cannot move to bob's seat");
        assert!(!seats.move_to(2, 3, "ann"), "ann cannot move bob out of his seat");
        assert!(!seats.move_to(4, 3, "ann"), "ann cannot move from a seat nobody holds");
        assert!(!seats.move_to(1, 1, "ann"), "moving to the seat one holds is refused: it is not free");
        assert_eq!(
            seats.booked(),
            [(1, "ann".to_owned()), (2, "bob".to_owned())],
            "refused moves must change nothing: no seat lost, none taken"
        );
        assert!(seats.move_to(1, 3, "ann"), "ann can move from her seat to a free one");
        assert_eq!(
            seats.booked(),
            [(2, "bob".to_owned()), (3, "ann".to_owned())],
            "after the move ann holds seat 3 only, and seat 1 is free"
        );
        assert!(seats.reserve(1, "cem"), "the seat ann left is free again");
    }

    fn a_scripted_evening_at_the_box_office() {
        let seats = Seats::new();
        assert!(seats.booked().is_empty(), "a new show has no bookings");
        // Evaluated in order, top to bottom.
        let mut log = vec![
            format!("reserve 5 for ann: {}", seats.reserve(5, "ann")),
            format!("reserve 5 for bob: {}", seats.reserve(5, "bob")),
            format!("reserve 7 for bob: {}", seats.reserve(7, "bob")),
            format!("reserve 3 for cem: {}", seats.reserve(3, "cem")),
            format!("cancel 5 by bob: {}", seats.cancel(5, "bob")),
            format!("move ann 5 to 7: {}", seats.move_to(5, 7, "ann")),
            format!("move ann 5 to 1: {}", seats.move_to(5, 1, "ann")),
            format!("reserve 5 for bob: {}", seats.reserve(5, "bob")),
            format!("cancel 3 by cem: {}", seats.cancel(3, "cem")),
            format!("cancel 3 by cem: {}", seats.cancel(3, "cem")),
            format!("move bob 7 to 3: {}", seats.move_to(7, 3, "bob")),
            format!("move bob 5 to 5: {}", seats.move_to(5, 5, "bob")),
        ];
        log.push("seat map:".to_owned());
        log.extend(seats.booked().iter().map(|(seat, who)| format!("  {seat}: {who}")));
        insta::assert_snapshot!("scripted_evening", log.join("\n"));
    }
}
