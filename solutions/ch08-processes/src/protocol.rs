//! Exercise `protocol` (X3): what may cross from one process to another.
//!
//! Processes share no memory, so a task and its arguments travel as bytes:
//! here, length-prefixed frames (a 4-byte little-endian length, then that
//! many bytes) carrying messages serialised with serde in postcard's compact
//! format. Python's `multiprocessing` pickles the function by *name* and
//! the arguments by value; the worker imports the function. Rust cannot send
//! code either: a worker runs only tasks from its [`Registry`], by name, and
//! a task is a plain `fn`, never a closure that captured state.
//!
//! Bytes from another process are input like any other: a frame that is
//! malformed, cut short or absurdly long is an error to report, never a
//! panic, an allocation of gigabytes, or a read that waits forever.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::panic::{self, AssertUnwindSafe};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The largest frame either side accepts: 16 MiB.
pub const MAX_FRAME: usize = 16 * 1024 * 1024;

/// What went wrong reading a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameError {
    /// The stream ended inside a frame.
    Truncated {
        /// Bytes the frame announced (or 4 for the length itself).
        expected: usize,
        /// Bytes that arrived.
        got: usize,
    },
    /// The length prefix is over [`MAX_FRAME`].
    Oversized {
        /// The announced length.
        len: usize,
    },
    /// The bytes are not a message of the expected type.
    Malformed(String),
    /// Reading failed.
    Io(String),
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::Truncated { expected, got } => {
                write!(f, "truncated frame: expected {expected} bytes, got {got}")
            }
            FrameError::Oversized { len } => {
                write!(f, "oversized frame: {len} bytes, the limit is {MAX_FRAME}")
            }
            FrameError::Malformed(why) => write!(f, "malformed frame: {why}"),
            FrameError::Io(why) => write!(f, "cannot read a frame: {why}"),
        }
    }
}

impl std::error::Error for FrameError {}

/// A request from the pool to a worker. (Given.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Run `task` on each of a chunk of inputs.
    Run {
        /// The task's name in the worker's registry.
        task: String,
        /// The inputs' encodings, one after another (see [`encode_each`]):
        /// one buffer per chunk, not one per input.
        inputs: Vec<u8>,
    },
    /// Finish and exit.
    Shutdown,
}

/// A worker's answer to [`Request::Run`]: the encodings of one
/// `Result<O, String>` per input, one after another (the error is the task's
/// panic message); or, for the whole chunk, why it could not run (no such
/// task, inputs that do not decode). (Given.)
pub type Reply = Result<Vec<u8>, String>;

/// Appends the encoding of every item to `out`; returns where each ends.
/// (Given.)
pub fn encode_each<T: Serialize>(items: &[T], out: &mut Vec<u8>) -> Vec<usize> {
    items
        .iter()
        .map(|item| {
            *out = postcard::to_extend(item, std::mem::take(out)).expect("a Vec takes any bytes");
            out.len()
        })
        .collect()
}

/// Decodes items encoded one after another until `bytes` is used up. (Given.)
///
/// # Errors
///
/// When the bytes are not a whole number of encodings of `T`.
pub fn decode_each<T: DeserializeOwned>(mut bytes: &[u8]) -> Result<Vec<T>, String> {
    let mut items = Vec::new();
    while !bytes.is_empty() {
        let (item, rest) = postcard::take_from_bytes(bytes).map_err(|e| e.to_string())?;
        items.push(item);
        bytes = rest;
    }
    Ok(items)
}

// ANCHOR: frames
/// Writes `payload` as one frame: its length as 4 little-endian bytes, then
/// the bytes.
///
/// # Errors
///
/// When writing fails, or the payload is over [`MAX_FRAME`].
pub fn write_frame(out: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    if payload.len() > MAX_FRAME {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "frame over MAX_FRAME",
        ));
    }
    out.write_all(&(payload.len() as u32).to_le_bytes())?;
    out.write_all(payload)?;
    out.flush()
}

/// Reads one frame. `Ok(None)` when the stream ends cleanly before a frame.
///
/// The length is checked against [`MAX_FRAME`] *before* anything is
/// allocated: the other side decides the length, so it is not trusted.
pub fn read_frame(input: &mut impl Read) -> Result<Option<Vec<u8>>, FrameError> {
    let mut len = [0u8; 4];
    match read_full(input, &mut len)? {
        0 => return Ok(None),
        4 => {}
        got => return Err(FrameError::Truncated { expected: 4, got }),
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(FrameError::Oversized { len });
    }
    let mut payload = vec![0; len];
    match read_full(input, &mut payload)? {
        got if got == len => Ok(Some(payload)),
        got => Err(FrameError::Truncated { expected: len, got }),
    }
}

