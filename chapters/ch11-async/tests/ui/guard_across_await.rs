// Lesson: a std `MutexGuard` held across `.await` keeps a task off other threads.
//
// In asyncio, holding a `threading.Lock` across an `await` is legal, and it
// stalls the loop if another task wants the lock. tokio's multi-threaded
// runtime moves tasks between threads at each `.await`, so a spawned future
// must be `Send`; a `std::sync::MutexGuard` is not (it must be unlocked on
// the thread that locked it), and a future that holds one across `.await` is
// refused: "future cannot be sent between threads safely".
//
// The fixes: end the guard's scope before the `.await`, or use
// `tokio::sync::Mutex`, whose guard may be held across `.await`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let hits = Arc::new(Mutex::new(0));
    let task = tokio::spawn({
        let hits = Arc::clone(&hits);
        async move {
            let mut count = hits.lock().unwrap();
            tokio::time::sleep(Duration::from_millis(1)).await;
            *count += 1;
        }
    });
    task.await.unwrap();
}
