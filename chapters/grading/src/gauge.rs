//! Peak concurrency: how many threads were inside a region at once.

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counts the threads inside a region and remembers the peak.
///
/// Call [`enter`](Gauge::enter) where the region starts and keep the guard
/// until it ends. A peak of 1 proves mutual exclusion (or sequential work); a
/// peak of `n` under a pool of `n` proves the pool's limit held and was used.
#[derive(Debug, Default)]
pub struct Gauge {
    inside: AtomicUsize,
    peak: AtomicUsize,
    entries: AtomicUsize,
}

/// Leaves the gauge's region when dropped, also on panic.
#[derive(Debug)]
#[must_use = "the region ends when the guard is dropped"]
pub struct GaugeGuard<'a> {
    gauge: &'a Gauge,
}

impl Gauge {
    /// An empty gauge.
    pub fn new() -> Self {
        Self::default()
    }

    /// Enters the region; the returned guard leaves it.
    pub fn enter(&self) -> GaugeGuard<'_> {
        // Relaxed is enough: each counter is only changed by read-modify-write
        // operations, which see every earlier write to that counter, and the
        // test reads the totals after joining the threads, which orders them.
        let now = self.inside.fetch_add(1, Relaxed) + 1;
        self.peak.fetch_max(now, Relaxed);
        self.entries.fetch_add(1, Relaxed);
        GaugeGuard { gauge: self }
    }

    /// The most threads that were inside at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Relaxed)
    }

    /// How many threads are inside now.
    pub fn inside(&self) -> usize {
        self.inside.load(Relaxed)
    }

    /// How many times the region was entered.
    pub fn entries(&self) -> usize {
        self.entries.load(Relaxed)
    }
}

impl Drop for GaugeGuard<'_> {
    fn drop(&mut self) {
        self.gauge.inside.fetch_sub(1, Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;
    use std::thread;

    #[test]
    fn sequential_entries_peak_at_one() {
        let gauge = Gauge::new();
        for _ in 0..5 {
            let _inside = gauge.enter();
        }
        assert_eq!((gauge.peak(), gauge.entries(), gauge.inside()), (1, 5, 0));
    }

    #[test]
    fn overlapping_entries_reach_the_number_of_threads() {
        let gauge = Gauge::new();
        let all_inside = Barrier::new(4);
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    let _inside = gauge.enter();
                    all_inside.wait();
                });
            }
        });
        assert_eq!(gauge.peak(), 4);
        assert_eq!(gauge.inside(), 0);
    }
}
