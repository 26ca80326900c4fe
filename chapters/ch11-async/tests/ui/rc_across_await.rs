// Lesson: a value that may not cross threads cannot be held across `.await`
// in a spawned task.
//
// Python objects go wherever a coroutine goes. In Rust, everything a future
// keeps alive across an `.await` becomes part of the future, and a future
// given to `tokio::spawn` must be `Send`. An `Rc` is not (its count is not
// atomic), so a task that holds one across an `.await` is refused ("future
// cannot be sent between threads safely").
// Drop it before the `.await`, or use an `Arc`.

use std::rc::Rc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let task = tokio::spawn(async {
        let name = Rc::new(String::from("job"));
        tokio::task::yield_now().await;
        println!("{name} done");
    });
    task.await.unwrap();
}
