//! The chapter's compile-fail lessons: each `chapters/ch11-async/tests/ui/*.rs`
//! must fail to compile with exactly the message in its `.stderr` file.
//! Regenerate after a deliberate change with `TRYBUILD=overwrite cargo test -p
//! ch11-async-solution --test lessons`, and review the diff.

#[test]
fn compile_fail_lessons() {
    trybuild::TestCases::new().compile_fail("../../chapters/ch11-async/tests/ui/*.rs");
}
