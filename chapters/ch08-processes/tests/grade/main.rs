//! The graded tests of chapter 8, processes.
//!
//! One module per exercise; `cargo xtask check ch08-processes` runs them and
//! reports per exercise. The same file grades your crate (`ch08-processes`)
//! and the reference solution (`ch08-processes-solution`); both build the
//! binaries `lockstep-worker` and `lockstep-child` that the tests start.

mod child_process;
mod dir_size;
mod process_pool;
mod protocol;
mod threads_to_processes;

use std::path::Path;

/// The worker binary of the package under test.
pub fn worker() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_lockstep-worker"))
}

/// The child binary of the package under test.
pub fn child() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_lockstep-child"))
}

/// Whether process `pid` is gone: exited *and* reaped by its parent. A zombie
/// (exited, not reaped) still has an entry in `/proc`.
///
/// Linux only; elsewhere this cannot be checked portably and says so.
pub fn is_reaped(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        !Path::new(&format!("/proc/{pid}")).exists()
    } else {
        eprintln!("note: zombie checks run on Linux only; process {pid} not checked");
        true
    }
}
