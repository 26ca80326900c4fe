//! Tests for `select_loop`: the deadline fires while the channel is idle and
//! while jobs keep coming, ticks come on time whether jobs come or not, a job
//! is handled as soon as it is sent, and a closed channel ends the loop after
//! every queued job.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use ch06_channels::select_loop::{Ended, serve};
use grading::{Band, timed};

grading::graded! {
    fn an_idle_channel_ends_at_the_deadline_with_ticks_on_the_way() {
        let (sender, jobs) = crossbeam_channel::unbounded::<u32>();
        let mut ticks = 0;
        let mut handled = Vec::new();
        let deadline = Duration::from_millis(600);
        let (ended, elapsed) = timed(|| {
            serve(jobs, Duration::from_millis(50), deadline, |job| handled.push(job), || ticks += 1)
        });
        drop(sender);
        assert_eq!(ended, Ended::Deadline, "nothing was sent and the channel stayed open: the deadline ends it");
        Band::around(deadline).assert_contains("serve on an idle channel with a 600 ms deadline", elapsed);
        assert!(handled.is_empty(), "no job was sent, so none is handled (a tick is not a job)");
        assert!(
            (4..=13).contains(&ticks),
            "a tick every 50 ms for 600 ms is about 12 ticks; got {ticks}"
        );
    }

    fn a_job_is_handled_as_soon_as_it_is_sent() {
        let (sender, jobs) = crossbeam_channel::unbounded::<u32>();
        let (seen, handled) = mpsc::channel();
        let server = thread::spawn(move || {
            serve(
                jobs,
                Duration::from_secs(10),
                Duration::from_secs(20),
                |job| seen.send(job).unwrap(),
                || {},
            )
        });
        for job in [7, 8] {
            // The channel is idle for a while first: a loop that polls and
            // sleeps a tick has gone to sleep by now, and a select! waits.
            thread::sleep(Duration::from_millis(300));
            sender.send(job).unwrap();
            let (got, waited) = timed(|| handled.recv_timeout(Duration::from_secs(2)));
            assert_eq!(got, Ok(job), "job {job} handled within 2 s of being sent, with a 10 s tick");
            Band::under(Duration::from_millis(1500)).assert_contains("handling a job after it was sent", waited);
        }
        thread::sleep(Duration::from_millis(300));
        drop(sender);
        let (ended, elapsed) = timed(|| server.join().unwrap());
        assert_eq!(ended, Ended::Closed, "the last sender was dropped: the channel is closed");
        Band::under(Duration::from_secs(3)).assert_contains("ending after the channel closed", elapsed);
    }

    fn jobs_that_keep_coming_do_not_postpone_the_deadline() {
        let (sender, jobs) = crossbeam_channel::unbounded::<u32>();
        let producer = thread::spawn(move || {
            // A job every 10 ms for up to 4 s, or until the server is gone.
            for job in 0..400 {
                if sender.send(job).is_err() {
                    return;
                }
                thread::sleep(Duration::from_millis(10));
            }
        });
        let mut handled = Vec::new();
        let mut ticks = 0;
        let deadline = Duration::from_millis(500);
        let (ended, elapsed) = timed(|| {
            serve(jobs, Duration::from_millis(50), deadline, |job| handled.push(job), || ticks += 1)
        });
        producer.join().unwrap();
        assert_eq!(ended, Ended::Deadline, "jobs kept coming, and the deadline still ended it");
        Band::around(deadline).assert_contains("serve with a 500 ms deadline and a job every 10 ms", elapsed);
        assert!(!handled.is_empty(), "the jobs that came were handled");
        assert_eq!(handled, (0..handled.len() as u32).collect::<Vec<_>>(), "jobs handled in order, none skipped");
        assert!(
            ticks >= 3,
            "a tick every 50 ms keeps coming while jobs flow: got {ticks} in {elapsed:?}"
        );
    }

    fn a_closed_channel_ends_the_loop_after_every_queued_job() {
        let (sender, jobs) = crossbeam_channel::unbounded::<u32>();
        for job in 1..=100 {
            sender.send(job).unwrap();
        }
        drop(sender);
        let mut handled = Vec::new();
        let (ended, elapsed) = timed(|| {
            serve(jobs, Duration::from_millis(20), Duration::from_secs(10), |job| handled.push(job), || {})
        });
        assert_eq!(ended, Ended::Closed, "every sender was gone: closed, not the deadline");
        assert_eq!(handled, (1..=100).collect::<Vec<_>>(), "the jobs sent before the close, all, in order");
        Band::under(Duration::from_secs(3)).assert_contains("serving 100 queued jobs of a closed channel", elapsed);
    }

    fn a_tick_longer_than_the_deadline_never_fires() {
        let (sender, jobs) = crossbeam_channel::unbounded::<u32>();
        let mut ticks = 0;
        let deadline = Duration::from_millis(300);
        let (ended, elapsed) = timed(|| serve(jobs, Duration::from_secs(10), deadline, |_| {}, || ticks += 1));
        drop(sender);
        assert_eq!(ended, Ended::Deadline, "the deadline ends an idle loop");
        Band::around(deadline).assert_contains("serve with a 300 ms deadline and a 10 s tick", elapsed);
        assert_eq!(ticks, 0, "the first tick is due after 10 s: none in 300 ms");
    }
}
