//! What the chapter's benchmarks share: writing a measured table as CSV.

/// Writes `contents` to `name` in the folder `LOCKSTEP_MEASUREMENTS` names
/// (relative to the workspace root, wherever cargo runs the bench); does
/// nothing when it is not set.
pub fn write_measurement(name: &str, contents: &str) {
    let Some(dir) = std::env::var_os("LOCKSTEP_MEASUREMENTS") else {
        return;
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir);
    std::fs::create_dir_all(&dir).expect("create the measurements directory");
    std::fs::write(dir.join(name), contents).expect("write the CSV");
    eprintln!("wrote {name} to {}", dir.display());
}
