use ch01_threads::live_threads::{Registry, join_timeout};
use grading::{Band, timed};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

grading::graded! {
    fn join_timeout_returns_the_result_as_soon_as_the_thread_ends() {
        let handle = thread::spawn(|| 42);
        let (outcome, took) = timed(|| join_timeout(handle, Duration::from_secs(3)));
        let result = outcome.expect("the thread ended well within the limit");
        assert_eq!(result.unwrap(), 42);
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
        assert!(!handle.is_finished());

        // Nothing lost: the handle still joins the thread.
        release.send(()).unwrap();
        assert_eq!(handle.join().unwrap(), "finished later");
    }

    fn join_timeout_reports_a_panic_as_an_error() {
        let handle = thread::spawn(|| -> u8 { panic!("the thread gave up") });
        let result = join_timeout(handle, Duration::from_secs(3)).expect("the thread ended");
        let payload = result.expect_err("a panicked thread's join is an error");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"the thread gave up"));
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
        assert_eq!(registry.live(), ["adder", "baker", "cutter"]);
        assert_eq!(registry.count(), 3);

        drop(releases);
        for handle in handles {
            assert!(handle.join().is_err(), "recv fails once its sender is gone");
        }
        assert_eq!(registry.count(), 0, "ended threads leave the register");
        assert!(registry.live().is_empty());
    }

    fn registry_names_the_threads_it_starts() {
        let registry = Registry::new();
        let name = registry
            .spawn("named-by-registry", || thread::current().name().map(str::to_owned))
            .join()
            .unwrap();
        assert_eq!(name.as_deref(), Some("named-by-registry"));
    }

    fn registry_forgets_a_thread_that_panicked() {
        let registry = Registry::new();
        let handle = registry.spawn("doomed", || panic!("deliberate"));
        assert!(handle.join().is_err());
        assert_eq!(registry.count(), 0, "a panicked thread is not alive");
    }

    fn registry_clones_share_one_register() {
        let registry = Registry::new();
        let (release, wait_for_release) = mpsc::channel::<()>();
        let handle = registry.clone().spawn("via-a-clone", move || wait_for_release.recv().ok());
        assert_eq!(registry.live(), ["via-a-clone"]);
        release.send(()).unwrap();
        handle.join().unwrap();
        assert_eq!(registry.count(), 0);
    }
}
