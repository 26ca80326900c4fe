use ch01_threads::live_threads::{Registry, join_timeout};
use grading::{Band, timed, wait_until};
use std::sync::{Arc, RwLock, mpsc};
use std::thread;
use std::time::Duration;

grading::graded! {
    fn join_timeout_returns_the_result_as_soon_as_the_thread_ends() {
        let handle = thread::spawn(|| 42);
        let (outcome, took) = timed(|| join_timeout(handle, Duration::from_secs(3)));
        let result = outcome.expect("the thread ended well within the limit");
        assert_eq!(result.unwrap(), 42, "join_timeout's Ok holds the thread's own result, 42");
        Band::under(Duration::from_millis(1500))
            .assert_contains("join_timeout of a thread that ends at once", took);
    }

    fn join_timeout_gives_the_handle_back_when_time_runs_out() {
        let (release, wait_for_release) = mpsc::channel::<()>();
        let handle = thread::spawn(move || {
            wait_for_release.recv().unwrap();
            "finished later"
        });
        let limit = Duration::from_millis(100);
        let (outcome, took) = timed(|| join_timeout(handle, limit));
        let handle = outcome.expect_err("the thread was still waiting: the join must time out");
        Band::around(limit).assert_contains("join_timeout of a waiting thread", took);
        assert!(
            !handle.is_finished(),
            "the handle given back on a timeout is the handle of the thread that is still waiting"
        );

        // Nothing lost: the handle still joins the thread.
        release.send(()).unwrap();
        assert_eq!(
            handle.join().unwrap(),
            "finished later",
            "the handle given back on a timeout still joins the thread and gives its result"
        );
    }

    fn join_timeout_with_a_zero_limit_still_sees_a_finished_thread() {
        let handle = thread::spawn(|| "done");
        wait_until(|| handle.is_finished());
        let result = join_timeout(handle, Duration::ZERO)
            .expect("the thread had already finished: even a zero limit must return Ok");
        assert_eq!(result.unwrap(), "done", "join_timeout's Ok holds the finished thread's result, \"done\"");
    }

    fn join_timeout_waits_for_a_thread_that_ends_within_the_limit() {
        let work = Duration::from_millis(100);
        let handle = thread::spawn(move || {
            thread::sleep(work);
            7
        });
        let (outcome, took) = timed(|| join_timeout(handle, Duration::from_secs(3)));
        let result = outcome.expect("the thread ended after 100 ms, well within the 3 s limit");
        assert_eq!(result.unwrap(), 7, "join_timeout's Ok holds the thread's own result, 7");
        Band::under(work * 3 + Duration::from_millis(250))
            .assert_contains("join_timeout of a thread that works for 100 ms", took);
    }

    fn join_timeout_keeps_to_a_short_limit() {
        let (release, wait_for_release) = mpsc::channel::<()>();
        let handle = thread::spawn(move || wait_for_release.recv().is_ok());
        let limit = Duration::from_millis(5);
        let (handle, took) = timed(move || {
            let mut handle = handle;
            for _ in 0..10 {
                handle = join_timeout(handle, limit)
                    .expect_err("the thread was still waiting: the join must time out");
            }
            handle
        });
        Band::under(Duration::from_millis(600))
            .assert_contains("ten join_timeout calls with a limit of 5 ms each", took);
        release.send(()).unwrap();
        assert!(
            handle.join().unwrap(),
            "after ten timed-out joins, the handle given back still joins the thread, which got its release"
        );
    }

    fn join_timeout_reports_a_panic_as_an_error() {
        let handle = thread::spawn(|| -> u8 { panic!("the thread gave up") });
        let result = join_timeout(handle, Duration::from_secs(3)).expect("the thread ended");
        let payload = result.expect_err("a panicked thread's join is an error");
        assert_eq!(
            payload.downcast_ref::<&str>(),
            Some(&"the thread gave up"),
            "the Err holds the panicked thread's own payload, \"the thread gave up\""
        );
    }

    fn registry_lists_its_threads_while_they_run() {
        let registry = Registry::new();
        let mut releases = Vec::new();
        let mut handles = Vec::new();
        for name in ["cutter", "adder", "baker"] {
            let (release, wait_for_release) = mpsc::channel::<()>();
            releases.push(release);
            handles.push(registry.spawn(name, move || wait_for_release.recv().unwrap()));
        }
        assert_eq!(
            registry.live(),
            ["adder", "baker", "cutter"],
            "three threads are running, so live lists their three names, sorted"
        );
        assert_eq!(registry.count(), 3, "three listed threads are running");

        drop(releases);
        for handle in handles {
            assert!(handle.join().is_err(), "recv fails once its sender is gone");
        }
        assert_eq!(registry.count(), 0, "ended threads leave the register");
        assert!(registry.live().is_empty(), "every thread has ended, so live lists none");
    }

    fn registry_lists_a_thread_by_the_time_spawn_returns() {
        let registry = Registry::new();
        // The threads wait here until the test is done looking.
        let gate = Arc::new(RwLock::new(()));
        let closed = gate.write().unwrap();
        let mut handles = Vec::new();
        for started in 1..=100 {
            let gate = Arc::clone(&gate);
            handles.push(registry.spawn("early", move || drop(gate.read())));
            assert_eq!(
                (registry.count(), registry.live().len()),
                (started, started),
                "thread {started} was not listed when spawn returned: \
                 list a thread before spawn returns, not when it starts running"
            );
        }
        drop(closed);
        for handle in handles {
            handle.join().unwrap();
        }
        assert_eq!(registry.count(), 0, "ended threads leave the register");
    }

    fn registry_lists_two_live_threads_of_the_same_name_twice() {
        let registry = Registry::new();
        let (release_first, first_waits) = mpsc::channel::<()>();
        let (release_second, second_waits) = mpsc::channel::<()>();
        let first = registry.spawn("worker", move || first_waits.recv().is_ok());
        let second = registry.spawn("worker", move || second_waits.recv().is_ok());
        assert_eq!(registry.live(), ["worker", "worker"], "two live threads named alike are both listed");
        assert_eq!(registry.count(), 2, "two live threads named alike count as two");

        release_first.send(()).unwrap();
        assert!(first.join().unwrap(), "the first \"worker\" runs its f, which gets the release the test sent");
        assert_eq!(registry.live(), ["worker"], "one of the two has ended; the other is alive");
        release_second.send(()).unwrap();
        assert!(second.join().unwrap(), "the second \"worker\" runs its f, which gets the release the test sent");
        assert_eq!(registry.count(), 0, "both threads have ended, so none is listed");
    }

    fn registry_names_the_threads_it_starts() {
        let registry = Registry::new();
        let name = registry
            .spawn("named-by-registry", || thread::current().name().map(str::to_owned))
            .join()
            .unwrap();
        assert_eq!(
            name.as_deref(),
            Some("named-by-registry"),
            "Registry::spawn runs f on a thread with the name it was given"
        );
    }

    fn registry_forgets_a_thread_that_panicked() {
        let registry = Registry::new();
        let handle = registry.spawn("doomed", || panic!("deliberate"));
        assert!(
            handle.join().is_err(),
            "f panics on purpose, so joining its thread gives Err: let f's panic end the thread"
        );
        assert_eq!(registry.count(), 0, "a panicked thread is not alive");
    }

    fn registry_clones_share_one_register() {
        let registry = Registry::new();
        let (release, wait_for_release) = mpsc::channel::<()>();
        let handle = registry.clone().spawn("via-a-clone", move || wait_for_release.recv().ok());
        assert_eq!(
            registry.live(),
            ["via-a-clone"],
            "a thread started through a clone is listed in the original too: clones share one register"
        );
        release.send(()).unwrap();
        handle.join().unwrap();
        assert_eq!(registry.count(), 0, "the thread started through a clone has ended, so the original lists none");
    }
}
