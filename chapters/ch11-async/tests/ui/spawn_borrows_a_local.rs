// Lesson: a spawned task cannot borrow the caller's locals.
//
// `asyncio.create_task(worker(items))` passes a reference to the list, and
// the garbage collector keeps it alive for as long as the task needs it.
// `tokio::spawn` may run the task after the function that spawned it has
// returned, so the task must own what it uses: the future must be `'static`,
// and one that borrows a local is refused (E0373). Move the value
// in (`async move`), or share it with an `Arc`.

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let items = vec![1, 2, 3];
    let task = tokio::spawn(async {
        items.iter().sum::<i32>()
    });
    println!("{}", task.await.unwrap());
}
