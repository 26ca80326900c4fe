//! Exercise `withdraw_waits` (C1): a withdrawal that waits for the money.
//!
//! Five threads deposit and five withdraw. A withdrawal larger than the
//! balance does not fail and does not spin: it sleeps on a condition
//! variable until a deposit wakes it, checks again, and goes ahead once the
//! balance covers it.

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

    // ANCHOR: deposit
    /// Adds `amount` and wakes the waiting withdrawals.
    pub fn deposit(&self, amount: i64) {
        let mut state = self.state();
        state.balance += amount;
        let balance = state.balance;
        state.log.push(Event::Deposited { amount, balance });
        drop(state);
        // All of them: the deposit may cover a small withdrawal but not the
        // one that has waited longest, and only they can tell.
        self.funds_arrived.notify_all();
    }
    // ANCHOR_END: deposit

    // ANCHOR: withdraw
    /// Takes `amount` out, waiting first until the balance covers it.
    pub fn withdraw(&self, amount: i64) {
        let mut state = self.state();
        if state.balance < amount {
            state.log.push(Event::Waiting { amount });
            state.waiting += 1;
            // wait_while re-checks the condition after every wake-up, so a
            // wake-up that brought too little money, or none, waits again.
            state = self
                .funds_arrived
                .wait_while(state, |state| state.balance < amount)
                .unwrap_or_else(PoisonError::into_inner);
            state.waiting -= 1;
        }
        state.balance -= amount;
        let balance = state.balance;
        state.log.push(Event::Withdrew { amount, balance });
    }
    // ANCHOR_END: withdraw

    /// The balance now.
    pub fn balance(&self) -> i64 {
        self.state().balance
    }

    /// How many withdrawals are waiting for money now.
    pub fn waiting(&self) -> usize {
        self.state().waiting
    }

    /// Everything that happened, in order.
    pub fn log(&self) -> Vec<Event> {
        self.state().log.clone()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Every change to State is made whole before any call that could
        // panic, so a poisoned lock still guards consistent data.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
