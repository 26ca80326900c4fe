//! Running a chapter's demos from its tests.

use std::path::PathBuf;

/// The path of the example binary `name` that `cargo test` built beside the
/// running test binary.
///
/// Test binaries live in `target/<profile>/deps/`, examples in
/// `target/<profile>/examples/`. `cargo test` builds both; a filtered run
/// such as `cargo test --test demos` does not build examples.
///
/// # Panics
///
/// When the example is missing, saying how to build it.
pub fn example_binary(name: &str) -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test binary has a path");
    let profile = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test binaries live in target/<profile>/deps");
    let path = profile
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        path.exists(),
        "{} is missing: a plain `cargo test -p <chapter>-solution` builds the examples",
        path.display()
    );
    path
}
