//! Three runners run three rounds; nobody starts a round before all have
//! finished the one before, and the barrier names one of them to announce
//! each round.
//!
//! A book example for chapter 5 ("An event, and a barrier"); it solves none
//! of the exercises. Run it with
//! `cargo run -p ch05-condvars-solution --example barrier_rounds`.

use std::sync::Barrier;
use std::thread;
use std::time::Duration;

const RUNNERS: usize = 3;
const ROUNDS: usize = 3;

// ANCHOR: rounds
fn main() {
    let finish_line = Barrier::new(RUNNERS);
    thread::scope(|s| {
        for runner in 0..RUNNERS {
            let finish_line = &finish_line;
            s.spawn(move || {
                for round in 1..=ROUNDS {
                    // Each round, a different runner is the slowest.
                    let pace = (runner + round) % RUNNERS;
                    thread::sleep(Duration::from_millis(5 * pace as u64));
                    // Everyone waits here until all have arrived; exactly one
                    // of them is told that it is the leader.
                    if finish_line.wait().is_leader() {
                        println!(
                            "round {round}: all {RUNNERS} runners in, runner {runner} announces it"
                        );
                    }
                }
            });
        }
    });
}
// ANCHOR_END: rounds
