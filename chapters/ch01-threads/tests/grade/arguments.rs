use ch01_threads::arguments::{
    RepeatOptions, current_thread_label, repeat_in_background, spawn_named,
};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

grading::graded! {
    fn spawn_named_runs_f_on_a_new_thread_with_that_name() {
        let caller = thread::current().id();
        let (name, id) = spawn_named("worker-7", || {
            let me = thread::current();
            (me.name().map(str::to_owned), me.id())
        })
        .join()
        .unwrap();
        assert_eq!(
            name.as_deref(),
            Some("worker-7"),
            "f runs on a thread named \"worker-7\": thread::spawn cannot name a thread, thread::Builder can"
        );
        assert_ne!(id, caller, "f must run on the new thread, not the caller's");
    }

    fn spawn_named_hands_the_result_back_through_join() {
        let numbers = [1, 2, 3, 4, 5];
        let handle = spawn_named("summer", move || numbers.iter().sum::<i32>());
        assert_eq!(
            handle.thread().name(),
            Some("summer"),
            "the handle spawn_named returns is the handle of the thread it named \"summer\""
        );
        assert_eq!(handle.join().unwrap(), 15, "joining the handle gives f's result, 1 + 2 + 3 + 4 + 5 = 15");
    }

    fn spawn_named_returns_while_f_is_still_running() {
        let (go, wait_for_go) = mpsc::channel();
        let handle = spawn_named("waiter", move || wait_for_go.recv_timeout(Duration::from_secs(2)).is_ok());
        go.send(())
            .expect("f had already ended when spawn_named returned: return at once and let f run on the new thread");
        assert!(
            handle.join().unwrap(),
            "spawn_named must return before f ends: f waited for the caller in vain"
        );
    }

    fn repeat_in_background_uses_the_default_options() {
        let handle = repeat_in_background("ha".to_owned(), RepeatOptions::default());
        assert_eq!(
            handle.thread().name(),
            Some("repeater"),
            "with the default options the work runs on a thread named \"repeater\""
        );
        assert_eq!(
            handle.join().unwrap(),
            "ha ha",
            "\"ha\" with the default options (two copies, separated by a space) gives \"ha ha\""
        );
    }

    fn repeat_in_background_honours_every_option() {
        let options = RepeatOptions {
            times: 3,
            separator: "-".to_owned(),
            thread_name: "echo".to_owned(),
        };
        let handle = repeat_in_background("ab".to_owned(), options);
        assert_eq!(
            handle.thread().name(),
            Some("echo"),
            "the work runs on a thread named after options.thread_name, here \"echo\""
        );
        assert_eq!(
            handle.join().unwrap(),
            "ab-ab-ab",
            "three copies of \"ab\" with \"-\" between two copies, and none before the first or after the last"
        );

        let none = RepeatOptions { times: 0, ..RepeatOptions::default() };
        assert_eq!(
            repeat_in_background("x".to_owned(), none).join().unwrap(),
            "",
            "zero copies of the word give an empty string"
        );
    }

    fn current_thread_label_reads_the_name_or_says_unnamed() {
        let named = thread::Builder::new()
            .name("labelled".to_owned())
            .spawn(current_thread_label)
            .unwrap();
        assert_eq!(
            named.join().unwrap(),
            "labelled",
            "on a thread named \"labelled\", current_thread_label gives the name as it is"
        );
        assert_eq!(
            thread::spawn(current_thread_label).join().unwrap(),
            "<unnamed>",
            "on a thread without a name, current_thread_label gives \"<unnamed>\""
        );
    }
}
