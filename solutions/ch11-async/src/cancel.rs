//! Cancellation leaves nothing half done (E6).
//!
//! In asyncio, `Task.cancel()` raises `CancelledError` at the task's current
//! `await`, and `asyncio.timeout(s)` cancels the block it wraps when time
//! runs out; a `finally:` can tidy up. In Rust a future is cancelled by being
//! dropped: `tokio::time::timeout` drops it when time runs out, `select!`
//! drops the branches that lose, and the code after the `.await` it was
//! waiting at simply never runs. No exception, no `finally:`: only
//! destructors.
//!
//! So every `.await` is a place where the function may stop for good. A
//! change that takes two steps (take money from one account, add it to
//! another) must not have an `.await` between its steps.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::error::Elapsed;

/// The transfer asked for more than the account holds. (Given.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insufficient;

/// Account balances, shared by async tasks. (Given, apart from the two
/// transfer methods.)
#[derive(Debug)]
pub struct Ledger {
    balances: Mutex<Vec<u64>>,
}

/// How long the audit of one transfer takes. (Given.)
pub const AUDIT: Duration = Duration::from_secs(1);

/// The audit every transfer must pass before any money moves: it takes
/// [`AUDIT`] and approves every transfer of a non-zero amount between two
/// different accounts. (Given.)
pub async fn audit(from: usize, to: usize, amount: u64) -> bool {
    tokio::time::sleep(AUDIT).await;
    from != to && amount > 0
}

impl Ledger {
    /// A ledger with these opening balances. (Given.)
    pub fn new(balances: Vec<u64>) -> Self {
        Self {
            balances: Mutex::new(balances),
        }
    }

    /// The balances now. (Given.)
    pub async fn balances(&self) -> Vec<u64> {
        self.balances.lock().await.clone()
    }

    // ANCHOR: transfer
    /// Moves `amount` from account `from` to account `to`, once [`audit`]
    /// approves it. Returns `Ok(false)` if the audit refused it, and
    /// `Err(Insufficient)` if `from` holds less than `amount`; either way
    /// nothing moved. If the returned future is dropped before it finishes,
    /// nothing moved either: a transfer happens completely or not at all.
    pub async fn transfer(
        &self,
        from: usize,
        to: usize,
        amount: u64,
    ) -> Result<bool, Insufficient> {
        // Every `.await` comes before the first change: a transfer dropped
        // while it waits has changed nothing.
        if !audit(from, to, amount).await {
            return Ok(false);
        }
        let mut balances = self.balances.lock().await;
        // From here to the end there is no `.await`: both changes happen,
        // or (if `from` is short) neither.
        if balances[from] < amount {
            return Err(Insufficient);
        }
        balances[from] -= amount;
        balances[to] += amount;
        Ok(true)
    }
    // ANCHOR_END: transfer

    // ANCHOR: transfer_within
    /// [`Ledger::transfer`], given up if it has not finished within `limit`;
    /// then nothing moved.
    pub async fn transfer_within(
        &self,
        from: usize,
        to: usize,
        amount: u64,
        limit: Duration,
    ) -> Result<Result<bool, Insufficient>, Elapsed> {
        tokio::time::timeout(limit, self.transfer(from, to, amount)).await
    }
    // ANCHOR_END: transfer_within
}
