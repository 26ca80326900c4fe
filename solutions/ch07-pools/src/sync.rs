//! The channel, threads, locks and condition variables of this chapter. (Given: the same file
//! in your crate and in the solution.)
//!
//! Use these rather than `std::sync`'s: they have std's API and are std
//! underneath. When the chapter is graded (the `grading` feature, on by
//! default, so `cargo test` and `cargo xtask check` use it) they come from
//! `grading::sync`, which makes rare events happen on every run: a wait on a
//! `Condvar` first returns without a notification (a spurious wake-up, which
//! std's documentation allows), another thread gets to run right after an
//! unlock, and the tests can count locks, waits and notifications. Code that
//! waits correctly passes either way. The `shuttle` feature swaps in
//! shuttle's primitives for the model checks of the solution
//! (`cargo xtask model`); under it, crossbeam's channel is rebuilt on
//! shuttle's.

#[cfg(not(feature = "shuttle"))]
pub(crate) use crossbeam_channel::{Receiver, Sender, unbounded};
#[cfg(all(feature = "grading", not(feature = "shuttle")))]
pub(crate) use grading::sync::{Condvar, Mutex, MutexGuard};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::sync::Arc;
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::sync::atomic::{AtomicUsize, Ordering};
#[cfg(not(any(feature = "grading", feature = "shuttle")))]
pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(feature = "shuttle"))]
pub(crate) use std::thread::{self, JoinHandle};

#[cfg(feature = "shuttle")]
pub(crate) use model::{Receiver, Sender, unbounded};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::Arc;
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::sync::atomic::{AtomicUsize, Ordering};
#[cfg(feature = "shuttle")]
pub(crate) use shuttle::thread::{self, JoinHandle};

/// crossbeam's multi-consumer channel, rebuilt on shuttle's one-consumer
/// `mpsc`: the workers share the receiving end behind a mutex.
#[cfg(feature = "shuttle")]
mod model {
    use shuttle::sync::mpsc::{self, SendError};
    use shuttle::sync::{Arc, Mutex};

    pub struct Sender<T>(mpsc::Sender<T>);

    pub struct Receiver<T>(Arc<Mutex<mpsc::Receiver<T>>>);

    impl<T> Clone for Receiver<T> {
        fn clone(&self) -> Self {
            Receiver(Arc::clone(&self.0))
        }
    }

    impl<T> std::fmt::Debug for Sender<T> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("Sender")
        }
    }

    pub fn unbounded<T>() -> (Sender<T>, Receiver<T>) {
        let (sender, receiver) = mpsc::channel();
        (Sender(sender), Receiver(Arc::new(Mutex::new(receiver))))
    }

    impl<T> Sender<T> {
        pub fn send(&self, message: T) -> Result<(), SendError<T>> {
            self.0.send(message)
        }
    }

    impl<T> Receiver<T> {
        /// Messages until the channel is closed and empty, like crossbeam's.
        pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
            std::iter::from_fn(move || self.0.lock().unwrap().recv().ok())
        }
    }
}
