//! `std`'s `Mutex` and `Condvar`, provoking what real threads do rarely.
//!
//! A chapter whose exercises lock or wait gives the learner a small `sync`
//! module. In a normal build it re-exports `std::sync`'s types; in a grading
//! build (the chapter's `grading` feature, on by default, so `cargo test` and
//! every `cargo xtask` command grade with it) it re-exports these. They have
//! std's API and are std underneath, and they do three things on purpose:
//!
//! - **Spurious wake-ups, every time.** The first wait of every logical wait
//!   returns at once, without a notification, as std's documentation allows
//!   any wait to do. A wait is the *first* when its guard did not come back
//!   from a made-up wake-up: a `while` loop passes the same guard straight
//!   back and then really waits; code that waits once with `if` goes on with
//!   the condition still false, in every run. Timed waits do the same and
//!   report that they did not time out.
//! - **Room to steal a wake-up.** After a notification that woke a thread,
//!   the notifying thread yields as soon as it holds no lock (about every
//!   other time at first, then now and then), so a third thread can take the state
//!   that the woken one was waiting for; the other times it runs straight on
//!   and may take it back itself. An unlock that another thread is blocked
//!   on yields too (often at first, then now and then, so hot loops stay
//!   fast), which lets work written after an unlock interleave with others.
//! - **Counters** a test can read to see *how* the code waited: locks taken,
//!   waits, made-up wake-ups, notifications. [`counted`] attributes the
//!   primitives created inside it to one [`Counts`].
//!
//! [`early_wakeups`] goes further for timed waits, on one thread: each is cut
//! short at half its time. Code that keeps one deadline ends on time; code
//! that starts the whole timeout again after every wake-up never does.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LockResult, PoisonError, TryLockError, TryLockResult};
use std::thread;
use std::time::{Duration, Instant};

thread_local! {
    /// Where primitives created on this thread count their operations.
    static RECORDER: RefCell<Option<Counts>> = const { RefCell::new(None) };
    /// Guards of this module held by this thread.
    static HELD: Cell<usize> = const { Cell::new(0) };
    /// This thread notified while holding a guard; yield when it holds none.
    static NOTIFIED: Cell<bool> = const { Cell::new(false) };
    /// Inside [`early_wakeups`]: timed waits are cut short.
    static EARLY: Cell<bool> = const { Cell::new(false) };
}

/// Unlocks that another thread is blocked on (per mutex) that yield every
/// time, and notifications that wake a thread (per condition variable, twice
/// as many) that yield every other time; after that, one in
/// [`YIELD_EVERY`]: on a busy core a yield can cost a whole scheduler slice,
/// and a queue hands items over many thousand times.
const YIELD_FIRST: usize = 256;
const YIELD_EVERY: usize = 32;
/// Under [`early_wakeups`], timed waits shorter than this are not cut.
const SHORTEST_CUT: Duration = Duration::from_millis(2);

/// Operations counted on the primitives created inside one [`counted`] call.
///
/// Cloning gives another handle on the same counts.
#[derive(Clone, Default)]
pub struct Counts(Arc<CountsInner>);

#[derive(Default)]
struct CountsInner {
    locks: AtomicUsize,
    contended: AtomicUsize,
    waits: AtomicUsize,
    timed_waits: AtomicUsize,
    made_up: AtomicUsize,
    notify_one: AtomicUsize,
    notify_all: AtomicUsize,
}

impl Counts {
    /// Locks taken with `lock` or a successful `try_lock` (not the re-locks
    /// inside a wait).
    pub fn locks(&self) -> usize {
        self.0.locks.load(Ordering::Relaxed)
    }

    /// Of [`locks`](Self::locks), those that found the mutex held and waited.
    pub fn contended(&self) -> usize {
        self.0.contended.load(Ordering::Relaxed)
    }

    /// Calls to a condition variable's waits, timed or not, counting each
    /// round of a `wait_while` loop.
    pub fn waits(&self) -> usize {
        self.0.waits.load(Ordering::Relaxed)
    }

    /// Of [`waits`](Self::waits), the timed ones.
    pub fn timed_waits(&self) -> usize {
        self.0.timed_waits.load(Ordering::Relaxed)
    }

