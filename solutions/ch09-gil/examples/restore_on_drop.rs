//! Undo in `Drop`, so that a panic cannot skip it: a book example for
//! chapter 9's "Letting go around blocking calls".
//!
//! `with_context` puts a name on this thread's stack of what it is doing,
//! runs a closure, and takes the name off again. The taking off is the `Drop`
//! of a small value, so it runs however the closure ends: by returning, or
//! by a panic that unwinds through `with_context` on its way to whoever
//! catches it.
//!
//! Run it with `cargo run -p ch09-gil-solution --example restore_on_drop`.

use std::cell::RefCell;
use std::panic;

thread_local! {
    /// What this thread is doing, outermost first.
    static CONTEXT: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

// ANCHOR: restore
/// Runs `f` with `name` on top of this thread's context, and takes it off
/// again afterwards, whether `f` returns or panics.
fn with_context<R>(name: &'static str, f: impl FnOnce() -> R) -> R {
    CONTEXT.with_borrow_mut(|names| names.push(name));
    // Dropped on the way out, by a return or by an unwinding panic.
    let _pop = Pop;
    f()
}

/// Takes the top name off the context when dropped.
struct Pop;

impl Drop for Pop {
    fn drop(&mut self) {
        CONTEXT.with_borrow_mut(|names| names.pop());
    }
}
// ANCHOR_END: restore

fn context() -> String {
    CONTEXT.with_borrow(|names| names.join(" > "))
}

fn main() {
    with_context("loading", || {
        with_context("parsing", || println!("inside: {}", context()));
    });
    println!("after returning: {:?}", context());

    // The panic is reported below; keep the default hook quiet.
    panic::set_hook(Box::new(|_| {}));
    let caught = panic::catch_unwind(|| with_context("failing", || panic!("bad input"))).is_err();
    println!("after a panic (caught: {caught}): {:?}", context());
}
