//! Exercise `process_pool` (X2, X6): Python's `multiprocessing.Pool`, in
//! Rust, and a pool that survives its workers.
//!
//! The pool starts `n` worker processes (the `lockstep-worker` binary) and
//! keeps one thread in the parent per worker. `map` cuts the inputs into
//! chunks and puts them on a queue; each worker's thread sends a chunk to its
//! worker, waits for the reply, and hands the results back; `map` puts them
//! in input order. A worker that dies or runs past the time limit is killed,
//! waited for (no zombie), and replaced; its chunk is retried one task at a
//! time, so only the task that failed reports an error.

use std::fmt;
use std::io::{self, BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::protocol::{FrameError, Reply, Request, decode_each, encode_each, receive, send};

/// Why one task has no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskError {
    /// The task panicked in the worker (which survived), or was unknown.
    Failed(String),
    /// The worker process died while running the task.
    WorkerDied(String),
    /// The task ran past the time limit; its worker was killed.
    TimedOut,
}

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskError::Failed(why) => write!(f, "task failed: {why}"),
            TaskError::WorkerDied(why) => write!(f, "worker died: {why}"),
            TaskError::TimedOut => f.write_str("task timed out"),
        }
    }
}

impl std::error::Error for TaskError {}

/// CPython's default chunk size for `Pool.map`: the number of items divided
/// by four times the number of workers, rounded up (`Pool._map_async` in
/// CPython's `Lib/multiprocessing/pool.py`); at least 1.
pub fn default_chunksize(items: usize, workers: usize) -> usize {
    items.div_ceil(4 * workers.max(1)).max(1)
}

/// What a handler sends back to `map`: for `count` inputs from `first` on,
/// either their encoded `Result<O, String>`s one after another, or one error
/// that applies to all of them.
type Outcome = (usize, usize, Result<Vec<u8>, TaskError>);

/// One chunk of a `map`: the task, the inputs' encodings one after another
/// (input `first + i` ends at `ends[i]`), and where the outcomes go.
struct Chunk {
    task: String,
    first: usize,
    inputs: Vec<u8>,
    ends: Vec<usize>,
    results: Sender<Outcome>,
}

impl Chunk {
    /// The encoding of the chunk's `i`-th input alone.
    fn input(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.inputs[start..self.ends[i]]
    }
}

/// A pool of worker processes.
pub struct ProcessPool {
    chunks: Option<Sender<Chunk>>,
    handlers: Vec<JoinHandle<()>>,
    shared: Arc<Shared>,
}

/// What the pool's threads share.
struct Shared {
    program: PathBuf,
    time_limit: Option<Duration>,
    /// Every worker ever started, for the tests' zombie check.
    started: Mutex<Vec<u32>>,
    /// Requests being waited on right now, and the most at once.
    busy: AtomicUsize,
    busy_peak: AtomicUsize,
}

/// One running worker process and the pipes to it.
struct Worker {
    child: Child,
    requests: BufWriter<ChildStdin>,
    replies: Receiver<Result<Reply, FrameError>>,
}

impl ProcessPool {
    /// Starts `workers` processes of `program` (a worker binary).
    ///
    /// # Errors
    ///
    /// When a worker cannot be started.
    pub fn new(program: &Path, workers: usize) -> io::Result<Self> {
        Self::with_time_limit(program, workers, None)
    }

