use crate::until_asleep;
use ch05_condvars::waiting_right::Board;
use grading::sync::counted;
use grading::{run_together, wait_until};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

fn even(n: u32) -> bool {
    n.is_multiple_of(2)
}

fn odd(n: u32) -> bool {
    n % 2 == 1
}

grading::graded! {
    fn a_taker_gets_a_number_it_wants() {
        let board = Board::new();
        board.post(3);
        board.post(4);
        assert_eq!(board.take(even), 4, "take(even) takes the even number, 4, though 3 was posted first");
        assert_eq!(board.take(odd), 3, "take(odd) takes the 3 still on the board");
        assert_eq!(board.waiting(), 0, "both takes found their numbers at once, so no taker is waiting: waiting() says 0");
    }

    fn a_wake_up_without_a_post_is_not_a_post() {
        let board = Board::new();
        thread::scope(|scope| {
            let taker = scope.spawn(|| board.take(even));
            wait_until(|| board.waiting() == 1);
            // Spurious wake-ups, as far as the taker can tell.
            for _ in 0..3 {
                board.nudge();
            }
            board.post(5);
            board.nudge();
            board.post(6);
            assert_eq!(taker.join().expect("the taker must not fall through its wait"), 6, "the taker wants an even number: wake-ups without a post and the odd 5 must send it back to wait, until the 6");
        });
    }

    fn a_stolen_wake_up_sends_the_loser_back_to_wait() {
        let board = Board::new();
        thread::scope(|scope| {
            let first = scope.spawn(|| board.take(|_| true));
            let second = scope.spawn(|| board.take(|_| true));
            wait_until(|| board.waiting() == 2);
            // Both wake; one takes the number, the other must wait again.
            board.post(1);
            wait_until(|| board.waiting() == 1);
            board.post(2);
            let mut got = [first.join().unwrap(), second.join().unwrap()];
            got.sort();
            assert_eq!(got, [1, 2], "each taker gets one number: the one that lost the 1 must wait again and take the 2");
        });
    }

    fn a_post_reaches_the_taker_that_wants_it() {
        // Both takers are asleep when the number comes. Whichever waiter a
        // single notify would wake, one of these two orders makes it the
        // wrong one.
        for (first, second, number) in [(even as fn(u32) -> bool, odd as fn(u32) -> bool, 7), (odd, even, 8)] {
            let (board, counts) = counted(Board::new);
            thread::scope(|scope| {
                let wrong = scope.spawn(|| board.take(first));
                until_asleep(&counts, 1, || board.waiting(), || wrong.is_finished());
                assert!(!wrong.is_finished(), "a taker ended instead of waiting for a number");
                let right = scope.spawn(|| board.take(second));
                until_asleep(&counts, 2, || board.waiting(), || right.is_finished());
                assert!(!right.is_finished(), "a taker ended instead of waiting for a number");
                board.post(number);
                assert_eq!(right.join().unwrap(), number, "post must wake every taker (notify_all): the taker that wants {number} must get it");
                board.post(number + 1);
                assert_eq!(wrong.join().unwrap(), number + 1, "the other taker gets the next number, {}", number + 1);
            });
        }
    }

    fn many_takers_and_posters_lose_nothing() {
        let board = Board::new();
        let taken = Mutex::new(Vec::new());
        run_together(8, |i| {
            if i < 4 {
                for n in 0..100 {
                    board.post(i as u32 * 100 + n);
                }
            } else {
                for _ in 0..100 {
                    let n = board.take(|_| true);
                    taken.lock().unwrap().push(n);
                }
            }
        });
        let mut taken = taken.into_inner().unwrap();
        taken.sort();
        assert_eq!(taken, (0..400).collect::<Vec<_>>(), "4 posters post 0 to 399 and 4 takers take 100 each: every number must be taken exactly once");
    }

    fn a_waiting_taker_sleeps_until_a_post_wakes_it() {
        let (board, counts) = counted(Board::new);
        thread::scope(|scope| {
            let taker = scope.spawn(|| board.take(even));
            wait_until(|| board.waiting() == 1 || taker.is_finished());
            assert!(!taker.is_finished(), "the taker ended instead of waiting for an even number");
            // Nothing happens for a while. A taker asleep on the condition
            // variable does not touch the board meanwhile.
            let locks = counts.locks();
            thread::sleep(Duration::from_millis(350));
            let looked = counts.locks() - locks;
            board.post(2);
            assert_eq!(taker.join().unwrap(), 2, "the waiting taker gets the 2 posted while it slept");
            assert!(
                looked <= 1,
                "while nothing happened for 350 ms, the waiting taker took the board's lock {looked} times: \
                 it polls instead of sleeping on the condition variable until a post wakes it"
            );
        });
    }

    fn a_number_posted_while_the_taker_looks_still_reaches_it() {
        // The taker is looking at the board (`wanted` runs under the board's
        // lock) when 2 is posted, and finds only 1, which it does not want;
        // then it goes to sleep. The post has to wait for the lock, and the
        // wake-up must come after 2 is on the board: one sent before finds
        // nobody asleep and is lost.
        let (board, counts) = counted(Board::new);
        board.post(1);
        let (looking, go_on) = (AtomicBool::new(false), AtomicBool::new(false));
        thread::scope(|scope| {
            let taker = scope.spawn(|| {
                board.take(|n| {
                    // Hold on in the look right before the taker really
                    // sleeps: the one after its made-up wake-up.
                    let made_up = counts.made_up_wakeups();
                    if made_up >= 1 && counts.waits() == made_up && !looking.swap(true, Ordering::SeqCst) {
                        wait_until(|| go_on.load(Ordering::SeqCst));
                    }
                    even(n)
                })
            });
            wait_until(|| looking.load(Ordering::SeqCst) || taker.is_finished());
            assert!(!taker.is_finished(), "the taker ended instead of waiting for an even number");
            let poster = scope.spawn(|| board.post(2));
            // The poster is waiting for the lock, which the taker holds.
            wait_until(|| counts.contended() >= 1 || poster.is_finished());
            let posted_unlocked = poster.is_finished();
            go_on.store(true, Ordering::SeqCst);
            assert!(!posted_unlocked, "post ended while the taker held the board's lock");
            assert_eq!(taker.join().unwrap(), 2, "the taker must get the 2 posted while it looked");
            poster.join().unwrap();
        });
    }
}
