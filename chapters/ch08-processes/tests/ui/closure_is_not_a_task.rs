// Lesson: only plain functions can be tasks for another process.
//
// Python's multiprocessing pickles a function by its name, so a lambda or a
// nested function that closed over local variables fails at run time with a
// pickling error. Rust says so at compile time: `Registry::register` takes a
// function pointer, `fn(I) -> O`, and a closure coerces to one only if it
// captures nothing. A worker process could not receive the captured
// `offset` anyway; pass it as part of the task's input instead.

use ch08_processes::protocol::Registry;

fn main() {
    let offset = 10u64;
    let mut registry = Registry::new();
    registry.register("add_offset", move |x: u64| x + offset);
}
