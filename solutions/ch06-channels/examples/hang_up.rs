//! Three producers, one consumer, no sentinel: the consumer's loop ends when
//! the last sender is dropped; then a send to a dropped receiver gets its
//! message back. Run: `cargo run -p ch06-channels-solution --example hang_up`.

use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: hang_up
    let (sender, receiver) = mpsc::channel::<String>();
    for producer in 0..3 {
        let sender = sender.clone();
        thread::spawn(move || {
            for n in 0..4 {
                sender
                    .send(format!("producer {producer}, message {n}"))
                    .unwrap();
            }
            // `sender` is dropped here, when the thread ends.
        });
    }
    // Ours too: otherwise the loop below would wait for it for ever.
    drop(sender);
    let mut received = 0;
    for _message in receiver {
        received += 1;
    }
    println!("received {received} messages from 3 producers");
    println!("the receiver's loop ended by itself");
    // ANCHOR_END: hang_up

    // ANCHOR: refused
    let (sender, receiver) = mpsc::channel::<String>();
    drop(receiver);
    match sender.send("late".to_string()) {
        Ok(()) => println!("sent"),
        Err(refused) => println!(
            "send to a dropped receiver failed; the message came back: {}",
            refused.0
        ),
    }
    // ANCHOR_END: refused
}
