//! The chapter's compile-fail lessons: each `chapters/ch01-threads/tests/ui/*.rs`
//! must fail to compile with exactly the message in its `.stderr` file.
//!
//! They run from the solution package only: trybuild prints paths relative to
//! the package under test, so one `.stderr` cannot serve both packages. After
//! a deliberate change, regenerate with `TRYBUILD=overwrite cargo test -p
//! ch01-threads-solution --test lessons` and review the diff.

#[test]
fn compile_fail_lessons() {
    trybuild::TestCases::new().compile_fail("../../chapters/ch01-threads/tests/ui/*.rs");
}
