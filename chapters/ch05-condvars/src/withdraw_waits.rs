//! Exercise `withdraw_waits` (C1): a withdrawal that waits for the money.
//!
//! Five threads deposit and five withdraw. A withdrawal larger than the
//! balance does not fail and does not spin: it sleeps on a condition
//! variable until a deposit wakes it, checks again, and goes ahead once the
//! balance covers it.
//!
//! Your task: implement the methods of [`Account`]. Keep the log as you go:
//! the tests read it to see the withdrawal wait.
//!
//! The `Mutex` and `Condvar` come from the given `crate::sync`: std's, whose
//! waits graded builds make wake up spuriously on purpose, every time. A
//! wait that checks its condition again after waking passes either way.

use std::sync::PoisonError;

use crate::sync::{Condvar, Mutex, MutexGuard};

/// One line of the account's log, written under its lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// `amount` came in; the balance became `balance`.
    Deposited { amount: i64, balance: i64 },
    /// A withdrawal of `amount` found too little money and started waiting:
    /// logged once per withdrawal that waits, however often it wakes before
    /// the money is there.
    Waiting { amount: i64 },
    /// `amount` went out; the balance became `balance`.
    Withdrew { amount: i64, balance: i64 },
}

/// An account whose withdrawals wait for deposits.
#[derive(Debug, Default)]
pub struct Account {
    state: Mutex<State>,
    funds_arrived: Condvar,
}

#[derive(Debug, Default)]
struct State {
    balance: i64,
    waiting: usize,
    log: Vec<Event>,
}

impl Account {
    /// An account holding `opening`.
    pub fn new(opening: i64) -> Self {
        Account {
            state: Mutex::new(State {
                balance: opening,
                ..State::default()
            }),
            funds_arrived: Condvar::new(),
        }
    }

    /// Adds `amount` and wakes the waiting withdrawals.
    pub fn deposit(&self, amount: i64) {
        // TODO
        todo!("deposit and wake the waiting withdrawals")
    }

    /// Takes `amount` out, waiting first until the balance covers it.
    pub fn withdraw(&self, amount: i64) {
        // TODO
        todo!("wait until the balance covers it, then withdraw")
    }

    /// The balance now.
    pub fn balance(&self) -> i64 {
        // TODO
        todo!("read the balance")
    }

    /// How many withdrawals are waiting for money now.
    pub fn waiting(&self) -> usize {
        // TODO
        todo!("count the waiting withdrawals")
    }

    /// Everything that happened, in order.
    pub fn log(&self) -> Vec<Event> {
        // TODO
        todo!("copy the log")
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Every change to State is made whole before any call that could
        // panic, so a poisoned lock still guards consistent data.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
