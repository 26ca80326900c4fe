use ch08_processes::dir_size::{
    file_len, list_files, total_size, total_size_processes, total_size_threads,
};
use ch08_processes::process_pool::ProcessPool;
use grading::{OverlapProbe, ThreadSet};
use std::fs;
use std::io;
use std::path::PathBuf;

use crate::{child, worker};

/// A tree of `files` files of known sizes under a fresh temporary folder;
/// returns the folder and the total. Removed by `Drop`.
struct Tree {
    root: PathBuf,
    total: u64,
}

impl Tree {
    fn new(name: &str, files: u64) -> Tree {
        let root = std::env::temp_dir().join(format!("lockstep-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        // One file at the top, the rest in subfolders.
        fs::write(root.join("top.txt"), b"12345").unwrap();
        let mut total = 5;
        for i in 0..files {
            let dir = root.join(format!("d{}", i % 4)).join(format!("e{}", i % 3));
            fs::create_dir_all(&dir).unwrap();
            let size = (i * 37) % 1000;
            fs::write(dir.join(format!("f{i}.txt")), vec![b'x'; size as usize]).unwrap();
            total += size;
        }
        Tree { root, total }
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

grading::graded! {
    fn the_sequential_total_is_exact() {
        let tree = Tree::new("sequential", 60);
        assert_eq!(list_files(&tree.root).unwrap().len(), 61, "the test's tree holds 61 files, and the given list_files lists them all");
        assert_eq!(total_size(&tree.root).unwrap(), tree.total, "total_size is the sum of the sizes of every file in the tree");
    }

    fn the_threaded_total_is_exact_and_uses_the_threads_at_once() {
        let tree = Tree::new("threads", 60);
        for threads in [1, 2, 3, 7] {
            assert_eq!(
                total_size_threads(&tree.root, threads, file_len).unwrap(),
                tree.total,
                "total_size_threads on {threads} threads gives the exact total of every file in the tree"
            );
        }
        let (probe, who) = (OverlapProbe::new(3), ThreadSet::new());
        let total = total_size_threads(&tree.root, 3, |path| {
            who.record();
            probe.arrive();
            file_len(path)
        })
        .unwrap();
        assert_eq!(total, tree.total, "total_size_threads sums the sizes that size_of returns");
        probe.assert_overlapped("total_size_threads");
        assert_eq!(who.len(), 3, "total_size_threads on 3 threads asks size_of on 3 threads of its own");
    }

    fn the_process_total_is_exact() {
        let tree = Tree::new("processes", 60);
        let pool = ProcessPool::new(worker(), 2).unwrap();
        assert_eq!(
            total_size_processes(&tree.root, &pool).unwrap(),
            tree.total,
            "total_size_processes gives the exact total, with the sizes from the workers' file_size task"
        );
    }

    fn a_size_that_cannot_be_read_is_an_error() {
        let tree = Tree::new("unreadable", 12);
        for threads in [1, 3] {
            let outcome = total_size_threads(&tree.root, threads, |path| {
                if path.ends_with("f7.txt") {
                    Err(io::Error::other("f7.txt cannot be read"))
                } else {
                    file_len(path)
                }
            });
            assert!(outcome.is_err(), "a file whose size cannot be read is an error, not a size of 0 ({threads} threads): {outcome:?}");
        }
    }

    fn symbolic_links_at_the_top_are_not_followed() {
        let tree = Tree::new("links", 20);
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(tree.root.join("top.txt"), tree.root.join("link-to-top.txt")).unwrap();
            symlink(tree.root.join("d0"), tree.root.join("link-to-d0")).unwrap();
        }
        #[cfg(not(unix))]
        eprintln!("note: symbolic links are made on Unix only; this tree has none");
        assert_eq!(total_size(&tree.root).unwrap(), tree.total, "the files `list_files` lists, links skipped");
        for threads in [1, 2, 3] {
            assert_eq!(
                total_size_threads(&tree.root, threads, file_len).unwrap(),
                tree.total,
                "{threads} threads: the same total as one after another, so links at the top are skipped too"
            );
        }
    }

    fn a_failing_worker_is_an_error_not_a_zero() {
        let tree = Tree::new("failing-workers", 0);
        // A program that is no worker: it prints its usage and exits, so every
        // task fails with `WorkerDied` (its usage lines show in the output).
        let pool = ProcessPool::new(child(), 1).unwrap();
        let outcome = total_size_processes(&tree.root, &pool);
        assert!(outcome.is_err(), "sizes whose task failed are an error, not 0: {outcome:?}");
    }

    fn a_tree_of_one_file_totals_that_file() {
        let tree = Tree::new("one-file", 0);
        assert_eq!(total_size(&tree.root).unwrap(), 5, "a tree of one 5-byte file totals 5");
        assert_eq!(
            total_size_threads(&tree.root, 2, file_len).unwrap(),
            5,
            "a tree of one 5-byte file totals 5, also on more threads than top entries"
        );
    }
}
