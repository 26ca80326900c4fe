use ch02_sharing::lazy_global::{Memo, Registry, lookup, registry};
use grading::{OverlapProbe, run_together, wait_until};
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

const RACERS: usize = 8;

fn square_plus_one(key: u64) -> u64 {
    key * key + 1
}

grading::graded! {
    // The only test that touches the process-wide registry: the tests of one
    // binary run in parallel and share its statics, so this one must be the
    // first (and only) to call `registry` and `lookup`.
    fn eight_threads_racing_to_the_first_call_build_the_registry_once() {
        assert_eq!(Registry::builds(), 0, "nothing builds the registry before the first call to registry()");
        let addresses = Mutex::new(Vec::new());
        run_together(RACERS, |_| {
            let address = std::ptr::from_ref(registry()) as usize;
            addresses.lock().unwrap().push(address);
        });
        assert_eq!(
            Registry::builds(),
            1,
            "{RACERS} threads called registry() at once for the first time: Registry::build must run once in all"
        );
        let addresses = addresses.into_inner().unwrap();
        assert_eq!(addresses.len(), RACERS, "every racing thread got a registry back");
        assert!(
            addresses.iter().all(|&a| a == addresses[0]),
            "every call to registry() returns the same registry (same address), but the threads got {} different ones",
            addresses.iter().collect::<std::collections::HashSet<_>>().len()
        );
        assert_eq!(
            std::ptr::from_ref(registry()) as usize,
            addresses[0],
            "a later call, from another thread, returns the same registry"
        );
        assert_eq!(lookup("not_found"), Some(404), "lookup(\"not_found\") is 404");
        assert_eq!(lookup("teapot"), Some(418), "lookup(\"teapot\") is 418");
        assert_eq!(lookup("ok"), Some(200), "lookup(\"ok\") is 200");
        assert_eq!(lookup("no_such_status"), None, "an unknown name is None");
        assert_eq!(lookup(""), None, "the empty name is None");
        run_together(RACERS, |_| {
            assert_eq!(lookup("created"), Some(201), "lookup(\"created\") is 201 on every thread");
        });
        assert_eq!(
            Registry::builds(),
            1,
            "lookup goes through registry(): after all these lookups the registry was still built only once"
        );
    }

    fn memo_computes_each_key_once() {
        let calls = AtomicUsize::new(0);
        let memo = Memo::new(|key| {
            calls.fetch_add(1, Ordering::SeqCst);
            square_plus_one(key)
        });
        assert_eq!(memo.get(3), 10, "get(3) is f(3)");
        assert_eq!(memo.get(3), 10, "get(3) again is still f(3)");
        assert_eq!(calls.load(Ordering::SeqCst), 1, "the second get(3) used the kept result: f ran once");
        assert_eq!(memo.get(4), 17, "get(4) is f(4)");
        assert_eq!(memo.get(3), 10, "get(3) after get(4) is still f(3)");
        assert_eq!(calls.load(Ordering::SeqCst), 2, "two keys, two calls of f");
    }

    fn memo_gives_every_key_its_own_value() {
        let calls = AtomicUsize::new(0);
        let memo = Memo::new(|key| {
            calls.fetch_add(1, Ordering::SeqCst);
            square_plus_one(key)
        });
        // Keys in a scrambled order, 0 and two far-off ones included.
        let keys: Vec<u64> = (0..50).map(|i| (i * 37) % 50).chain([1 << 31, 3_000_000_000]).collect();
        for round in 0..2 {
            for &key in &keys {
                assert_eq!(memo.get(key), square_plus_one(key), "get({key}) is f({key}) (round {round})");
            }
        }
        assert_eq!(calls.load(Ordering::SeqCst), keys.len(), "each of {} keys computed once over two rounds", keys.len());
    }

    fn eight_threads_racing_for_one_key_compute_it_once() {
        let (arrived, calls) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let memo = Memo::new(|key| {
            calls.fetch_add(1, Ordering::SeqCst);
            // Compute slowly, until every racer has called get: a memo that
            // lets them compute it too has them all inside f.
            wait_until(|| arrived.load(Ordering::SeqCst) == RACERS);
            thread::sleep(Duration::from_millis(40));
            square_plus_one(key)
        });
        let answers = Mutex::new(Vec::new());
        run_together(RACERS, |_| {
            arrived.fetch_add(1, Ordering::SeqCst);
            let answer = memo.get(7);
            answers.lock().unwrap().push(answer);
        });
        assert_eq!(
            calls.load(Ordering::SeqCst),
            1,
            "{RACERS} threads asked for key 7 at once: f(7) must run once, the others wait for its result"
        );
        assert_eq!(answers.into_inner().unwrap(), vec![50; RACERS], "every racer gets f(7) = 50");
    }

    fn different_keys_compute_at_the_same_time() {
        let probe = OverlapProbe::new(4);
        let memo = Memo::new(|key| {
            probe.arrive();
            square_plus_one(key)
        });
        let answers = Mutex::new(HashMap::new());
        run_together(4, |i| {
            let key = 100 + i as u64;
            let answer = memo.get(key);
            answers.lock().unwrap().insert(key, answer);
        });
        probe.assert_overlapped("Memo::get of 4 different keys: hold no lock while f runs");
        let answers = answers.into_inner().unwrap();
        for key in 100..104 {
            assert_eq!(answers.get(&key), Some(&square_plus_one(key)), "get({key}) is f({key})");
        }
    }

    fn racing_threads_on_many_keys_compute_each_key_once() {
        const KEYS: u64 = 16;
        let calls: Vec<AtomicUsize> = (0..KEYS).map(|_| AtomicUsize::new(0)).collect();
        let memo = Memo::new(|key| {
            calls[key as usize].fetch_add(1, Ordering::SeqCst);
            thread::sleep(Duration::from_millis(2));
            square_plus_one(key)
        });
        run_together(RACERS, |i| {
            // Each thread starts at a different key and goes round all of them.
            for k in 0..KEYS {
                let key = (k + 2 * i as u64) % KEYS;
                assert_eq!(memo.get(key), square_plus_one(key), "get({key}) is f({key}) on every thread");
            }
        });
        for (key, calls) in calls.iter().enumerate() {
            assert_eq!(
                calls.load(Ordering::SeqCst),
                1,
                "{RACERS} threads each asked for all {KEYS} keys: f({key}) must run once"
            );
        }
    }

    fn a_key_whose_f_panicked_is_computed_again() {
        let (failed_once, calls) = (AtomicBool::new(false), AtomicUsize::new(0));
        let memo = Memo::new(|key| {
            calls.fetch_add(1, Ordering::SeqCst);
            if key == 9 && !failed_once.swap(true, Ordering::SeqCst) {
                panic!("f fails the first time it sees 9");
            }
            square_plus_one(key)
        });
        assert_eq!(memo.get(2), 5, "get(2) is f(2)");
        let first = panic::catch_unwind(AssertUnwindSafe(|| memo.get(9)));
        assert!(first.is_err(), "f(9) panicked the first time, so get(9) panics too: there is no value to return");
        assert_eq!(memo.get(9), 82, "f(9)'s panic was not kept: the next get(9) computes it again");
        assert_eq!(memo.get(2), 5, "other keys are still there after a panic");
        assert_eq!(memo.get(9), 82, "and now get(9) is kept");
        assert_eq!(calls.load(Ordering::SeqCst), 3, "f ran for 2, for 9 (panicked) and for 9 again: three calls");
    }
}
