//! The graded tests of chapter 6, channels and message passing.
//!
//! One module per exercise; `cargo xtask check ch06-channels` runs them and
//! reports per exercise. The same file grades your crate (`ch06-channels`) and
//! the reference solution (`ch06-channels-solution`).

mod back_pressure;
mod fan_out_in;
mod hand_built;
mod no_sentinel;
mod select_loop;

use std::thread;
use std::time::{Duration, Instant};

/// Polls `condition` every millisecond for up to three seconds (under the
/// watchdog's five), then fails with `failure()`: a clearer message than the
/// watchdog's "probable deadlock" for a state the code never reaches.
fn within_three_seconds(condition: impl Fn() -> bool, failure: impl Fn() -> String) {
    let start = Instant::now();
    while !condition() {
        assert!(start.elapsed() < Duration::from_secs(3), "{}", failure());
        thread::sleep(Duration::from_millis(1));
    }
}
