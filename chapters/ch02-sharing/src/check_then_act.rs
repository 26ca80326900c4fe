//! Exercise `check_then_act` (S8): spot the bug: seats booked twice.
//!
//! "Python data is thread-safe because of the GIL" holds for one operation on
//! a built-in type: `taken[seat] = who` is atomic on the default build. It
//! does not hold for two: `if seat not in taken:` and then `taken[seat] = who`
//! are two steps, and another thread can run between them.
//!
//! [`Seats`] below was ported from such Python, with a `with lock:` around
//! every step. It compiles, it passes any test you run on one thread, and it
//! sells one seat to several buyers when they click at the same moment. The
//! graded build's `Mutex` (from the given `crate::sync`) lets another thread
//! run right after an unlock it was waiting for, so the tests see the bug on
//! every run rather than once a month at the box office.
//!
//! Your task: fix [`Seats::reserve`], [`Seats::cancel`] and
//! [`Seats::move_to`], so that each keeps the promise its comment makes
//! however many threads call it at once. The given `lock`, `holder` and
//! `booked` are right as they are.

use std::collections::HashMap;
use std::sync::PoisonError;

use crate::sync::{Mutex, MutexGuard};

/// The seats of one show: who holds which seat.
///
/// The field is a suggestion; change it as you like.
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
        // `with lock: free = seat not in taken`
        let free = !self.lock().contains_key(&seat);
        if free {
            // `with lock: taken[seat] = who`
            self.lock().insert(seat, who.to_owned());
        }
        free
    }
    // ANCHOR_END: reserve

    // ANCHOR: cancel
    /// Frees `seat` if `who` holds it, and says whether it did. Nobody else
    /// can cancel someone's seat, and two cancels of one booking free it once.
    pub fn cancel(&self, seat: u32, who: &str) -> bool {
        let theirs = self.holder(seat).as_deref() == Some(who);
        if theirs {
            self.lock().remove(&seat);
        }
        theirs
    }
    // ANCHOR_END: cancel

    // ANCHOR: move_to
    /// Moves `who` from seat `from` to seat `to`, if `who` holds `from` and
    /// `to` is free, and says whether it did; otherwise nothing changes. A
    /// move is one step: no other thread ever sees `who` in both seats, or in
    /// neither. (Moving to the seat one already holds is refused: it is not
    /// free.)
    pub fn move_to(&self, from: u32, to: u32, who: &str) -> bool {
        let allowed = self.holder(from).as_deref() == Some(who) && self.holder(to).is_none();
        if allowed {
            self.lock().remove(&from);
            self.lock().insert(to, who.to_owned());
        }
        allowed
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
