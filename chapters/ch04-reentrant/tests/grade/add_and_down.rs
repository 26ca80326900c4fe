use ch04_reentrant::add_and_down::Balance;
use grading::run_together;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

const TIMES: i64 = 200_000;

/// Counts its thread as finished when dropped, even if the thread panicked.
struct Finished<'a>(&'a AtomicUsize);

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

grading::graded! {
    fn one_thread_adds_one_subtracts_and_they_meet_at_zero() {
        let balance = Balance::new();
        run_together(2, |i| {
            for _ in 0..TIMES {
                if i == 0 { balance.add(1) } else { balance.down(1) }
            }
        });
        assert_eq!(balance.value(), 0, "{TIMES} add(1) and {TIMES} down(1) on two threads must end at zero: every change happens under the lock");
    }

    fn add_and_down_move_by_their_amount() {
        let balance = Balance::new();
        balance.add(10);
        balance.down(3);
        assert_eq!(balance.value(), 7, "add(10) then down(3) from zero leaves 7: add adds its amount, down subtracts it");
        balance.down(10);
        assert_eq!(balance.value(), -3, "down(10) from 7 leaves -3: the balance may go below zero");
    }

    fn the_balance_after_each_call() {
        let balance = Balance::new();
        let mut trace = vec![format!("new -> {}", balance.value())];
        let calls: [(&str, i64); 7] = [("add", 10), ("down", 3), ("down", 10), ("add", 0), ("down", 0), ("down", -5), ("add", -2)];
        for (call, amount) in calls {
            if call == "add" { balance.add(amount) } else { balance.down(amount) }
            trace.push(format!("{call}({amount}) -> {}", balance.value()));
        }
        insta::assert_snapshot!("balance_after_each_call", trace.join("\n"));
    }

    fn many_threads_adding_lose_nothing() {
        let balance = Balance::new();
        run_together(8, |_| (0..10_000).for_each(|_| balance.add(2)));
        assert_eq!(balance.value(), 8 * 10_000 * 2, "8 threads each calling add(2) 10000 times must reach 160000: no change may be lost");
    }

    fn a_reader_waits_for_changes_in_progress_and_sees_the_real_balance() {
        let balance = Balance::new();
        balance.add(1000);
        let (writers_done, reads) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let wrong = Mutex::new(None);
        // Two writers keep the lock busy, moving the balance between 1000 and
        // 1002; the reader reads all the while, so many of its reads come
        // while a writer holds the lock.
        run_together(3, |i| {
            if i < 2 {
                let _finished = Finished(&writers_done);
                for _ in 0..50_000 {
                    balance.add(1);
                    balance.down(1);
                }
            } else {
                while writers_done.load(Ordering::SeqCst) < 2 || reads.load(Ordering::SeqCst) < 1000 {
                    let seen = balance.value();
                    reads.fetch_add(1, Ordering::SeqCst);
                    if !(1000..=1002).contains(&seen) {
                        *wrong.lock().unwrap() = Some(seen);
                        break;
                    }
                }
            }
        });
        if let Some(seen) = *wrong.lock().unwrap() {
            panic!("value() answered {seen} while the balance was between 1000 and 1002: it must wait for the lock and read the real balance");
        }
        assert_eq!(balance.value(), 1000, "each writer's add(1) is undone by its down(1), so the balance ends at the 1000 it started with");
    }
}
