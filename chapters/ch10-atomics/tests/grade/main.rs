//! The graded tests of chapter 10, atomics and memory ordering.
//!
//! One module per exercise; `cargo xtask check ch10-atomics` runs them and
//! reports per exercise. The same file grades your crate (`ch10-atomics`) and
//! the reference solution (`ch10-atomics-solution`), in two builds:
//!
//! - the ordinary build runs real threads: results, exclusion, nothing lost
//!   or dropped twice, waiters that sleep;
//! - the `loom` build (`--features loom`) runs the tests whose names start
//!   with `loom_`: small models of your code that loom runs under every
//!   interleaving, and under the weak memory orderings it models, so a
//!   `Relaxed` where `Release` and `Acquire` are needed fails here, on a
//!   machine whose processor would never show it.

mod counters;
mod hand_arc;
mod lazy_init;
mod publish;
mod ring;
mod spin_lock;

/// Runs `model` under loom, every schedule with up to three preemptions, and
/// turns loom's report into one that says what was being checked.
#[cfg(feature = "loom")]
fn model(checking: &'static str, model: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(3);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| builder.check(model)));
    if let Err(payload) = outcome {
        let said = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("(no message)");
        let advice = if said.contains("Causality violation") || said.contains("data race") {
            "\n\nA read or write of an UnsafeCell was not ordered after another thread's \
             access to it: some store that publishes data needs Release, and the load that \
             sees it Acquire (or a fence)."
        } else if said.contains("branches") {
            "\n\nA loop never let the other threads run: every spin loop must call \
             `sync::hint::spin_loop()` (and every wait `sync::futex::wait`), which under \
             loom hand over to the others."
        } else {
            ""
        };
        panic!("loom found a schedule that breaks this: {checking}.\nloom said: {said}{advice}");
    }
}

/// Counts the drops of the values it makes.
#[cfg(not(feature = "loom"))]
#[derive(Debug, Default, Clone)]
struct Drops(std::sync::Arc<std::sync::atomic::AtomicUsize>);

/// A value that counts its drops in its `Drops`.
#[cfg(not(feature = "loom"))]
#[derive(Debug)]
struct Counted(u32, Drops);

#[cfg(not(feature = "loom"))]
impl Drops {
    fn value(&self, id: u32) -> Counted {
        Counted(id, self.clone())
    }

    fn count(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}

#[cfg(not(feature = "loom"))]
impl Drop for Counted {
    fn drop(&mut self) {
        (self.1).0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}
