//! Exercise `dir_size` (X4): the total size of a directory tree, three ways.
//!
//! A common example of work to spread over processes. Listing the
//! tree is one walk; asking each file's size is a system call per file,
//! which threads can make in parallel just as well as processes. In CPython
//! with the GIL (the default build) only processes, or from 3.14 an
//! `InterpreterPoolExecutor`, would help the *Python* part of such work; in Rust, threads
//! do, and processes add the cost of sending every path to a worker.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::thread;

use crate::process_pool::ProcessPool;

/// Every regular file under `root`, depth first. (Given.)
///
/// # Errors
///
/// When a directory cannot be read.
pub fn list_files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                dirs.push(entry.path());
            } else if kind.is_file() {
                files.push(entry.path());
            }
        }
    }
    Ok(files)
}

// ANCHOR: sizes
/// The total size of the files under `root` (the ones [`list_files`] lists:
/// symbolic links are not followed), one file after another.
///
/// # Errors
///
/// When the tree cannot be listed or a file's size cannot be read.
pub fn total_size(root: &Path) -> io::Result<u64> {
    list_files(root)?.iter().map(|file| file_len(file)).sum()
}

/// The same total on `threads` scoped threads. The entries at the top of
/// the tree are dealt out to the threads in turn, and each thread lists and
/// sizes its own subtrees, asking `size_of` for each file's size (pass
/// [`file_len`]): listing is work too, and it is shared as well.
///
/// # Errors
///
/// As [`total_size`].
pub fn total_size_threads<F>(root: &Path, threads: usize, size_of: F) -> io::Result<u64>
where
    F: Fn(&Path) -> io::Result<u64> + Sync,
{
    let threads = threads.max(1);
    let mut shares: Vec<Vec<PathBuf>> = vec![Vec::new(); threads];
    for (i, entry) in fs::read_dir(root)?.enumerate() {
        shares[i % threads].push(entry?.path());
    }
    let size_of = &size_of;
    thread::scope(|scope| {
        let parts: Vec<_> = shares
            .iter()
            .map(|share| scope.spawn(move || size_share(share, size_of)))
            .collect();
        parts
            .into_iter()
            .map(|part| part.join().expect("a size thread panicked"))
            .sum()
    })
}

/// The total size of a share of the top-level entries: files, and trees.
fn size_share(
    share: &[PathBuf],
    size_of: &(impl Fn(&Path) -> io::Result<u64> + Sync),
) -> io::Result<u64> {
    let mut total = 0;
    for path in share {
        let kind = fs::symlink_metadata(path)?.file_type();
        if kind.is_dir() {
            for file in list_files(path)? {
                total += size_of(&file)?;
            }
        } else if kind.is_file() {
            total += size_of(path)?;
        }
    }
    Ok(total)
}

/// The size of one file. (Given.)
///
/// # Errors
///
/// When its metadata cannot be read.
pub fn file_len(path: &Path) -> io::Result<u64> {
    Ok(fs::metadata(path)?.len())
}

/// The same total, with the worker processes of `pool` asking for the sizes
/// (the task `file_size`). A file that vanished counts as 0.
///
/// # Errors
///
/// When the tree cannot be listed, or a worker fails.
pub fn total_size_processes(root: &Path, pool: &ProcessPool) -> io::Result<u64> {
    let paths: Vec<String> = list_files(root)?
        .into_iter()
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    pool.map::<String, u64>("file_size", &paths, None)
        .into_iter()
        .map(|size| size.map_err(io::Error::other))
        .sum()
}
// ANCHOR_END: sizes
