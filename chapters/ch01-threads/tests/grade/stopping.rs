use ch01_threads::stopping::{Report, start_countdown};
use grading::{Band, timed};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SHORT: Duration = Duration::from_millis(1);
/// A step so long that only an interrupted wait can stop in time.
const LONG: Duration = Duration::from_secs(3);

grading::graded! {
    fn counts_down_to_one_when_left_alone() {
        let (ticks, ticked) = mpsc::channel();
        let report = start_countdown(5, SHORT, move |n| ticks.send(n).unwrap()).wait();
        assert_eq!(
            ticked.iter().collect::<Vec<_>>(),
            [5, 4, 3, 2, 1],
            "a countdown from 5 left alone ticks 5, 4, 3, 2 and 1, each once"
        );
        assert_eq!(
            report,
            Report { last_tick: Some(1), finished: true },
            "left alone, the countdown finishes, and its last tick is 1"
        );
    }

    fn a_stop_asked_for_during_a_tick_comes_before_the_next_tick() {
        // Each tick waits for the test's go, so the request lands mid-tick.
        let (ticks, ticked) = mpsc::channel();
        let (go, wait_for_go) = mpsc::channel::<()>();
        let countdown = start_countdown(5, SHORT, move |n| {
            ticks.send(n).unwrap();
            let _ = wait_for_go.recv();
        });
        let stopper = countdown.stopper();
        let mut seen = Vec::new();
        for n in ticked.iter() {
            seen.push(n);
            if n == 3 {
                stopper.request_stop();
            }
            let _ = go.send(());
        }
        let report = countdown.wait();
        insta::assert_snapshot!(
            "countdown_stopped_at_three",
            format!("ticks: {seen:?}\nreport: {report:?}")
        );
        assert_eq!(seen, [5, 4, 3], "a stop asked for during tick 3 comes before the next tick: the ticks are 5, 4, 3");
        assert_eq!(
            report,
            Report { last_tick: Some(3), finished: false },
            "stopped during tick 3: the report says the last tick was 3 and the countdown did not finish"
        );
    }

    fn stop_interrupts_a_long_wait() {
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(3, LONG, move |n| ticks.send(n).unwrap());
        assert_eq!(ticked.recv().unwrap(), 3, "the first tick of a countdown from 3 is 3");
        let (report, took) = timed(|| countdown.stop());
        Band::under(Duration::from_secs(1)).assert_contains(
            "stopping a countdown in the middle of a 3 s wait",
            took,
        );
        assert_eq!(
            report,
            Report { last_tick: Some(3), finished: false },
            "stopped in the wait after tick 3: the report says the last tick was 3 and the countdown did not finish"
        );
    }

    fn stopping_a_countdown_that_already_ended_reports_it_finished() {
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(2, SHORT, move |n| ticks.send(n).unwrap());
        assert_eq!(ticked.iter().collect::<Vec<_>>(), [2, 1], "a countdown from 2 ticks 2 and 1, then ends");
        assert_eq!(
            countdown.stop(),
            Report { last_tick: Some(1), finished: true },
            "stopping a countdown that already ended reports that it finished, with its last tick 1"
        );
    }

    fn the_first_tick_comes_at_once() {
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(2, LONG, move |n| ticks.send(n).unwrap());
        let (first, took) = timed(|| ticked.recv().unwrap());
        assert_eq!(first, 2, "the first tick of a countdown from 2 is 2");
        Band::under(Duration::from_secs(1))
            .assert_contains("the first tick of a countdown with a 3 s step", took);
        countdown.stop();
    }

    fn the_countdown_ends_right_after_its_last_tick() {
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(1, LONG, move |n| ticks.send(n).unwrap());
        assert_eq!(ticked.recv().unwrap(), 1, "the only tick of a countdown from 1 is 1");
        let (report, took) = timed(|| countdown.wait());
        Band::under(Duration::from_secs(1)).assert_contains(
            "waiting for a countdown from 1 (with a 3 s step) after its only tick",
            took,
        );
        assert_eq!(
            report,
            Report { last_tick: Some(1), finished: true },
            "a countdown from 1 has finished after its only tick: wait reports the last tick 1, finished"
        );
    }

    fn a_stop_after_the_last_tick_still_reports_it_finished() {
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(1, LONG, move |n| ticks.send(n).unwrap());
        assert_eq!(ticked.recv().unwrap(), 1, "the only tick of a countdown from 1 is 1");
        assert_eq!(
            countdown.stop(),
            Report { last_tick: Some(1), finished: true },
            "it ticked down to 1, so it finished; there is no wait after the last tick"
        );
    }

    fn asking_an_ended_countdown_to_stop_is_ignored() {
        let countdown = start_countdown(2, SHORT, |_| {});
        let stopper = countdown.stopper();
        assert_eq!(
            countdown.wait(),
            Report { last_tick: Some(1), finished: true },
            "left alone, a countdown from 2 finishes, and its last tick is 1"
        );
        // Its thread has ended: asking it to stop does nothing, and must not panic.
        stopper.request_stop();
        stopper.clone().request_stop();
    }

    fn a_dropped_countdown_still_waits_a_step_between_ticks() {
        let step = Duration::from_millis(100);
        let (started, first_tick_started) = mpsc::channel();
        let (go, wait_for_go) = mpsc::channel::<()>();
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(4, step, move |n| {
            if n == 4 {
                started.send(()).unwrap();
                let _ = wait_for_go.recv();
            }
            ticks.send((n, Instant::now())).unwrap();
        });
        first_tick_started.recv().unwrap();
        // No Countdown and no stopper left: nobody can ask it to stop any more.
        drop(countdown);
        go.send(()).unwrap();
        // Ends when the countdown's thread ends and drops `on_tick`.
        let seen: Vec<(u64, Instant)> = ticked.iter().collect();
        for pair in seen.windows(2) {
            let ((before, at), (after, next)) = (pair[0], pair[1]);
            assert!(
                next - at >= step / 2,
                "ticks {before} and {after} came {:?} apart, with a step of {step:?}: \
                 a countdown whose Countdown was dropped must not tick without waiting",
                next - at
            );
        }
    }

    fn a_panic_in_on_tick_reaches_the_caller() {
        let countdown = start_countdown(3, LONG, |n| panic!("tick {n} failed"));
        let waited = catch_unwind(AssertUnwindSafe(|| countdown.wait()));
        assert!(waited.is_err(), "on_tick panicked, so wait must panic, not report {waited:?}");

        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(3, LONG, move |n| {
            ticks.send(n).unwrap();
            panic!("tick {n} failed")
        });
        // Stop only once the tick has begun, so it surely panics.
        assert_eq!(ticked.recv().unwrap(), 3, "the first tick of a countdown from 3 is 3");
        let stopped = catch_unwind(AssertUnwindSafe(|| countdown.stop()));
        assert!(stopped.is_err(), "on_tick panicked, so stop must panic, not report {stopped:?}");
    }

    fn a_countdown_from_zero_ticks_nothing() {
        let report = start_countdown(0, LONG, |n| panic!("ticked {n}")).wait();
        assert_eq!(
            report,
            Report { last_tick: None, finished: true },
            "a countdown from 0 ticks nothing and has nothing left to count: no last tick, finished"
        );
    }
}
