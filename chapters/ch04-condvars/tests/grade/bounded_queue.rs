use ch04_condvars::bounded_queue::{BoundedQueue, Closed, GetError, PutError};
use grading::{Band, run_together, timed};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use grading::wait_until;

const SHORT: Duration = Duration::from_millis(50);

grading::graded! {
    fn items_come_out_in_the_order_they_went_in() {
        let queue = BoundedQueue::new(10);
        for n in 0..5 {
            queue.put(n).unwrap();
        }
        assert_eq!((queue.len(), queue.capacity()), (5, 10));
        let out: Vec<_> = (0..5).map(|_| queue.get().unwrap()).collect();
        assert_eq!(out, [0, 1, 2, 3, 4]);
        assert!(queue.is_empty());
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
            assert_eq!(queue.len(), 3);
            let out: Vec<_> = (0..10).map(|_| queue.get().unwrap()).collect();
            assert_eq!(out, (0..10).collect::<Vec<_>>());
        });
    }

    fn get_waits_while_the_queue_is_empty() {
        let queue = BoundedQueue::new(2);
        thread::scope(|scope| {
            let getter = scope.spawn(|| queue.get());
            thread::sleep(Duration::from_millis(30));
            assert!(!getter.is_finished(), "get on an empty queue must wait");
            queue.put(7).unwrap();
            assert_eq!(getter.join().unwrap(), Some(7));
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
        let queue = BoundedQueue::new(1);
        queue.put("first").unwrap();
        let (refused, took) = timed(|| queue.put_timeout("second", SHORT));
        assert_eq!(refused, Err(PutError::Full("second")));
        Band::around(SHORT).assert_contains("put_timeout on a full queue", took);
        assert_eq!(queue.get_timeout(SHORT), Ok("first"));
        let (empty, took) = timed(|| queue.get_timeout(SHORT));
        assert_eq!(empty, Err(GetError::Timeout));
        Band::around(SHORT).assert_contains("get_timeout on an empty queue", took);
    }

    fn timed_calls_that_need_not_wait_return_at_once() {
        // A minute is beyond the deadline: waiting at all fails the test.
        let minute = Duration::from_secs(60);
        let queue = BoundedQueue::new(2);
        assert!(queue.is_empty() && !queue.is_closed());
        assert_eq!(queue.put_timeout(1, minute), Ok(()), "there was room");
        assert!(!queue.is_empty());
        assert_eq!(queue.get_timeout(minute), Ok(1), "there was an item");
        assert!(queue.is_empty());
    }

    fn a_closed_queue_refuses_puts_and_drains_before_it_ends() {
        let queue = BoundedQueue::new(3);
        queue.put(1).unwrap();
        queue.put(2).unwrap();
        queue.close();
        assert!(queue.is_closed());
        assert_eq!(queue.put(3), Err(Closed(3)));
        assert_eq!(queue.put_timeout(4, SHORT), Err(PutError::Closed(4)));
        assert_eq!(queue.get(), Some(1));
        assert_eq!(queue.get_timeout(SHORT), Ok(2));
        assert_eq!(queue.get(), None, "closed and drained");
        assert_eq!(queue.get_timeout(SHORT), Err(GetError::Closed));
    }

    fn a_putter_blocked_on_a_full_queue_wakes_when_it_is_closed() {
        let queue = BoundedQueue::new(1);
        queue.put(1).unwrap();
        thread::scope(|scope| {
            let putter = scope.spawn(|| queue.put(2));
            thread::sleep(Duration::from_millis(30));
            queue.close();
            assert_eq!(putter.join().unwrap(), Err(Closed(2)), "the item comes back");
        });
        assert_eq!(queue.get(), Some(1));
        assert_eq!(queue.get(), None);
    }

    fn a_getter_blocked_on_an_empty_queue_wakes_when_it_is_closed() {
        let queue: BoundedQueue<u8> = BoundedQueue::new(1);
        thread::scope(|scope| {
            let getter = scope.spawn(|| queue.get());
            thread::sleep(Duration::from_millis(30));
            queue.close();
            assert_eq!(getter.join().unwrap(), None);
        });
    }
}