    /// Like [`new`](Self::new); a task running longer than `time_limit` has
    /// its worker killed and replaced, and reports [`TaskError::TimedOut`].
    ///
    /// # Errors
    ///
    /// When a worker cannot be started.
    pub fn with_time_limit(
        program: &Path,
        workers: usize,
        time_limit: Option<Duration>,
    ) -> io::Result<Self> {
        assert!(workers > 0, "a pool needs at least one worker");
        let shared = Arc::new(Shared {
            program: program.to_path_buf(),
            time_limit,
            started: Mutex::new(Vec::new()),
            busy: AtomicUsize::new(0),
            busy_peak: AtomicUsize::new(0),
        });
        let (chunks, queue) = crossbeam_channel::unbounded::<Chunk>();
        let mut handlers = Vec::with_capacity(workers);
        for _ in 0..workers {
            let worker = shared.start_worker()?;
            let (queue, shared) = (queue.clone(), Arc::clone(&shared));
            handlers.push(thread::spawn(move || serve_chunks(worker, &queue, &shared)));
        }
        Ok(ProcessPool {
            chunks: Some(chunks),
            handlers,
            shared,
        })
    }

    // ANCHOR: map
    /// Runs `task` on every input in the worker processes, `chunksize` inputs
    /// per request (CPython's default when `None`); returns the results in
    /// input order. `Some(0)` counts as 1 (CPython's `imap` refuses 0 with a
    /// `ValueError`, and its `map` quietly returns a `None` per input).
    /// Callable from many threads at once.
    pub fn map<I, O>(
        &self,
        task: &str,
        inputs: &[I],
        chunksize: Option<usize>,
    ) -> Vec<Result<O, TaskError>>
    where
        I: Serialize,
        O: DeserializeOwned,
    {
        // Clamped once: the chunks and where each starts must agree.
        let size = chunksize
            .unwrap_or_else(|| default_chunksize(inputs.len(), self.handlers.len()))
            .max(1);
        let (results, arrived) = crossbeam_channel::unbounded();
        for (number, part) in inputs.chunks(size).enumerate() {
            let mut encoded = Vec::new();
            let ends = encode_each(part, &mut encoded);
            let chunk = Chunk {
                task: task.to_owned(),
                first: number * size,
                inputs: encoded,
                ends,
                results: results.clone(),
            };
            self.chunks
                .as_ref()
                .expect("open until drop")
                .send(chunk)
                .expect("handlers outlive the sender");
        }
        drop(results);
        // Every input is reported exactly once, whatever happens to its worker.
        let mut out: Vec<Option<Result<O, TaskError>>> = (0..inputs.len()).map(|_| None).collect();
        for (first, count, outcome) in arrived.iter() {
            let decoded = outcome.and_then(|bytes| {
                decode_each::<Result<O, String>>(&bytes)
                    .map_err(|e| TaskError::Failed(format!("bad output: {e}")))
            });
            match decoded {
                Ok(results) => {
                    for (slot, result) in out[first..first + count].iter_mut().zip(results) {
                        *slot = Some(result.map_err(TaskError::Failed));
                    }
                }
                Err(error) => {
                    for slot in &mut out[first..first + count] {
                        *slot = Some(Err(error.clone()));
                    }
                }
            }
        }
        out.into_iter()
            .map(|result| result.expect("every input reports once"))
            .collect()
    }
    // ANCHOR_END: map

    /// The number of worker processes.
    pub fn workers(&self) -> usize {
        self.handlers.len()
    }

