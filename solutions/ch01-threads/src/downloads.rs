//! Exercise `downloads` (T2): the same downloads one after another, then one
//! thread each.
//!
//! Three simulated downloads that each take a while. One after another, the
//! total is the sum of their times; on a thread each, the total is the
//! longest one, because the threads wait at the same time.

use std::thread;
use std::time::Duration;

/// A download to simulate: a name and how long it "takes".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// What is downloaded, for example `"report.pdf"`.
    pub name: String,
    /// How long the simulated transfer takes.
    pub takes: Duration,
}

impl Download {
    /// A download of `name` that takes `millis` milliseconds.
    pub fn new(name: &str, millis: u64) -> Self {
        Download {
            name: name.to_owned(),
            takes: Duration::from_millis(millis),
        }
    }
}

/// What a finished download delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The download's name.
    pub name: String,
    /// How many bytes arrived.
    pub bytes: usize,
}

/// Simulates one download: waits for `download.takes`, then returns a page.
///
/// This is the "network": it blocks without using the CPU, like a real
/// download waiting for data.
pub fn simulate(download: &Download) -> Page {
    thread::sleep(download.takes);
    Page {
        name: download.name.clone(),
        bytes: download.name.len() * 1024,
    }
}

// ANCHOR: one_after_another
/// Fetches every download with `fetch`, one after another, on the calling
/// thread. Returns the pages in the order of `downloads`.
pub fn one_after_another<F>(downloads: &[Download], fetch: F) -> Vec<Page>
where
    F: Fn(&Download) -> Page,
{
    downloads.iter().map(fetch).collect()
}
// ANCHOR_END: one_after_another

// ANCHOR: all_at_once
/// Fetches every download with `fetch` on a thread of its own, all at once.
/// Returns the pages in the order of `downloads`, not in the order they
/// finished. If a `fetch` panics, `all_at_once` panics too: no page goes
/// missing silently.
pub fn all_at_once<F>(downloads: &[Download], fetch: F) -> Vec<Page>
where
    F: Fn(&Download) -> Page + Sync,
{
    let fetch = &fetch;
    // A scope may borrow `downloads` and `fetch`: every thread spawned in it is
    // joined before `scope` returns.
    thread::scope(|scope| {
        // Start them all first...
        let handles: Vec<_> = downloads
            .iter()
            .map(|download| scope.spawn(move || fetch(download)))
            .collect();
        // ...then wait for each, in input order.
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a download thread panicked"))
            .collect()
    })
}
// ANCHOR_END: all_at_once
