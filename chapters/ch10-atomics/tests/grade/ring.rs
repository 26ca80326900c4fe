//! Tests for `ring`: first in, first out; a full ring gives the value back;
//! twenty thousand values cross between threads in order with nothing lost
//! or repeated; what is left is dropped with the ring; and under loom, that
//! the two ends never touch a slot at once.

use ch10_atomics::ring::ring;

#[cfg(not(feature = "loom"))]
grading::graded! {
    fn push_and_pop_on_one_thread() {
        let (mut producer, mut consumer) = ring::<u32>(2);
        let mut script = Vec::new();
        script.push(format!("pop() -> {:?}", consumer.pop()));
        for value in [1, 2, 3] {
            script.push(format!("push({value}) -> {:?}", producer.push(value)));
        }
        script.push(format!("pop() -> {:?}", consumer.pop()));
        script.push(format!("push(4) -> {:?}", producer.push(4)));
        for _ in 0..3 {
            script.push(format!("pop() -> {:?}", consumer.pop()));
        }
        insta::assert_snapshot!("ring_script", script.join("\n"));
    }

    fn a_capacity_of_one_holds_one_value_at_a_time() {
        let (mut producer, mut consumer) = ring(1);
        for round in 0..10 {
            assert_eq!(producer.push(round), Ok(()), "an empty ring of one takes a value");
            assert_eq!(producer.push(99), Err(99), "a full ring of one gives the value back");
            assert_eq!(consumer.pop(), Some(round), "the one value comes out again");
            assert_eq!(consumer.pop(), None, "a ring of one is empty after one pop");
        }
    }

    fn twenty_thousand_values_cross_threads_in_order() {
        const COUNT: u64 = 20_000;
        let (mut producer, mut consumer) = ring(16);
        let sender = std::thread::spawn(move || {
            for value in 0..COUNT {
                let mut pending = value;
                while let Err(back) = producer.push(pending) {
                    pending = back;
                    // Full: give the consumer the processor (a yield is not
                    // enough when another program keeps the other core).
                    std::thread::sleep(std::time::Duration::from_micros(20));
                }
            }
        });
        let mut expected = 0;
        while expected < COUNT {
            match consumer.pop() {
                Some(value) => {
                    assert_eq!(value, expected, "values came out of order, or one was lost or repeated");
                    expected += 1;
                }
                None => std::thread::sleep(std::time::Duration::from_micros(20)),
            }
        }
        sender.join().unwrap();
        assert_eq!(consumer.pop(), None, "a value came out that was never pushed");
    }

    fn values_left_in_the_ring_are_dropped_once_with_it() {
        let drops = crate::Drops::default();
        let (mut producer, mut consumer) = ring(4);
        for id in 0..3 {
            producer.push(drops.value(id)).unwrap();
        }
        let refused = {
            producer.push(drops.value(3)).unwrap();
            producer.push(drops.value(4)).expect_err("the ring is full")
        };
        assert_eq!(refused.0, 4, "the refused value comes back");
        drop(refused);
        let first = consumer.pop().expect("there are four values");
        assert_eq!(first.0, 0, "the oldest value comes out first");
        assert_eq!(drops.count(), 1, "only the refused value is dropped so far");
        drop(first);
        drop(producer);
        assert_eq!(drops.count(), 2, "the consumer's end still holds the ring");
        drop(consumer);
        assert_eq!(drops.count(), 5, "the three values still in the ring are dropped with it, once each");
    }

    #[should_panic(expected = "at least one")]
    fn a_capacity_of_zero_is_refused_with_a_message() {
        let _ = ring::<u8>(0);
    }
}

#[cfg(feature = "loom")]
grading::graded! {
    fn loom_values_cross_in_order_and_no_slot_is_shared() {
        crate::model("three values through a ring of one, producer and consumer on two threads", || {
            use ch10_atomics::sync::{hint, thread};
            let (mut producer, mut consumer) = ring(1);
            let sender = thread::spawn(move || {
                for value in 0..3_u64 {
                    let mut pending = value;
                    while let Err(back) = producer.push(pending) {
                        pending = back;
                        hint::spin_loop();
                    }
                }
            });
            for expected in 0..3 {
                let value = loop {
                    if let Some(value) = consumer.pop() {
                        break value;
                    }
                    hint::spin_loop();
                };
                assert_eq!(value, expected, "a value came out of order, or was lost");
            }
            sender.join().unwrap();
        });
    }
}