/// Reads until `buf` is full or the stream ends; returns how much arrived.
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> Result<usize, FrameError> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(FrameError::Io(e.to_string())),
        }
    }
    Ok(filled)
}
// ANCHOR_END: frames

/// Serialises `message` and writes it as one frame. (Given.)
pub fn send<T: Serialize>(out: &mut impl Write, message: &T) -> io::Result<()> {
    let bytes = postcard::to_stdvec(message).map_err(io::Error::other)?;
    write_frame(out, &bytes)
}

/// Reads one frame and deserialises it. (Given.)
pub fn receive<T: DeserializeOwned>(input: &mut impl Read) -> Result<Option<T>, FrameError> {
    match read_frame(input)? {
        None => Ok(None),
        Some(bytes) => postcard::from_bytes(&bytes)
            .map(Some)
            .map_err(|e| FrameError::Malformed(e.to_string())),
    }
}

/// A task as the worker runs it: a chunk of encoded inputs in, the encoded
/// results appended to the output.
type ErasedTask = Box<dyn Fn(&[u8], &mut Vec<u8>) -> Result<(), String> + Send + Sync>;

/// The tasks a worker can run, by name.
#[derive(Default)]
pub struct Registry {
    tasks: HashMap<&'static str, ErasedTask>,
}

// ANCHOR: registry
impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `task` under `name`. A task is a plain function pointer: it
    /// cannot carry captured state to another process, so it may not have
    /// any (the lesson `closure_is_not_a_task`).
    pub fn register<I, O>(&mut self, name: &'static str, task: fn(I) -> O)
    where
        I: DeserializeOwned + 'static,
        O: Serialize + 'static,
    {
        self.tasks.insert(
            name,
            Box::new(move |mut inputs: &[u8], out: &mut Vec<u8>| {
                while !inputs.is_empty() {
                    let (input, rest) = postcard::take_from_bytes::<I>(inputs)
                        .map_err(|e| format!("bad input: {e}"))?;
                    inputs = rest;
                    // One input's panic becomes that input's error; the rest
                    // of the chunk goes on. AssertUnwindSafe: `input` is
                    // consumed by the call.
                    let result = panic::catch_unwind(AssertUnwindSafe(|| task(input)))
                        .map_err(|payload| panic_message(&*payload));
                    *out = postcard::to_extend(&result, std::mem::take(out))
                        .map_err(|e| format!("bad output: {e}"))?;
                }
                Ok(())
            }),
        );
    }

    /// Runs the task called `name` on a chunk of encoded inputs; returns the
    /// encoded results, one `Result<O, String>` per input.
    ///
    /// # Errors
    ///
    /// When there is no such task (the message names it), or the inputs do
    /// not decode (the message says "bad input").
    pub fn run(&self, name: &str, inputs: &[u8]) -> Result<Vec<u8>, String> {
        let task = self
            .tasks
            .get(name)
            .ok_or_else(|| format!("no task named `{name}`"))?;
        let mut out = Vec::with_capacity(inputs.len());
        task(inputs, &mut out)?;
        Ok(out)
    }
}
// ANCHOR_END: registry

// ANCHOR: serve
/// A worker's main loop: reads requests from `input`, runs them, writes
/// replies to `output`, until a `Shutdown` request or the end of `input`.
///
/// # Errors
///
/// With the frame error when a request cannot be read; the worker should
/// report it and exit, since the stream is out of step.
pub fn serve(
    mut input: impl Read,
    mut output: impl Write,
    registry: &Registry,
) -> Result<(), FrameError> {
    while let Some(request) = receive::<Request>(&mut input)? {
        match request {
            Request::Shutdown => break,
            Request::Run { task, inputs } => {
                let reply: Reply = registry.run(&task, &inputs);
                send(&mut output, &reply).map_err(|e| FrameError::Io(e.to_string()))?;
            }
        }
    }
    Ok(())
}
// ANCHOR_END: serve

/// The message of a panic payload. (Given.)
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<_> = self.tasks.keys().collect();
        names.sort();
        f.debug_struct("Registry").field("tasks", &names).finish()
    }
}