    /// Wake-ups this module made up (no notification came).
    pub fn made_up_wakeups(&self) -> usize {
        self.0.made_up.load(Ordering::Relaxed)
    }

    /// Calls to `notify_one`.
    pub fn notify_one_calls(&self) -> usize {
        self.0.notify_one.load(Ordering::Relaxed)
    }

    /// Calls to `notify_all`.
    pub fn notify_all_calls(&self) -> usize {
        self.0.notify_all.load(Ordering::Relaxed)
    }

    /// Calls to either notification.
    pub fn notifications(&self) -> usize {
        self.notify_one_calls() + self.notify_all_calls()
    }
}

impl fmt::Debug for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Counts")
            .field("locks", &self.locks())
            .field("contended", &self.contended())
            .field("waits", &self.waits())
            .field("timed_waits", &self.timed_waits())
            .field("made_up_wakeups", &self.made_up_wakeups())
            .field("notify_one_calls", &self.notify_one_calls())
            .field("notify_all_calls", &self.notify_all_calls())
            .finish()
    }
}

/// Runs `make` and counts, from then on, the operations on every [`Mutex`]
/// and [`Condvar`] it creates on this thread (those inside the value it
/// builds, typically).
///
/// ```
/// use grading::sync::{Condvar, Mutex, counted};
///
/// let ((lock, _ready), counts) = counted(|| (Mutex::new(0), Condvar::new()));
/// *lock.lock().unwrap() += 1;
/// assert_eq!(counts.locks(), 1);
/// ```
pub fn counted<T>(make: impl FnOnce() -> T) -> (T, Counts) {
    let counts = Counts::default();
    let outer = RECORDER.with(|r| r.replace(Some(counts.clone())));
    // Put the outer recorder back even if `make` panics.
    struct Restore(Option<Counts>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            RECORDER.with(|r| *r.borrow_mut() = outer);
        }
    }
    let _restore = Restore(outer);
    (make(), counts)
}

/// Runs `f` with every timed wait on this thread cut short at half its time
/// (at least [`SHORTEST_CUT`] long) and returning as a spurious wake-up.
///
/// A timed wait that keeps one deadline waits the rest of it each time and
/// ends on time; one that restarts its whole timeout after each wake-up
/// never ends, and the test's watchdog reports it.
pub fn early_wakeups<T>(f: impl FnOnce() -> T) -> T {
    let outer = EARLY.with(|e| e.replace(true));
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            EARLY.with(|e| e.set(self.0));
        }
    }
    let _restore = Restore(outer);
    f()
}

fn recorder() -> Option<Counts> {
    RECORDER.with(|r| r.borrow().clone())
}

fn bump(counts: &Option<Counts>, field: impl Fn(&CountsInner) -> &AtomicUsize) {
    if let Some(counts) = counts {
        field(&counts.0).fetch_add(1, Ordering::Relaxed);
    }
}

/// A mutual exclusion lock: `std::sync::Mutex`, counted, yielding after an
/// unlock that another thread is blocked on.
pub struct Mutex<T: ?Sized> {
    counts: Option<Counts>,
    /// Threads blocked in `lock` right now.
    blocked: AtomicUsize,
    /// Unlocks so far that found a thread blocked.
    contended_unlocks: AtomicUsize,
    inner: std::sync::Mutex<T>,
}

/// The guard of a [`Mutex`]: the lock is held until it is dropped.
#[must_use = "if unused the Mutex will immediately unlock"]
pub struct MutexGuard<'a, T: ?Sized + 'a> {
    mutex: &'a Mutex<T>,
    /// `None` only while a wait has handed the lock to the condition variable.
    inner: Option<std::sync::MutexGuard<'a, T>>,
    /// This guard came back from a wake-up that this module made up; the
    /// next wait with it is a real one.
    made_up: bool,
}

impl<T> Mutex<T> {
    /// A new mutex holding `value`.
    pub fn new(value: T) -> Self {
        Mutex {
            counts: recorder(),
            blocked: AtomicUsize::new(0),
            contended_unlocks: AtomicUsize::new(0),
            inner: std::sync::Mutex::new(value),
        }
    }

