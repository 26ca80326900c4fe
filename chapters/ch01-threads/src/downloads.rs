//! Exercise `downloads` (T2): the same downloads one after another, then one
//! thread each.
//!
//! Three simulated downloads that each take a while. One after another, the
//! total is the sum of their times; on a thread each, the total should be the
//! longest one, because the threads wait at the same time.
//!
//! Your task: implement [`one_after_another`] and [`all_at_once`]. The tests
//! pass a `fetch` function in place of [`simulate`] so they can watch how you
//! call it: from which thread, and how many at the same time.

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
/// (Given: this is the "network".)
pub fn simulate(download: &Download) -> Page {
    thread::sleep(download.takes);
    Page {
        name: download.name.clone(),
        bytes: download.name.len() * 1024,
    }
}

/// Fetches every download with `fetch`, one after another, on the calling
/// thread. Returns the pages in the order of `downloads`.
pub fn one_after_another<F>(downloads: &[Download], fetch: F) -> Vec<Page>
where
    F: Fn(&Download) -> Page,
{
    // TODO: call `fetch` on each download in turn and collect the pages.
    todo!("fetch the downloads one after another")
}

/// Fetches every download with `fetch` on a thread of its own, all at once.
/// Returns the pages in the order of `downloads`, not in the order they
/// finished. If a `fetch` panics, `all_at_once` panics too: no page goes
/// missing silently.
///
/// `fetch` is `Sync`, so threads may share a reference to it; `std::thread::scope`
/// lets threads borrow `downloads` and `fetch` from this function.
pub fn all_at_once<F>(downloads: &[Download], fetch: F) -> Vec<Page>
where
    F: Fn(&Download) -> Page + Sync,
{
    // TODO: start one thread per download, then collect their pages.
    todo!("fetch all the downloads at the same time")
}
