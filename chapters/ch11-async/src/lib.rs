//! Chapter 11: async and threads (your code).
//!
//! Every module is one exercise; the chapter's tests in
//! `chapters/ch11-async/tests/` grade this crate and the learner's alike, on
//! tokio's paused clock wherever time matters.
//!
//! - [`many_waits`]: ten thousand waits on one thread; a future does nothing until polled (E1, E2).
//! - [`blocking`]: a blocking call moved off the runtime's thread (E3).
//! - [`structured`]: all the jobs or the first error, the others cancelled (E4).
//! - [`limit`]: at most N requests in flight (E5).
//! - [`cancel`]: timeouts and cancellation by drop, with nothing left half done (E6).
//! - [`bridge`]: a bounded async stage between ordinary threads, with back-pressure (E7).

pub mod blocking;
pub mod bridge;
pub mod cancel;
pub mod limit;
pub mod many_waits;
pub mod structured;
