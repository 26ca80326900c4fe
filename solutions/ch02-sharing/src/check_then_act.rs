//! Exercise `check_then_act` (S8): spot the bug: seats booked twice.
//!
//! "Python data is thread-safe because of the GIL" holds for one operation on
//! a built-in type: `taken[seat] = who` is atomic on the default build. It
//! does not hold for two: `if seat not in taken:` and then `taken[seat] = who`
//! are two steps, and another thread can run between them. Wrapping each step
//! in its own `with lock:` does not help either; the lock must cover the check
//! *and* the act. The starter made exactly that mistake: it checks under one
//! lock, lets go, and acts under a second one, so two buyers can both find a
//! seat free and both be told it is theirs. The fix is one guard for the
//! whole decision, here through `HashMap`'s `entry` API where it fits.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::PoisonError;

use crate::sync::{Mutex, MutexGuard};

/// The seats of one show: who holds which seat.
#[derive(Debug, Default)]
pub struct Seats {
    taken: Mutex<HashMap<u32, String>>,
}

impl Seats {
    /// A show with every seat free.
    pub fn new() -> Self {
        Self::default()
    }

    /// The lock on the seat map. (Given.)
    ///
    /// No change of the map here can panic halfway through, so a poisoned
    /// lock (a holder panicked) still guards a sound map: poisoning is safe
    /// to ignore.
    fn lock(&self) -> MutexGuard<'_, HashMap<u32, String>> {
        self.taken.lock().unwrap_or_else(PoisonError::into_inner)
    }

    // ANCHOR: reserve
    /// Books `seat` for `who` if it is free, and says whether it did. However
    /// many threads try for one seat at once, exactly one is told `true`.
    pub fn reserve(&self, seat: u32, who: &str) -> bool {
        // One guard, one decision: the check (`entry`) and the act (`insert`)
        // happen with no unlock between them.
        match self.lock().entry(seat) {
            Entry::Occupied(_) => false,
            Entry::Vacant(free) => {
                free.insert(who.to_owned());
                true
            }
        }
    }
    // ANCHOR_END: reserve

    // ANCHOR: cancel
    /// Frees `seat` if `who` holds it, and says whether it did. Nobody else
    /// can cancel someone's seat, and two cancels of one booking free it once.
    pub fn cancel(&self, seat: u32, who: &str) -> bool {
        let mut taken = self.lock();
        if taken.get(&seat).is_some_and(|holder| holder == who) {
            taken.remove(&seat);
            true
        } else {
            false
        }
    }
    // ANCHOR_END: cancel

    // ANCHOR: move_to
    /// Moves `who` from seat `from` to seat `to`, if `who` holds `from` and
    /// `to` is free, and says whether it did; otherwise nothing changes. A
    /// move is one step: no other thread ever sees `who` in both seats, or in
    /// neither. (Moving to the seat one already holds is refused: it is not
    /// free.)
    pub fn move_to(&self, from: u32, to: u32, who: &str) -> bool {
        let mut taken = self.lock();
        let holds_from = taken.get(&from).is_some_and(|holder| holder == who);
        if !holds_from || taken.contains_key(&to) {
            return false;
        }
        let holder = taken
            .remove(&from)
            .expect("checked above, under the same guard");
        taken.insert(to, holder);
        true
    }
    // ANCHOR_END: move_to

    /// Who holds `seat`, if anyone. (Given.)
    pub fn holder(&self, seat: u32) -> Option<String> {
        self.lock().get(&seat).cloned()
    }

    /// Every booking, sorted by seat. (Given.)
    pub fn booked(&self) -> Vec<(u32, String)> {
        let mut booked: Vec<_> = self
            .lock()
            .iter()
            .map(|(&seat, who)| (seat, who.clone()))
            .collect();
        booked.sort_unstable();
        booked
    }
}
