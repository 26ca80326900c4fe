//! Exercise `lock_order` (R6): transfers that deadlock, and two ways out.
//!
//! A transfer locks two accounts. If one thread moves money from A to B while
//! another moves money from B to A, and each locks its `from` account first,
//! each can end up holding the lock the other is waiting for: a deadlock.
//! Fix one: lock in one global order (by account id), whatever the
//! direction. Fix two: take the second lock with a time limit, and when it
//! does not come, let go of the first, back off, and try again.
//!
//! Your task: `transfer` compiles and deadlocks; fix it. Then implement
//! [`transfer_with_backoff`].

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::thread;
use std::time::Duration;

use parking_lot::Mutex;

/// How long [`transfer_with_backoff`] waits for its second lock.
const PATIENCE: Duration = Duration::from_millis(2);
/// The longest pause between two attempts.
const MAX_BACKOFF: Duration = Duration::from_millis(8);

/// A bank account with an id and its own lock.
#[derive(Debug)]
pub struct Account {
    id: u32,
    balance: Mutex<i64>,
}

impl Account {
    /// Account `id` holding `balance`. Ids must be unique within a bank.
    pub fn new(id: u32, balance: i64) -> Self {
        Account {
            id,
            balance: Mutex::new(balance),
        }
    }

    /// The account's id.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// The balance now.
    pub fn balance(&self) -> i64 {
        *self.balance.lock()
    }
}

// ANCHOR: transfer
/// Moves `amount` from `from` to `to` while holding both locks. `between` is
/// called after the first lock is taken and before the second.
///
/// Two transfers in opposite directions must never deadlock. A transfer from
/// an account to itself changes nothing.
pub fn transfer(from: &Account, to: &Account, amount: i64, between: impl FnOnce()) {
    // TODO: this deadlocks when another thread transfers from `to` to `from`
    // at the same moment. Why? (And what happens when `from` is `to`?)
    let mut from_balance = from.balance.lock();
    between();
    let mut to_balance = to.balance.lock();
    *from_balance -= amount;
    *to_balance += amount;
}
// ANCHOR_END: transfer

// ANCHOR: transfer_with_backoff
/// Moves `amount` from `from` to `to`, locking `from` first and waiting only
/// a short while for `to` (`parking_lot::Mutex::try_lock_for`); if `to` stays
/// locked, lets go of `from`, backs off and tries again. `between` is called
/// after each first lock. Returns how many attempts it took (1 for a transfer
/// from an account to itself, which changes nothing).
pub fn transfer_with_backoff(from: &Account, to: &Account, amount: i64, between: impl Fn()) -> u32 {
    // TODO: back off for a time that differs between threads, or two
    // transfers may collide again and again.
    todo!("transfer with a time limit and back-off")
}
// ANCHOR_END: transfer_with_backoff
