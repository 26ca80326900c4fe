// Lesson: code that runs without the GIL cannot use the guard.
//
// In a C extension, nothing stops code between Py_BEGIN_ALLOW_THREADS and
// Py_END_ALLOW_THREADS from touching Python objects; it only crashes, now and
// then, in production. Here `allow_threads` borrows the guard mutably for the
// whole call, so the closure cannot borrow it too: the compiler refuses the
// tick below, which would run "bytecode" while another thread may hold the
// lock. Do the blocking work in the closure, and the rest after it returns.

use ch09_gil::gil::Gil;
use std::time::Duration;

fn main() {
    let gil = Gil::new(Duration::from_millis(5));
    let mut guard = gil.acquire();
    guard.allow_threads(|| {
        std::thread::sleep(Duration::from_millis(10));
        guard.tick();
    });
}
