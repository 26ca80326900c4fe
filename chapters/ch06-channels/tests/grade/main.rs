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
