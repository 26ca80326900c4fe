//! Exercise `lock_order` (R6): transfers that deadlock, and two ways out.
//!
//! A transfer locks two accounts. If one thread moves money from A to B while
//! another moves money from B to A, and each locks its `from` account first,
//! each can end up holding the lock the other is waiting for: a deadlock.
//! Fix one: lock in one global order (by account id), whatever the
//! direction. Fix two: take the second lock with a time limit, and when it
//! does not come, let go of the first, back off, and try again.

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
/// The account with the lower id is always locked first, so two transfers in
/// opposite directions ask for the locks in the same order and cannot each
/// hold what the other needs. A transfer from an account to itself changes
/// nothing and takes no lock (locking it twice would deadlock).
pub fn transfer(from: &Account, to: &Account, amount: i64, between: impl FnOnce()) {
    if from.id == to.id {
        return;
    }
    let (first, second) = if from.id < to.id {
        (from, to)
    } else {
        (to, from)
    };
    let mut first_balance = first.balance.lock();
    between();
    let mut second_balance = second.balance.lock();
    let (from_balance, to_balance) = if from.id < to.id {
        (&mut *first_balance, &mut *second_balance)
    } else {
        (&mut *second_balance, &mut *first_balance)
    };
    *from_balance -= amount;
    *to_balance += amount;
}
// ANCHOR_END: transfer

// ANCHOR: transfer_with_backoff
/// Moves `amount` from `from` to `to`, locking `from` first and waiting only
/// a short while for `to`; if `to` stays locked, lets go of `from`, backs off
/// and tries again. `between` is called after each first lock. Returns how
/// many attempts it took.
pub fn transfer_with_backoff(from: &Account, to: &Account, amount: i64, between: impl Fn()) -> u32 {
    if from.id == to.id {
        return 1;
    }
    let jitter = RandomState::new();
    let mut backoff = Duration::from_micros(100);
    for attempt in 1.. {
        let mut from_balance = from.balance.lock();
        between();
        if let Some(mut to_balance) = to.balance.try_lock_for(PATIENCE) {
            *from_balance -= amount;
            *to_balance += amount;
            return attempt;
        }
        // Let go of what we hold, so the other transfer can finish...
        drop(from_balance);
        // ...and wait a random part of the back-off, so two transfers that
        // collided do not retry in lockstep and collide forever.
        let micros = backoff.as_micros() as u64;
        thread::sleep(Duration::from_micros(
            micros / 2 + jitter.hash_one(attempt) % micros,
        ));
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
    unreachable!("the attempts ran out")
}
// ANCHOR_END: transfer_with_backoff