    /// The process ids of every worker started so far, replacements included.
    pub fn started_pids(&self) -> Vec<u32> {
        self.shared
            .started
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The most requests that were in flight to workers at the same time.
    pub fn busy_peak(&self) -> usize {
        self.shared.busy_peak.load(Ordering::Relaxed)
    }
}

// ANCHOR: drop
impl Drop for ProcessPool {
    /// Lets every worker finish the queue, tells it to shut down, and waits
    /// for its process, so none is left behind as a zombie.
    fn drop(&mut self) {
        drop(self.chunks.take());
        for handler in self.handlers.drain(..) {
            let _ = handler.join();
        }
    }
}
// ANCHOR_END: drop

// ANCHOR: serve_chunks
/// A handler thread's life: feed its worker chunks until the queue closes,
/// replacing the worker whenever it dies or runs too long.
fn serve_chunks(mut worker: Worker, queue: &Receiver<Chunk>, shared: &Shared) {
    for chunk in queue.iter() {
        let count = chunk.ends.len();
        match shared.run(&mut worker, &chunk.task, &chunk.inputs, count) {
            Ok(results) => {
                let _ = chunk.results.send((chunk.first, count, Ok(results)));
            }
            Err(error) => {
                // The worker is gone (or was killed): replace it.
                worker = shared.replace(worker);
                if count == 1 {
                    let _ = chunk.results.send((chunk.first, 1, Err(error)));
                    continue;
                }
                // Retry a larger chunk one task at a time, so only the culprit
                // reports an error.
                for i in 0..count {
                    let result = shared.run(&mut worker, &chunk.task, chunk.input(i), 1);
                    if result.is_err() {
                        worker = shared.replace(worker);
                    }
                    let _ = chunk.results.send((chunk.first + i, 1, result));
                }
            }
        }
    }
    shared.stop(worker);
}
// ANCHOR_END: serve_chunks

impl Shared {
    fn start_worker(&self) -> io::Result<Worker> {
        let mut child = Command::new(&self.program)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        self.started
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(child.id());
        let requests = BufWriter::new(child.stdin.take().expect("stdin is piped"));
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        // Replies are read on a thread of their own, so the handler can wait
        // for one with a time limit.
        let (reply, replies) = crossbeam_channel::bounded(1);
        thread::spawn(move || {
            while let Some(message) = receive::<Reply>(&mut stdout).transpose() {
                let failed = message.is_err();
                if reply.send(message).is_err() || failed {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            requests,
            replies,
        })
    }

    /// Sends one request for `count` inputs and waits for its reply, within
    /// the time limit (scaled by `count`). A reply that refuses the whole
    /// chunk is a `Failed` error for all of it.
    fn run(
        &self,
        worker: &mut Worker,
        task: &str,
        inputs: &[u8],
        count: usize,
    ) -> Result<Vec<u8>, TaskError> {
        let request = Request::Run {
            task: task.to_owned(),
            inputs: inputs.to_vec(),
        };
        send(&mut worker.requests, &request).map_err(|e| TaskError::WorkerDied(e.to_string()))?;
        let now = self.busy.fetch_add(1, Ordering::Relaxed) + 1;
        self.busy_peak.fetch_max(now, Ordering::Relaxed);
        let reply = match self.time_limit {
            None => worker
                .replies
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
            Some(limit) => worker.replies.recv_timeout(limit * count as u32),
        };
        self.busy.fetch_sub(1, Ordering::Relaxed);
        match reply {
            Ok(Ok(Ok(results))) => Ok(results),
            Ok(Ok(Err(refused))) => Err(TaskError::Failed(refused)),
            Ok(Err(frame)) => Err(TaskError::WorkerDied(frame.to_string())),
            Err(RecvTimeoutError::Timeout) => Err(TaskError::TimedOut),
            Err(RecvTimeoutError::Disconnected) => {
                Err(TaskError::WorkerDied(describe_exit(&mut worker.child)))
            }
        }
    }

    /// Kills and reaps `worker`, and starts another in its place.
    fn replace(&self, mut worker: Worker) -> Worker {
        let _ = worker.child.kill();
        let _ = worker.child.wait();
        self.start_worker().expect("a replacement worker starts")
    }

    /// Asks `worker` to shut down and waits for its process.
    fn stop(&self, mut worker: Worker) {
        let _ = send(&mut worker.requests, &Request::Shutdown);
        drop(worker.requests);
        let _ = worker.child.wait();
    }
}

/// How a worker that stopped answering ended.
fn describe_exit(child: &mut Child) -> String {
    match child.wait() {
        Ok(status) => format!("the worker exited: {status}"),
        Err(e) => format!("the worker vanished: {e}"),
    }
}

impl fmt::Debug for ProcessPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProcessPool")
            .field("workers", &self.handlers.len())
            .field("program", &self.shared.program)
            .finish_non_exhaustive()
    }
}
