use ch02_sharing::snapshots::Published;
use grading::{Gauge, OverlapProbe, run_together};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// A value that counts its deep copies, in a counter its copies share.
#[derive(Debug)]
struct Counted {
    items: Vec<u32>,
    copies: Arc<AtomicUsize>,
}

impl Counted {
    fn new(items: &[u32]) -> Self {
        Counted {
            items: items.to_vec(),
            copies: Arc::default(),
        }
    }

    /// Another value counted in the same counter as `self`.
    fn sibling(&self, items: &[u32]) -> Self {
        Counted {
            items: items.to_vec(),
            copies: Arc::clone(&self.copies),
        }
    }

    fn copies(&self) -> usize {
        self.copies.load(Ordering::SeqCst)
    }
}

impl Clone for Counted {
    fn clone(&self) -> Self {
        self.copies.fetch_add(1, Ordering::SeqCst);
        self.sibling(&self.items)
    }
}

/// Runs `write` on another thread while this one holds `held`, and says
/// whether it finished within two seconds; lets go of `held` either way, and
/// joins the writer.
fn finishes_while_held<T>(held: Arc<T>, write: impl FnOnce() + Send) -> bool {
    let (done, finished) = mpsc::channel();
    thread::scope(|scope| {
        scope.spawn(move || {
            write();
            let _ = done.send(());
        });
        let in_time = finished.recv_timeout(Duration::from_secs(2)).is_ok();
        drop(held);
        in_time
    })
}

grading::graded! {
    fn a_reader_keeps_its_snapshot_while_writers_change_the_value() {
        let prices = Published::new(vec![10, 20, 30]);
        assert_eq!(*prices.load(), [10, 20, 30], "the first snapshot is the value given to new");
        let before = prices.load();
        prices.update(|list| list.push(40));
        assert_eq!(*before, [10, 20, 30], "an update must not change a snapshot a reader already holds");
        assert_eq!(*prices.load(), [10, 20, 30, 40], "update changes the current value: later loads see it");

        let middle = prices.load();
        prices.publish(vec![1]);
        assert_eq!(*middle, [10, 20, 30, 40], "publish must not change a snapshot a reader already holds");
        assert_eq!(*prices.load(), [1], "publish replaces the current value");

        prices.update(|list| list[0] = 2);
        assert_eq!(*prices.load(), [2], "update applies f to the current value, the one published last");
        assert_eq!(*before, [10, 20, 30], "the oldest snapshot is still as it was");
        assert_eq!(*middle, [10, 20, 30, 40], "the middle snapshot is still as it was");
    }

    fn loading_hands_out_the_same_value_without_copying_it() {
        let value = Counted::new(&[1, 2, 3]);
        let copies = Arc::clone(&value.copies);
        let published = Published::new(value);
        let first = published.load();
        run_together(8, |_| {
            for _ in 0..100 {
                let snapshot = published.load();
                assert!(
                    Arc::ptr_eq(&snapshot, &first),
                    "load hands out the current Arc itself (one more reference), not a new Arc around a copy"
                );
            }
        });
        assert_eq!(copies.load(Ordering::SeqCst), 0, "800 loads must copy the value 0 times");
        assert_eq!(first.items, [1, 2, 3], "the snapshot holds the value given to new");
    }

    fn readers_hold_their_snapshots_at_the_same_time() {
        let published = Published::new(vec![7u32; 4]);
        let probe = OverlapProbe::new(8);
        run_together(8, |_| {
            let snapshot = published.load();
            probe.arrive();
            assert_eq!(*snapshot, [7; 4], "every reader sees the published value");
        });
        probe.assert_overlapped("eight readers each holding a snapshot");
    }

    fn concurrent_updates_lose_nothing() {
        let published = Published::new(Vec::<usize>::new());
        let gauge = Gauge::new();
        run_together(8, |thread| {
            for round in 0..3 {
                published.update(|list| {
                    let _inside = gauge.enter();
                    list.push(thread * 10 + round);
                    // Slow work inside the update: an update that copies the
                    // value outside the lock loses the others' pushes here.
                    thread::sleep(Duration::from_millis(2));
                });
            }
        });
        assert_eq!(gauge.peak(), 1, "two updates ran f at the same time: update must hold the write lock while f runs");
        let mut list = published.load().to_vec();
        assert_eq!(list.len(), 24, "8 threads made 3 updates each, every one pushing a number: 24 numbers, got {list:?}");
        list.sort_unstable();
        insta::assert_snapshot!("concurrent_updates_sorted", format!("{list:?}"));
    }

    fn an_update_copies_only_when_a_reader_holds_the_value() {
        let published = Published::new(Counted::new(&[1]));
        let copies = || published.load().copies();
        for n in 2..=5 {
            published.update(|value| value.items.push(n));
        }
        assert_eq!(copies(), 0, "nobody held a snapshot, so update must change the value in place, not copy it");
        assert_eq!(published.load().items, [1, 2, 3, 4, 5], "four updates each pushed a number");

        let held = published.load();
        published.update(|value| value.items.push(6));
        assert_eq!(copies(), 1, "a reader held the value, so update copies it, once");
        assert_eq!(held.items, [1, 2, 3, 4, 5], "the reader's snapshot is not changed by the update");

        published.update(|value| value.items.push(7));
        assert_eq!(
            copies(),
            1,
            "after the copy nobody else holds the new value: the next update changes it in place"
        );
        assert_eq!(published.load().items, [1, 2, 3, 4, 5, 6, 7], "each update applied to the value before it");
    }

    fn publishing_copies_nothing() {
        let first = Counted::new(&[1]);
        let second = first.sibling(&[2]);
        let published = Published::new(first);
        let held = published.load();
        published.publish(second);
        published.update(|value| value.items.push(3));
        assert_eq!(held.copies(), 0, "publish stores the new value as it is: no copy of the old one or the new one");
        assert_eq!(published.load().items, [2, 3], "the published value, updated");
        assert_eq!(held.items, [1], "the held snapshot keeps the old value");
    }

    fn writers_do_not_wait_for_readers_to_let_go() {
        let published = Published::new(vec![1]);
        let held = published.load();
        assert!(
            finishes_while_held(held, || published.publish(vec![2])),
            "publish must not wait until readers drop their snapshots: a snapshot is theirs to keep"
        );
        assert_eq!(*published.load(), [2], "the published value is current");
        let held = published.load();
        assert!(
            finishes_while_held(held, || published.update(|list| list.push(3))),
            "update must not wait until readers drop their snapshots: it copies instead"
        );
        assert_eq!(*published.load(), [2, 3], "the update applied to the published value");
    }
}
