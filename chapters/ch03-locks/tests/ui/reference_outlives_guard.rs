// Lesson: data behind a lock can only be used while the lock is held.
//
// In Python nothing stops a thread from keeping a reference to shared data
// and reading it after `release()`, while another thread changes it. In Rust
// the data is reachable only through the guard that `lock()` returns, and a
// reference into it cannot outlive the guard: here the guard is dropped (and
// the lock released) at the end of the block, so the reference may not leave
// it. Keep the guard for as long as you use the data, or clone the value out.

use std::sync::Mutex;

fn main() {
    let names = Mutex::new(vec![String::from("ada")]);
    let first: &String = {
        let guard = names.lock().unwrap();
        &guard[0]
    };
    names.lock().unwrap().push(String::from("grace"));
    println!("{first}");
}
