//! Placeholder: the channels benchmark.
fn main() {}
