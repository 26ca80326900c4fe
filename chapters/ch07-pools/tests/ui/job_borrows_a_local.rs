// Lesson: a pool's job must be `'static`: it cannot borrow the caller's data.
//
// A job may still be queued when the function that submitted it returns, so
// it may not borrow that function's locals. `execute` asks for
// `F: Send + 'static`. Move the data into the job (clone it, or share it with
// `Arc`), or use a scoped API such as `rayon::scope` or `std::thread::scope`,
// which waits for its tasks before returning and so may lend them locals.

use ch07_pools::thread_pool::ThreadPool;

fn main() {
    let pool = ThreadPool::new(2);
    let pages = vec!["a.html", "b.html"];
    pool.execute(|| println!("{} pages", pages.len()));
}
