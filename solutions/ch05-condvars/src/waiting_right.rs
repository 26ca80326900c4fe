//! Exercise `waiting_right` (C2): wait in a loop, and wake everyone who might
//! care.
//!
//! A board of posted numbers; each taker waits for a number it wants (an even
//! one, say) and takes it. Two mistakes make this go wrong, and both pass a
//! casual test:
//!
//! - Waiting once (`if`) instead of in a loop. A wake-up is only a hint: it
//!   may be spurious, or another taker may have taken the number first (a
//!   stolen wake-up). `Condvar::wait_while` loops for you.
//! - `notify_one` when takers wait for different things. The one woken may
//!   not want the new number and goes back to sleep, while the one who wanted
//!   it sleeps on: a lost wake-up. `notify_all` wakes them all to check.

use std::sync::PoisonError;

use crate::sync::{Condvar, Mutex, MutexGuard};

/// Numbers posted for takers that wait for the ones they want.
#[derive(Debug, Default)]
pub struct Board {
    state: Mutex<BoardState>,
    posted: Condvar,
}

#[derive(Debug, Default)]
struct BoardState {
    numbers: Vec<u32>,
    waiting: usize,
}

impl Board {
    /// An empty board.
    pub fn new() -> Self {
        Self::default()
    }

    // ANCHOR: post
    /// Posts `number` and wakes every taker to see whether it wants it.
    pub fn post(&self, number: u32) {
        self.state().numbers.push(number);
        self.posted.notify_all();
    }
    // ANCHOR_END: post

    // ANCHOR: take
    /// Waits until a number for which `wanted` is true is on the board, then
    /// removes it and returns it.
    pub fn take(&self, wanted: impl Fn(u32) -> bool) -> u32 {
        let mut state = self.state();
        state.waiting += 1;
        let mut state = self
            .posted
            .wait_while(state, |state| !state.numbers.iter().any(|&n| wanted(n)))
            .unwrap_or_else(PoisonError::into_inner);
        state.waiting -= 1;
        let at = state
            .numbers
            .iter()
            .position(|&n| wanted(n))
            .expect("wait_while returns only when a wanted number is posted");
        state.numbers.remove(at)
    }
    // ANCHOR_END: take

    /// Wakes every waiting taker without posting anything: what a spurious
    /// wake-up looks like to them. (Given.)
    pub fn nudge(&self) {
        self.posted.notify_all();
    }

    /// How many takers are waiting now.
    pub fn waiting(&self) -> usize {
        self.state().waiting
    }

    fn state(&self) -> MutexGuard<'_, BoardState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
