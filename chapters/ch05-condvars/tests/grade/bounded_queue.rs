use crate::{until_asleep, with_early_wakeups};
use ch05_condvars::bounded_queue::{BoundedQueue, Closed, GetError, PutError};
use grading::sync::counted;
use grading::{Band, run_together, timed, wait_until};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

const SHORT: Duration = Duration::from_millis(50);
/// A timeout no right answer waits out here.
const LONG: Duration = Duration::from_secs(2);

grading::graded! {
    fn items_come_out_in_the_order_they_went_in() {
        let queue = BoundedQueue::new(10);
        for n in 0..3 {
            queue.put(n).unwrap();
        }
        for n in 3..6 {
            queue.put_timeout(n, SHORT).unwrap();
        }
        assert_eq!((queue.len(), queue.capacity()), (6, 10), "6 items were put into a queue made with capacity 10: (len, capacity) must be (6, 10)");
        let out: Vec<_> = (0..6)
            .map(|i| if i % 2 == 0 { queue.get().unwrap() } else { queue.get_timeout(SHORT).unwrap() })
            .collect();
        assert_eq!(out, [0, 1, 2, 3, 4, 5], "get and get_timeout take the oldest item first");
        assert!(queue.is_empty(), "after all 6 items were taken out, the queue is empty");
    }

    fn put_waits_while_the_queue_is_full() {
        let queue = BoundedQueue::new(3);
        let put = AtomicUsize::new(0);
        thread::scope(|scope| {
            scope.spawn(|| {
                for n in 0..10 {
                    queue.put(n).unwrap();
                    put.fetch_add(1, Ordering::SeqCst);
                }
            });
            wait_until(|| queue.len() == 3);
            // Give a queue that does not block every chance to overfill.
            thread::sleep(Duration::from_millis(30));
            assert_eq!(put.load(Ordering::SeqCst), 3, "a full queue must make put wait");
            assert_eq!(queue.len(), 3, "a queue of capacity 3 holds 3 items, no more: put must wait while it is full");
            let out: Vec<_> = (0..10).map(|_| queue.get().unwrap()).collect();
            assert_eq!(out, (0..10).collect::<Vec<_>>(), "the waiting putter gets room as items are taken: get takes all 10 items, in the order 0 to 9 they were put");
        });
    }

    fn get_waits_while_the_queue_is_empty() {
        let queue = BoundedQueue::new(2);
        thread::scope(|scope| {
            let getter = scope.spawn(|| queue.get());
            thread::sleep(Duration::from_millis(30));
            assert!(!getter.is_finished(), "get on an empty queue must wait");
            queue.put(7).unwrap();
            assert_eq!(getter.join().unwrap(), Some(7), "the waiting get returns the 7 put while it waited");
        });
    }

    fn many_producers_and_consumers_deliver_every_item_once_without_overfilling() {
        let queue = BoundedQueue::new(4);
        let (most, got) = (AtomicUsize::new(0), Mutex::new(Vec::new()));
        let producers_done = AtomicUsize::new(0);
        run_together(8, |i| {
            if i < 4 {
                for n in 0..250 {
                    queue.put(i * 250 + n).unwrap();
                    most.fetch_max(queue.len(), Ordering::SeqCst);
                }
                if producers_done.fetch_add(1, Ordering::SeqCst) == 3 {
                    queue.close();
                }
            } else {
                while let Some(n) = queue.get() {
                    most.fetch_max(queue.len(), Ordering::SeqCst);
                    got.lock().unwrap().push(n);
                }
            }
        });
        let mut got = got.into_inner().unwrap();
        got.sort();
        assert_eq!(got, (0..1000).collect::<Vec<_>>(), "every item exactly once");
        assert!(most.load(Ordering::SeqCst) <= 4, "the queue held more than its capacity");
    }

    fn timeouts_give_up_and_give_the_item_back() {
        // Every timed wait here wakes early, again and again: the timeout
        // counts from the call, not from the last wake-up.
        let queue = Arc::new(BoundedQueue::new(1));
        queue.put("first").unwrap();
        let full = Arc::clone(&queue);
        let refused = with_early_wakeups("put_timeout(50 ms) on a full queue", SHORT, move || {
            full.put_timeout("second", SHORT)
        });
        assert_eq!(refused, Err(PutError::Full("second")), "put_timeout on a queue still full when the time runs out returns Err(PutError::Full) with the item");
        assert_eq!(queue.get_timeout(SHORT), Ok("first"), "a refused put_timeout leaves the queue as it was: its one item is still the first one put");
        let empty = Arc::clone(&queue);
        let nothing = with_early_wakeups("get_timeout(50 ms) on an empty queue", SHORT, move || empty.get_timeout(SHORT));
        assert_eq!(nothing, Err(GetError::Timeout), "get_timeout on a queue still empty when the time runs out returns Err(GetError::Timeout)");
    }

    fn timed_calls_that_need_not_wait_return_at_once() {
        // A minute is beyond the deadline: waiting at all fails the test.
        let minute = Duration::from_secs(60);
        let queue = BoundedQueue::new(2);
        assert!(queue.is_empty() && !queue.is_closed(), "a new queue is empty and open");
        assert_eq!(queue.put_timeout(1, minute), Ok(()), "there was room");
        assert!(!queue.is_empty(), "after put_timeout succeeded, the queue is not empty");
        assert_eq!(queue.get_timeout(minute), Ok(1), "there was an item");
        assert!(queue.is_empty(), "after get_timeout took the only item, the queue is empty");
    }

    fn timed_calls_wake_a_waiter_on_the_other_side() {
        // A getter asleep on an empty queue gets what put_timeout puts.
        let (queue, counts) = counted(|| BoundedQueue::new(1));
        thread::scope(|scope| {
            let getter = scope.spawn(|| queue.get());
            until_asleep(&counts, 1, || queue.len(), || getter.is_finished());
            assert!(!getter.is_finished(), "get on an empty queue ended instead of waiting");
            assert_eq!(queue.put_timeout(7, SHORT), Ok(()), "put_timeout on an empty queue of capacity 1 has room: it returns Ok(()) at once");
            assert_eq!(getter.join().unwrap(), Some(7), "the getter asleep on the empty queue gets the 7 put_timeout put: a put must wake a waiting getter");
        });
        // A putter asleep on a full queue gets the room get_timeout makes.
        let (queue, counts) = counted(|| BoundedQueue::new(1));
        queue.put(8).unwrap();
        thread::scope(|scope| {
            let putter = scope.spawn(|| queue.put(9));
            until_asleep(&counts, 1, || queue.len(), || putter.is_finished());
            assert!(!putter.is_finished(), "put on a full queue ended instead of waiting");
            assert_eq!(queue.get_timeout(SHORT), Ok(8), "get_timeout on a full queue takes its item, 8, at once");
            assert_eq!(putter.join().unwrap(), Ok(()), "the putter asleep on the full queue puts once get_timeout makes room: a get must wake a waiting putter");
        });
        assert_eq!(queue.get(), Some(9), "the woken putter's item, 9, is in the queue");
    }

    fn a_closed_queue_refuses_puts_and_drains_before_it_ends() {
        let queue = BoundedQueue::new(3);
        for n in 1..=3 {
            queue.put(n).unwrap();
        }
        queue.close();
        assert!(queue.is_closed(), "after close(), is_closed() says true");
        // The answers, in order: a closed queue refuses every put, full or
        // not, and gives out what it holds before it says it is done.
        let answers = [
            format!("put(4)                -> {:?}", queue.put(4)),
            format!("put_timeout(5, 50ms)  -> {:?}", queue.put_timeout(5, SHORT)),
            format!("get()                 -> {:?}", queue.get()),
            format!("get_timeout(50ms)     -> {:?}", queue.get_timeout(SHORT)),
            format!("put_timeout(6, 50ms)  -> {:?}", queue.put_timeout(6, SHORT)),
            format!("get()                 -> {:?}", queue.get()),
            format!("get()                 -> {:?}", queue.get()),
            format!("get_timeout(50ms)     -> {:?}", queue.get_timeout(SHORT)),
        ];
        insta::assert_snapshot!("closed_queue_answers", answers.join("\n"));
    }

    fn a_close_ends_timed_waits_at_once() {
        let (queue, counts) = counted(|| BoundedQueue::<u8>::new(1));
        thread::scope(|scope| {
            let getter = scope.spawn(|| timed(|| queue.get_timeout(LONG)));
            until_asleep(&counts, 1, || queue.len(), || getter.is_finished());
            assert!(!getter.is_finished(), "get_timeout(2 s) on an empty queue ended instead of waiting");
            queue.close();
            let (answer, took) = getter.join().unwrap();
            assert_eq!(answer, Err(GetError::Closed), "a get_timeout waiting on an empty queue returns Err(GetError::Closed) when the queue is closed");
            Band::under(LONG / 2).assert_contains("get_timeout(2 s) on an empty queue closed while it waited", took);
        });
        let (queue, counts) = counted(|| BoundedQueue::new(1));
        queue.put(1).unwrap();
        thread::scope(|scope| {
            let putter = scope.spawn(|| timed(|| queue.put_timeout(2, LONG)));
            until_asleep(&counts, 1, || queue.len(), || putter.is_finished());
            assert!(!putter.is_finished(), "put_timeout(2 s) on a full queue ended instead of waiting");
            queue.close();
            let (answer, took) = putter.join().unwrap();
            assert_eq!(answer, Err(PutError::Closed(2)), "the item comes back");
            Band::under(LONG / 2).assert_contains("put_timeout(2 s) on a full queue closed while it waited", took);
        });
    }

    fn a_putter_blocked_on_a_full_queue_wakes_when_it_is_closed() {
        let (queue, counts) = counted(|| BoundedQueue::new(1));
        queue.put(1).unwrap();
        thread::scope(|scope| {
            let putter = scope.spawn(|| queue.put(2));
            until_asleep(&counts, 1, || queue.len(), || putter.is_finished());
            assert!(!putter.is_finished(), "put on a full queue ended instead of waiting");
            queue.close();
            assert_eq!(putter.join().unwrap(), Err(Closed(2)), "the item comes back");
        });
        assert_eq!(queue.get(), Some(1), "close keeps the items already in the queue: get still takes the 1 put before close");
        assert_eq!(queue.get(), None, "get on a closed, empty queue returns None instead of waiting");
    }

    fn a_getter_blocked_on_an_empty_queue_wakes_when_it_is_closed() {
        let (queue, counts) = counted(|| BoundedQueue::<u8>::new(1));
        thread::scope(|scope| {
            let getter = scope.spawn(|| queue.get());
            until_asleep(&counts, 1, || queue.len(), || getter.is_finished());
            assert!(!getter.is_finished(), "get on an empty queue ended instead of waiting");
            queue.close();
            assert_eq!(getter.join().unwrap(), None, "a get waiting on an empty queue returns None when the queue is closed");
        });
    }
}
