use ch04_condvars::waiting_right::Board;
use grading::run_together;
use std::sync::Mutex;
use std::thread;

use grading::wait_until;

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
        assert_eq!(board.take(even), 4);
        assert_eq!(board.take(odd), 3);
        assert_eq!(board.waiting(), 0);
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
            assert_eq!(taker.join().expect("the taker must not fall through its wait"), 6);
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
            assert_eq!(got, [1, 2]);
        });
    }

    fn a_post_reaches_the_taker_that_wants_it() {
        // Whichever waiter a single notify would wake, one of these two
        // orders makes it the wrong one.
        for (first, second, number) in [(even as fn(u32) -> bool, odd as fn(u32) -> bool, 7), (odd, even, 8)] {
            let board = Board::new();
            thread::scope(|scope| {
                let wrong = scope.spawn(|| board.take(first));
                wait_until(|| board.waiting() == 1);
                let right = scope.spawn(|| board.take(second));
                wait_until(|| board.waiting() == 2);
                board.post(number);
                assert_eq!(right.join().unwrap(), number);
                board.post(number + 1);
                assert_eq!(wrong.join().unwrap(), number + 1);
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
        assert_eq!(taken, (0..400).collect::<Vec<_>>());
    }
}
