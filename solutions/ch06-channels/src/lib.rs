//! Chapter 6: channels and message passing (reference solution).
//!
//! Every module is one exercise; the chapter's tests in
//! `chapters/ch06-channels/tests/` grade this crate and the learner's alike.
//!
//! Using channels
//! - [`no_sentinel`]: producers and a consumer that stop by hanging up, not by a sentinel (M1, M2).
//! - [`back_pressure`]: three stages joined by bounded channels; the slowest sets the pace (M3, M5).
//! - [`fan_out_in`]: several workers on one queue, results back in input order (M4).
//! - [`select_loop`]: waiting on jobs, a ticker and a deadline at once (M6).
//!
//! Channels, built by hand
//! - [`hand_built`]: a one-shot channel and a blocking multi-producer channel on a `Mutex` and a `Condvar`, closed from either end (M7).

pub mod back_pressure;
pub mod fan_out_in;
pub mod hand_built;
pub mod no_sentinel;
pub mod select_loop;
mod sync;
