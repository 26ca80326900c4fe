// Lesson: a pool's job must be `Send`: an `Rc` cannot go along.
//
// A job runs on whichever worker takes it, so everything it captures moves to
// another thread. `ThreadPool::execute` asks for `F: Send + 'static`, and an
// `Rc` is not `Send` (its count is not atomic). Python's executors accept any
// callable; a race on a shared, non-thread-safe object is then your problem
// at run time. Use `Arc` for shared ownership across jobs.

use ch07_pools::thread_pool::ThreadPool;
use std::rc::Rc;

fn main() {
    let pool = ThreadPool::new(2);
    let config = Rc::new(String::from("retries=3"));
    pool.execute(move || println!("{config}"));
}