    /// The value, consuming the mutex.
    pub fn into_inner(self) -> LockResult<T> {
        self.inner.into_inner()
    }
}

impl<T: ?Sized> Mutex<T> {
    /// Takes the lock, waiting until it is free.
    pub fn lock(&self) -> LockResult<MutexGuard<'_, T>> {
        let result = match self.inner.try_lock() {
            Ok(guard) => Ok(guard),
            Err(TryLockError::Poisoned(poisoned)) => Err(poisoned),
            Err(TryLockError::WouldBlock) => {
                bump(&self.counts, |c| &c.contended);
                self.blocked.fetch_add(1, Ordering::SeqCst);
                let result = self.inner.lock();
                self.blocked.fetch_sub(1, Ordering::SeqCst);
                result
            }
        };
        bump(&self.counts, |c| &c.locks);
        self.wrap(result, false)
    }

    /// Takes the lock if it is free now.
    pub fn try_lock(&self) -> TryLockResult<MutexGuard<'_, T>> {
        match self.inner.try_lock() {
            Ok(guard) => {
                bump(&self.counts, |c| &c.locks);
                Ok(self.guard(guard, false))
            }
            Err(TryLockError::Poisoned(poisoned)) => {
                bump(&self.counts, |c| &c.locks);
                Err(TryLockError::Poisoned(PoisonError::new(
                    self.guard(poisoned.into_inner(), false),
                )))
            }
            Err(TryLockError::WouldBlock) => Err(TryLockError::WouldBlock),
        }
    }

    /// Whether a thread panicked while holding the lock.
    pub fn is_poisoned(&self) -> bool {
        self.inner.is_poisoned()
    }

    /// Clears the poisoned state.
    pub fn clear_poison(&self) {
        self.inner.clear_poison();
    }

    /// The value, through a unique borrow: no locking needed.
    pub fn get_mut(&mut self) -> LockResult<&mut T> {
        self.inner.get_mut()
    }

    fn guard<'a>(
        &'a self,
        inner: std::sync::MutexGuard<'a, T>,
        made_up: bool,
    ) -> MutexGuard<'a, T> {
        HELD.with(|h| h.set(h.get() + 1));
        MutexGuard {
            mutex: self,
            inner: Some(inner),
            made_up,
        }
    }

    fn wrap<'a>(
        &'a self,
        result: LockResult<std::sync::MutexGuard<'a, T>>,
        made_up: bool,
    ) -> LockResult<MutexGuard<'a, T>> {
        match result {
            Ok(inner) => Ok(self.guard(inner, made_up)),
            Err(poisoned) => Err(PoisonError::new(self.guard(poisoned.into_inner(), made_up))),
        }
    }

    /// After an unlock: yield if this thread notified under the lock and now
    /// holds none, or if another thread is blocked on this mutex.
    fn after_unlock(&self) {
        let held = HELD.with(|h| {
            h.set(h.get() - 1);
            h.get()
        });
        let notified = held == 0 && NOTIFIED.with(|n| n.replace(false));
        let contended = self.blocked.load(Ordering::SeqCst) > 0 && {
            let n = self.contended_unlocks.fetch_add(1, Ordering::Relaxed);
            n < YIELD_FIRST || n.is_multiple_of(YIELD_EVERY)
        };
        if notified || contended {
            thread::yield_now();
        }
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Self {
        Mutex::new(T::default())
    }
}

impl<T> From<T> for Mutex<T> {
    fn from(value: T) -> Self {
        Mutex::new(value)
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Mutex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

impl<'a, T: ?Sized> MutexGuard<'a, T> {
    /// Hands the std guard to a wait, leaving this guard's bookkeeping as if
    /// it had been dropped, without yielding.
    fn into_inner(mut self) -> (&'a Mutex<T>, std::sync::MutexGuard<'a, T>) {
        let inner = self.inner.take().expect("a guard holds its lock");
        let mutex = self.mutex;
        std::mem::forget(self);
        HELD.with(|h| h.set(h.get() - 1));
        (mutex, inner)
    }
}

impl<T: ?Sized> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.inner.as_deref().expect("a guard holds its lock")
    }
}

impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.inner.as_deref_mut().expect("a guard holds its lock")
    }
}

impl<T: ?Sized> Drop for MutexGuard<'_, T> {
    fn drop(&mut self) {
        drop(self.inner.take());
        self.mutex.after_unlock();
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for MutexGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: ?Sized + fmt::Display> fmt::Display for MutexGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

/// Whether a timed wait ended because its time ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitTimeoutResult(bool);

impl WaitTimeoutResult {
    /// Whether the wait's time ran out (rather than a wake-up, real or not).
    pub fn timed_out(&self) -> bool {
        self.0
    }
}

/// A condition variable: `std::sync::Condvar`, counted, whose first wait of
/// every logical wait is a spurious wake-up.
pub struct Condvar {
    counts: Option<Counts>,
    /// Threads in a real wait on it right now: a notification with none
    /// wakes nobody, and needs no yield after it.
    waiting: AtomicUsize,
    /// Notifications so far that woke a thread.
    wakes: AtomicUsize,
    inner: std::sync::Condvar,
}

impl Condvar {
    /// A new condition variable.
    pub fn new() -> Self {
        Condvar {
            counts: recorder(),
            waiting: AtomicUsize::new(0),
            wakes: AtomicUsize::new(0),
            inner: std::sync::Condvar::new(),
        }
    }

    /// Waits for a notification, or not: see the module's documentation.
    pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
        bump(&self.counts, |c| &c.waits);
        let made_up = guard.made_up;
        let (mutex, inner) = guard.into_inner();
        if !made_up {
            return self.make_up(mutex, inner);
        }
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let result = self.inner.wait(inner);
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        mutex.wrap(result, false)
    }

    /// Waits while `condition` holds, re-checking after every wake-up.
    pub fn wait_while<'a, T, F>(
        &self,
        mut guard: MutexGuard<'a, T>,
        mut condition: F,
    ) -> LockResult<MutexGuard<'a, T>>
    where
        F: FnMut(&mut T) -> bool,
    {
        while condition(&mut *guard) {
            guard = self.wait(guard)?;
        }
        Ok(guard)
    }

    /// Waits for a notification for at most `timeout`, or not: see the
    /// module's documentation. A made-up wake-up has not timed out.
    pub fn wait_timeout<'a, T>(
        &self,
        guard: MutexGuard<'a, T>,
        timeout: Duration,
    ) -> LockResult<(MutexGuard<'a, T>, WaitTimeoutResult)> {
        bump(&self.counts, |c| &c.waits);
        bump(&self.counts, |c| &c.timed_waits);
        let made_up = guard.made_up;
        let (mutex, inner) = guard.into_inner();
        if !made_up {
            return match self.make_up(mutex, inner) {
                Ok(guard) => Ok((guard, WaitTimeoutResult(false))),
                Err(poisoned) => Err(PoisonError::new((
                    poisoned.into_inner(),
                    WaitTimeoutResult(false),
                ))),
            };
        }
        let cut = EARLY.with(Cell::get) && timeout >= SHORTEST_CUT;
        let wait = if cut { timeout / 2 } else { timeout };
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let waited = self.inner.wait_timeout(inner, wait);
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        let (result, poisoned) = match waited {
            Ok(pair) => (pair, false),
            Err(poisoned) => (poisoned.into_inner(), true),
        };
        let (inner, result) = result;
        // A wait cut short by `early_wakeups` is a made-up wake-up.
        let cut_short = cut && result.timed_out();
        if cut_short {
            bump(&self.counts, |c| &c.made_up);
        }
        let guard = mutex.guard(inner, cut_short);
        let result = WaitTimeoutResult(result.timed_out() && !cut_short);
        if poisoned {
            Err(PoisonError::new((guard, result)))
        } else {
            Ok((guard, result))
        }
    }

    /// Waits while `condition` holds, for at most `timeout` in all. The
    /// result says whether the time ran out with the condition still true.
    pub fn wait_timeout_while<'a, T, F>(
        &self,
        mut guard: MutexGuard<'a, T>,
        timeout: Duration,
        mut condition: F,
    ) -> LockResult<(MutexGuard<'a, T>, WaitTimeoutResult)>
    where
        F: FnMut(&mut T) -> bool,
    {
        let started = Instant::now();
        loop {
            if !condition(&mut *guard) {
                return Ok((guard, WaitTimeoutResult(false)));
            }
            let Some(left) = timeout
                .checked_sub(started.elapsed())
                .filter(|left| !left.is_zero())
            else {
                return Ok((guard, WaitTimeoutResult(true)));
            };
            guard = match self.wait_timeout(guard, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => {
                    let (guard, result) = poisoned.into_inner();
                    return Err(PoisonError::new((guard, result)));
                }
            };
        }
    }

    /// Wakes one waiting thread, if any.
    pub fn notify_one(&self) {
        bump(&self.counts, |c| &c.notify_one);
        let woke = self.woke_someone();
        self.inner.notify_one();
        Self::after_notify(woke);
    }

    /// Wakes every waiting thread.
    pub fn notify_all(&self) {
        bump(&self.counts, |c| &c.notify_all);
        let woke = self.woke_someone();
        self.inner.notify_all();
        Self::after_notify(woke);
    }

    /// Whether a notification now wakes a thread and should make room to
    /// steal the wake-up. About every other time at first, then now and then:
    /// the other times the notifying thread runs straight on, and may itself
    /// take back what it just handed over, which is the other interleaving a
    /// wrong hand-over must meet.
    ///
    /// "About every other time" follows a fixed but irregular sequence (the
    /// top bit of a Fibonacci hash of the count), not strict alternation: a
    /// hand-over back and forth notifies twice per round, and strict
    /// alternation would give one side a yield every single round.
    fn woke_someone(&self) -> bool {
        self.waiting.load(Ordering::SeqCst) > 0 && {
            let n = self.wakes.fetch_add(1, Ordering::Relaxed);
            let coin = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 63 == 1;
            (n < 2 * YIELD_FIRST && coin) || n.is_multiple_of(YIELD_EVERY)
        }
    }

    /// When a thread was woken, gives a third thread the chance to take what
    /// it waits for: now if this thread holds no lock, else at its last
    /// unlock. A notification that woke nobody needs no such chance.
    fn after_notify(woke: bool) {
        if !woke {
            return;
        }
        if HELD.with(Cell::get) == 0 {
            thread::yield_now();
        } else {
            NOTIFIED.with(|n| n.set(true));
        }
    }

    /// A wake-up without a notification: unlock and lock again at once, as a
    /// real spurious wake-up does. No yield in between: a thread that waits
    /// with `if` must find the condition still false, not the work done by
    /// another thread that ran in the gap.
    fn make_up<'a, T>(
        &self,
        mutex: &'a Mutex<T>,
        inner: std::sync::MutexGuard<'a, T>,
    ) -> LockResult<MutexGuard<'a, T>> {
        bump(&self.counts, |c| &c.made_up);
        drop(inner);
        if HELD.with(Cell::get) == 0 {
            NOTIFIED.with(|n| n.set(false));
        }
        mutex.wrap(mutex.inner.lock(), true)
    }
}

