//! A thread that gets its arguments by `move`, a name from
//! `thread::Builder`, and gives its result back through `join`.
//!
//! A book example for chapter 1 ("Arguments, names and results"); it solves
//! none of the exercises. Run it with
//! `cargo run -p ch01-threads-solution --example named_thread`.

use std::io;
use std::thread;

// ANCHOR: named_thread
fn main() -> io::Result<()> {
    // The arguments: what `args=` would carry in Python.
    let station = String::from("the roof");
    let readings = [28.5, 31.0, 29.9, 33.2];
    let limit = 30.0;

    // `move` takes them into the closure: the thread owns them, and `main`
    // keeps nothing the thread could race on.
    let count_hot = move || {
        let me = thread::current();
        let name = me.name().unwrap_or("a thread without a name");
        let hot = readings.iter().filter(|&&r| r > limit).count();
        format!("{name} counted {hot} readings over {limit} on {station}")
    };

    // `thread::spawn` cannot name a thread; a `Builder` can. Its `spawn`
    // returns an `io::Result`, because the operating system may refuse.
    let thermometer = thread::Builder::new()
        .name("thermometer".to_owned())
        .spawn(count_hot)?;

    // `join` gives the closure's return value, or the panic if it panicked.
    let report = thermometer.join().expect("the thermometer panicked");
    println!("{report}");
    println!("and main is called {:?}", thread::current().name());
    Ok(())
}
// ANCHOR_END: named_thread
