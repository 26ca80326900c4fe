//! A future does nothing until it is polled.
//!
//! Calling an `async fn` builds a future and returns it; none of the body
//! runs. `.await` (or a runtime, after `tokio::spawn`) polls it, and only then
//! does the body start. A future that nobody polls never runs at all, which
//! is why the compiler warns about an unused one.
//!
//! Run with `cargo run -p ch11-async-solution --example lazy_future`.

// ANCHOR: lazy
async fn greet(name: &str) -> String {
    println!("  greet({name}) is running");
    format!("hello, {name}")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("calling greet(\"ada\")");
    let future = greet("ada");
    println!("called it; nothing has run yet");
    let greeting = future.await;
    println!("awaited it: {greeting}");
    // Built and dropped without being polled: its body never runs.
    drop(greet("never"));
    println!("dropped greet(\"never\") unpolled");
}
// ANCHOR_END: lazy
