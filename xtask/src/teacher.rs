//! The teacher's room: grading a class.
//!
//! `grade` (a report with a score, in text, JSON, JUnit or Gradescope's
//! format, after checking that the tests and the runner are the course's),
//! `course.sums` (what that check compares against), and `export --student`
//! (a copy to hand out, without the solutions).

pub mod export;
pub mod report;
pub mod sums;
