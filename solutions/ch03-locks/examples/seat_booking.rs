//! Eight guests book the seats of an eight-seat hall at once, each with a
//! slow look-then-book: no seat is booked twice, because the look and the
//! booking happen under one guard.
//!
//! A book example for chapter 3 ("The Rust way"); it solves none of the
//! exercises. Run it with
//! `cargo run -p ch03-locks-solution --example seat_booking`.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

/// What booking a seat takes between finding it free and writing the name in.
const PAPERWORK: Duration = Duration::from_millis(2);

const GUESTS: [&str; 8] = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"];

// ANCHOR: hall
/// A hall whose seats many threads book at once.
///
/// The lock is private: callers share a `&Hall`, and the only way to the
/// seats is through a method that locks.
struct Hall {
    seats: Mutex<Vec<Option<String>>>,
}

impl Hall {
    /// A hall of `seats` free seats.
    fn new(seats: usize) -> Self {
        Hall {
            seats: Mutex::new(vec![None; seats]),
        }
    }

    /// Who sits where, seat by seat.
    fn seating(&self) -> Vec<Option<String>> {
        self.seats().clone()
    }

    /// The one place that locks. A guest's name is written whole or not at
    /// all, so a panicked holder cannot have left a broken seat: ignore
    /// poisoning.
    fn seats(&self) -> MutexGuard<'_, Vec<Option<String>>> {
        self.seats.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: hall

impl Hall {
    // ANCHOR: book
    /// Books the first free seat for `guest`; `None` when the hall is full.
    fn book(&self, guest: &str) -> Option<usize> {
        // `seats()` takes the lock. One guard for the look, the paperwork and
        // the booking: no other thread can see this seat free until the name
        // is in it.
        let mut seats = self.seats();
        let free = seats.iter().position(Option::is_none)?;
        thread::sleep(PAPERWORK);
        seats[free] = Some(guest.to_owned());
        Some(free)
        // The guard is dropped here, and the lock released with it.
    }
    // ANCHOR_END: book
}

fn main() {
    let hall = Hall::new(GUESTS.len());
    thread::scope(|s| {
        for guest in GUESTS {
            let hall = &hall;
            s.spawn(move || hall.book(guest));
        }
    });
    let seating = hall.seating();
    for (seat, guest) in seating.iter().enumerate() {
        println!("seat {seat}: {}", guest.as_deref().unwrap_or("(free)"));
    }
    // Eight guests in eight seats: a seat booked twice would leave one free.
    assert!(
        seating.iter().all(Option::is_some),
        "a seat was booked twice"
    );
    println!("every seat booked once");
}
