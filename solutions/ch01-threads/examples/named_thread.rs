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
    // The arguments.
    let greeting = String::from("hello");
    let times = 3;

    // `move` takes them into the closure: the thread owns them, and `main`
    // keeps nothing the thread could race on.
    let shout = move || {
        let me = thread::current();
        let name = me.name().unwrap_or("a thread without a name");
        format!("{name} says {}", greeting.to_uppercase().repeat(times))
    };

    // `thread::spawn` cannot name a thread; a `Builder` can. Its `spawn`
    // returns an `io::Result`, because the operating system may refuse.
    let shouter = thread::Builder::new()
        .name("shouter".to_owned())
        .spawn(shout)?;

    // `join` gives the closure's return value, or the panic if it panicked.
    let said = shouter.join().expect("the shouter panicked");
    println!("{said}");
    println!("and main is called {:?}", thread::current().name());
    Ok(())
}
// ANCHOR_END: named_thread