impl Default for Condvar {
    fn default() -> Self {
        Condvar::new()
    }
}

impl fmt::Debug for Condvar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Condvar { .. }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn a_wait_with_if_goes_on_with_the_condition_false() {
        let (ready, cv) = (Mutex::new(false), Condvar::new());
        let guard = ready.lock().unwrap();
        let guard = cv.wait(guard).unwrap();
        assert!(!*guard, "the first wait of a logical wait is made up");
    }

    #[test]
    fn a_wait_in_a_loop_gets_the_notification() {
        let ((ready, cv), counts) = counted(|| (Mutex::new(false), Condvar::new()));
        thread::scope(|s| {
            s.spawn(|| {
                thread::sleep(Duration::from_millis(20));
                *ready.lock().unwrap() = true;
                cv.notify_one();
            });
            let guard = cv
                .wait_while(ready.lock().unwrap(), |ready| !*ready)
                .unwrap();
            assert!(*guard);
        });
        assert!(counts.waits() >= 2, "{counts:?}");
        assert!(counts.made_up_wakeups() >= 1, "{counts:?}");
        assert_eq!(counts.notify_one_calls(), 1);
        assert_eq!(counts.locks(), 2);
    }

    #[test]
    fn a_timed_wait_that_keeps_its_deadline_ends_on_time_under_early_wakeups() {
        let (nothing, cv) = (Mutex::new(()), Condvar::new());
        let started = Instant::now();
        let (_guard, result) = early_wakeups(|| {
            cv.wait_timeout_while(nothing.lock().unwrap(), Duration::from_millis(80), |_| true)
                .unwrap()
        });
        assert!(result.timed_out());
        let took = started.elapsed();
        assert!(took >= Duration::from_millis(79), "{took:?}");
        assert!(took < Duration::from_secs(2), "{took:?}");
    }

    #[test]
    fn a_timed_wait_that_restarts_its_timeout_never_ends_under_early_wakeups() {
        let (nothing, cv) = (Mutex::new(()), Condvar::new());
        let started = Instant::now();
        let mut guard = nothing.lock().unwrap();
        let mut rounds = 0;
        early_wakeups(|| {
            // Each round waits the whole 40 ms again; cut short at 20 ms, it
            // never times out. Stop after 300 ms.
            while started.elapsed() < Duration::from_millis(300) {
                let (next, result) = cv.wait_timeout(guard, Duration::from_millis(40)).unwrap();
                guard = next;
                assert!(!result.timed_out());
                rounds += 1;
            }
        });
        assert!(rounds > 5);
    }

    #[test]
    fn a_notification_that_wakes_a_waiter_under_the_lock_yields_at_the_unlock() {
        let ((lock, cv), counts) = counted(|| (Mutex::new(false), Condvar::new()));
        {
            // Nobody waits: nothing to yield for.
            let _guard = lock.lock().unwrap();
            cv.notify_all();
            assert!(!NOTIFIED.with(Cell::get));
        }
        thread::scope(|s| {
            s.spawn(|| drop(cv.wait_while(lock.lock().unwrap(), |set| !*set).unwrap()));
            while cv.waiting.load(Ordering::SeqCst) == 0 {
                thread::yield_now();
            }
            let mut guard = lock.lock().unwrap();
            *guard = true;
            cv.notify_all();
            assert!(
                NOTIFIED.with(Cell::get),
                "a waiter was woken under the lock"
            );
            drop(guard);
            assert!(!NOTIFIED.with(Cell::get), "the unlock yielded");
        });
        assert_eq!(HELD.with(Cell::get), 0);
        assert_eq!(counts.notify_all_calls(), 2);
    }

    #[test]
    fn poison_is_kept_and_recoverable() {
        let lock = Mutex::new(1);
        let _ = thread::scope(|s| {
            s.spawn(|| {
                let _guard = lock.lock().unwrap();
                panic!("poison it");
            })
            .join()
        });
        assert!(lock.is_poisoned());
        let guard = lock.lock().unwrap_or_else(PoisonError::into_inner);
        assert_eq!(*guard, 1);
        drop(guard);
        assert!(matches!(lock.try_lock(), Err(TryLockError::Poisoned(_))));
        lock.clear_poison();
        assert!(lock.try_lock().is_ok());
        assert_eq!(HELD.with(Cell::get), 0);
    }

    #[test]
    fn contended_locks_are_counted_and_exclusive() {
        let (total, counts) = counted(|| Mutex::new(0u64));
        let inside = AtomicBool::new(false);
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..2000 {
                        let mut guard = total.lock().unwrap();
                        assert!(!inside.swap(true, Ordering::SeqCst));
                        *guard += 1;
                        inside.store(false, Ordering::SeqCst);
                    }
                });
            }
        });
        assert_eq!(*total.lock().unwrap(), 8000);
        assert_eq!(counts.locks(), 8001);
    }

    #[test]
    fn only_primitives_made_inside_counted_are_counted() {
        let outside = Mutex::new(());
        let (inside, counts) = counted(|| Mutex::new(()));
        drop(outside.lock());
        drop(inside.lock());
        assert_eq!(counts.locks(), 1);
        assert!(recorder().is_none(), "counted restores the outer recorder");
    }
}
