use ch01_threads::stopping::{Report, start_countdown};
use grading::{Band, timed};
use std::sync::mpsc;
use std::time::Duration;

const SHORT: Duration = Duration::from_millis(1);
/// A step so long that only an interrupted wait can stop in time.
const LONG: Duration = Duration::from_secs(3);

grading::graded! {
    fn counts_down_to_one_when_left_alone() {
        let (ticks, ticked) = mpsc::channel();
        let report = start_countdown(5, SHORT, move |n| ticks.send(n).unwrap()).wait();
        assert_eq!(ticked.iter().collect::<Vec<_>>(), [5, 4, 3, 2, 1]);
        assert_eq!(report, Report { last_tick: Some(1), finished: true });
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
        assert_eq!(seen, [5, 4, 3]);
        assert_eq!(report, Report { last_tick: Some(3), finished: false });
    }

    fn stop_interrupts_a_long_wait() {
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(3, LONG, move |n| ticks.send(n).unwrap());
        assert_eq!(ticked.recv().unwrap(), 3);
        let (report, took) = timed(|| countdown.stop());
        Band::under(Duration::from_secs(1)).assert_contains(
            "stopping a countdown in the middle of a 3 s wait",
            took,
        );
        assert_eq!(report, Report { last_tick: Some(3), finished: false });
    }

    fn stopping_a_countdown_that_already_ended_reports_it_finished() {
        let (ticks, ticked) = mpsc::channel();
        let countdown = start_countdown(2, SHORT, move |n| ticks.send(n).unwrap());
        assert_eq!(ticked.iter().collect::<Vec<_>>(), [2, 1]);
        assert_eq!(countdown.stop(), Report { last_tick: Some(1), finished: true });
    }

    fn a_countdown_from_zero_ticks_nothing() {
        let report = start_countdown(0, LONG, |n| panic!("ticked {n}")).wait();
        assert_eq!(report, Report { last_tick: None, finished: true });
    }
}
