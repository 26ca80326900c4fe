//! Blocking the loop (E3).
//!
//! An asyncio coroutine that calls `time.sleep(1)` or hashes a large file
//! stops the whole event loop: no other task runs until it returns. The fix
//! is `await asyncio.to_thread(f, ...)`, which runs `f` on a thread and lets
//! the loop go on. tokio is the same: a task gives its thread back only at an
//! `.await` that has to wait, so a blocking call inside a task stalls every
//! task on that thread, and `tokio::task::spawn_blocking` moves the call to a
//! thread kept for blocking work.
//!
//! Your task: write `checksum`. While it works, other tasks on the same
//! one-thread runtime must keep running. Everything without a `// TODO` is
//! given.

/// A checksum that takes a while and blocks its thread while it works (as
/// reading a large file, or hashing one, would). (Given.)
pub fn slow_checksum(data: &[u8]) -> u64 {
    std::thread::sleep(std::time::Duration::from_millis(300));
    data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// [`slow_checksum`] of `data`, without stopping the other tasks of the
/// runtime while it works. Call it inside a tokio runtime.
pub async fn checksum(data: Vec<u8>) -> u64 {
    // TODO
    todo!()
}
