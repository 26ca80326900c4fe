//! Tests for `hand_built`: both channels wait for what is coming and wake on
//! every event that ends a wait (a value, the last sender's drop), refuse
//! sends once the receiver is gone and hand the value back, drop what nobody
//! will receive exactly once, keep one deadline, and lose nothing in flight.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use ch06_channels::hand_built::{
    Canceled, RecvTimeoutError, SendError, TryRecvError, channel, oneshot,
};
use grading::sync::{counted, early_wakeups};
use grading::{Band, timed, wait_until};

/// A value that counts how many times it was dropped.
#[derive(Debug)]
struct Counted {
    id: u32,
    drops: Arc<AtomicUsize>,
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

fn counted_value(id: u32, drops: &Arc<AtomicUsize>) -> Counted {
    Counted {
        id,
        drops: Arc::clone(drops),
    }
}

grading::graded! {
    fn a_oneshot_value_crosses_threads_and_recv_waits_for_it() {
        let ((sender, receiver), counts) = counted(oneshot::<String>);
        let waiter = thread::spawn(move || receiver.recv());
        // The receiver is asleep for real: its second wait has begun.
        wait_until(|| counts.waits() >= 2);
        assert_eq!(sender.send("hello".to_string()), Ok(()), "the receiver is there: the send succeeds");
        assert_eq!(
            waiter.join().unwrap(),
            Ok("hello".to_string()),
            "recv waits for the value, through wake-ups that bring nothing"
        );
    }

    fn a_oneshot_sender_dropped_without_sending_wakes_the_receiver() {
        let ((sender, receiver), counts) = counted(oneshot::<u32>);
        let waiter = thread::spawn(move || receiver.recv());
        wait_until(|| counts.waits() >= 2);
        drop(sender);
        assert_eq!(waiter.join().unwrap(), Err(Canceled), "no value will ever come: Canceled");
    }

    fn a_oneshot_send_to_a_dropped_receiver_returns_the_value() {
        let drops = Arc::new(AtomicUsize::new(0));
        let (sender, receiver) = oneshot();
        drop(receiver);
        let refused = sender.send(counted_value(7, &drops));
        let value = refused.expect_err("the receiver is gone: send must fail");
        assert_eq!(value.id, 7, "the value comes back");
        assert_eq!(drops.load(Ordering::SeqCst), 0, "the value was handed back, not dropped");
        drop(value);
        assert_eq!(drops.load(Ordering::SeqCst), 1, "dropped once, by its owner");
    }

    fn a_oneshot_value_sent_and_never_received_is_dropped_once() {
        let drops = Arc::new(AtomicUsize::new(0));
        let (sender, receiver) = oneshot();
        assert!(sender.send(counted_value(1, &drops)).is_ok(), "the receiver is there");
        assert_eq!(drops.load(Ordering::SeqCst), 0, "sent, not dropped");
        drop(receiver);
        assert_eq!(drops.load(Ordering::SeqCst), 1, "nobody will receive it: dropped, once");
    }

    fn a_oneshot_timeout_keeps_one_deadline_and_then_the_send_fails() {
        let (sender, receiver) = oneshot::<u32>();
        let timeout = Duration::from_millis(300);
        // Every timed wait here wakes at half its time, as if spuriously.
        let (result, elapsed) = early_wakeups(|| timed(|| receiver.recv_timeout(timeout)));
        assert_eq!(result, Err(RecvTimeoutError::Timeout), "nothing was sent: Timeout");
        Band::around(timeout).assert_contains("recv_timeout(300 ms) with nothing sent", elapsed);
        assert_eq!(sender.send(5), Err(5), "a receiver that timed out is gone: the send fails");
    }

    fn a_oneshot_timed_receive_gets_a_value_or_a_cancel_in_time() {
        let ((sender, receiver), counts) = counted(oneshot::<u32>);
        let waiter = thread::spawn(move || timed(|| receiver.recv_timeout(Duration::from_secs(10))));
        wait_until(|| counts.waits() >= 2);
        assert_eq!(sender.send(9), Ok(()), "the receiver waits");
        let (result, elapsed) = waiter.join().unwrap();
        assert_eq!(result, Ok(9), "the value sent while recv_timeout waited");
        Band::under(Duration::from_secs(5)).assert_contains("recv_timeout(10 s) given a value", elapsed);

        let (sender, receiver) = oneshot::<u32>();
        assert_eq!(sender.send(4), Ok(()), "the receiver is there");
        assert_eq!(
            receiver.recv_timeout(Duration::ZERO),
            Ok(4),
            "a value already sent is received even with no time to wait"
        );

        let ((sender, receiver), counts) = counted(oneshot::<u32>);
        let waiter = thread::spawn(move || timed(|| receiver.recv_timeout(Duration::from_secs(10))));
        wait_until(|| counts.waits() >= 2);
        drop(sender);
        let (result, elapsed) = waiter.join().unwrap();
        assert_eq!(result, Err(RecvTimeoutError::Canceled), "the sender was dropped: Canceled, not Timeout");
        Band::under(Duration::from_secs(5)).assert_contains("recv_timeout(10 s) after the sender's drop", elapsed);
    }

    fn four_senders_lose_nothing_and_keep_their_own_order() {
        let (sender, receiver) = channel::<(usize, u32)>();
        let producers: Vec<_> = (0..4)
            .map(|id| {
                let sender = sender.clone();
                thread::spawn(move || {
                    for n in 0..500 {
                        sender.send((id, n)).unwrap();
                    }
                })
            })
            .collect();
        drop(sender);
        let received: Vec<(usize, u32)> = receiver.iter().collect();
        for producer in producers {
            producer.join().unwrap();
        }
        assert_eq!(received.len(), 2000, "every message once, and the loop ended when the last sender went");
        for id in 0..4 {
            let own: Vec<u32> = received.iter().filter(|(from, _)| *from == id).map(|(_, n)| *n).collect();
            assert_eq!(own, (0..500).collect::<Vec<_>>(), "sender {id}'s messages, in its order");
        }
    }

    fn recv_waits_for_a_late_send() {
        let ((sender, receiver), counts) = counted(channel::<u32>);
        let waiter = thread::spawn(move || (receiver.recv(), receiver));
        wait_until(|| counts.waits() >= 2);
        sender.send(42).unwrap();
        let (got, _receiver) = waiter.join().unwrap();
        assert_eq!(got, Some(42), "recv waits through wake-ups that bring nothing, and wakes for a send");
    }

    fn the_last_senders_drop_ends_a_waiting_recv_and_an_earlier_one_does_not() {
        let ((sender, receiver), counts) = counted(channel::<u32>);
        let clone = sender.clone();
        let waiter = thread::spawn(move || receiver.recv());
        wait_until(|| counts.waits() >= 2);
        drop(sender);
        thread::sleep(Duration::from_millis(100));
        assert!(!waiter.is_finished(), "a clone is still alive: recv must go on waiting");
        drop(clone);
        assert_eq!(waiter.join().unwrap(), None, "the last sender is gone: recv ends with None");
    }

    fn messages_in_flight_at_the_last_drop_are_received_first() {
        let (sender, receiver) = channel();
        for n in 1..=3 {
            sender.send(n).unwrap();
        }
        drop(sender);
        let received: Vec<u32> = (0..5).map_while(|_| receiver.recv()).collect();
        assert_eq!(received, [1, 2, 3], "the three messages, then the end");
        assert_eq!(receiver.recv(), None, "after the end, recv keeps answering None");

        let (sender, receiver) = channel();
        sender.send(1).unwrap();
        sender.send(2).unwrap();
        drop(sender);
        assert_eq!(receiver.try_recv(), Ok(1), "try_recv takes what was sent before the last drop");
        assert_eq!(receiver.try_recv(), Ok(2), "both messages, in order");
        assert_eq!(
            receiver.try_recv(),
            Err(TryRecvError::Disconnected),
            "then, with the queue empty and no sender left, Disconnected"
        );
    }

    fn try_recv_tells_empty_from_disconnected_and_a_clone_counts_as_a_sender() {
        let (sender, receiver) = channel::<u32>();
        let mut script = Vec::new();
        script.push(format!("try_recv on a new channel: {:?}", receiver.try_recv()));
        sender.send(1).unwrap();
        script.push(format!("after send(1): {:?}", receiver.try_recv()));
        let clone = sender.clone();
        drop(sender);
        script.push(format!("original dropped, clone alive: {:?}", receiver.try_recv()));
        clone.send(2).unwrap();
        script.push(format!("after the clone's send(2): {:?}", receiver.try_recv()));
        drop(clone);
        script.push(format!("every sender dropped: {:?}", receiver.try_recv()));
        script.push(format!("recv then: {:?}", receiver.recv()));
        insta::assert_snapshot!("try_recv_script", script.join("\n"));
        assert_eq!(
            receiver.try_recv(),
            Err(TryRecvError::Disconnected),
            "every sender is gone and the queue is empty"
        );
    }

    fn a_dropped_receiver_refuses_sends_and_drops_what_was_queued_once() {
        let drops = Arc::new(AtomicUsize::new(0));
        let (sender, receiver) = channel();
        sender.send(counted_value(1, &drops)).unwrap();
        sender.send(counted_value(2, &drops)).unwrap();
        drop(receiver);
        assert_eq!(
            drops.load(Ordering::SeqCst),
            2,
            "nobody will receive the two queued messages: the receiver's drop drops them, once each"
        );
        match sender.send(counted_value(3, &drops)) {
            Err(SendError(value)) => {
                assert_eq!(value.id, 3, "the refused message comes back");
                assert_eq!(drops.load(Ordering::SeqCst), 2, "handed back, not dropped");
            }
            Ok(()) => panic!("the receiver is gone: send must fail"),
        }
        drop(sender);
        assert_eq!(drops.load(Ordering::SeqCst), 3, "each message dropped exactly once");
    }
}
