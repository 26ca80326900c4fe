use ch08_processes::protocol::{
    FrameError, MAX_FRAME, Registry, Reply, Request, decode_each, encode_each, read_frame, receive,
    send, serve, write_frame,
};
use std::io::{self, Cursor, Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::worker;

fn square(x: u64) -> u64 {
    x * x
}

fn fail_on_seven(x: u64) -> u64 {
    assert!(x != 7, "seven is not allowed");
    x
}

fn registry() -> Registry {
    let mut registry = Registry::new();
    registry.register("square", square);
    registry.register("fail_on_seven", fail_on_seven);
    registry
}

/// The inputs' encodings, one after another.
fn encoded(inputs: &[u64]) -> Vec<u8> {
    let mut out = Vec::new();
    encode_each(inputs, &mut out);
    out
}

/// Runs the worker binary with `bytes` as its whole stdin; returns its exit
/// code and stderr.
fn feed_worker(bytes: &[u8]) -> (Option<i32>, String) {
    let mut child = Command::new(worker())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the worker starts");
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(bytes);
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A worker process that is killed and reaped when the test ends, whether it
/// passed or not, so no test leaves one behind.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits at most `limit` for `child` to exit.
fn exit_within(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("the worker can be waited for") {
            return Some(status);
        }
        thread::sleep(Duration::from_millis(5));
    }
    None
}

/// Hands out its bytes one at a time, as a pipe may.
struct Trickle(Cursor<Vec<u8>>);

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let end = buf.len().min(1);
        self.0.read(&mut buf[..end])
    }
}

/// The bytes as hex pairs, for snapshots.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

grading::graded! {
    fn frames_round_trip_and_the_end_is_clean() {
        let mut stream = Vec::new();
        for payload in [&b"one"[..], b"", b"three"] {
            write_frame(&mut stream, payload).unwrap();
        }
        assert_eq!(&stream[..4], 3u32.to_le_bytes(), "a 4-byte little-endian length comes first");
        let mut input = Cursor::new(stream);
        assert_eq!(read_frame(&mut input), Ok(Some(b"one".to_vec())), "read_frame gives back the first frame written, \"one\"");
        assert_eq!(read_frame(&mut input), Ok(Some(Vec::new())), "an empty payload is a frame too: read_frame gives it back empty");
        assert_eq!(read_frame(&mut input), Ok(Some(b"three".to_vec())), "read_frame gives back the third frame written, \"three\"");
        assert_eq!(read_frame(&mut input), Ok(None), "a stream that ends between frames ends cleanly");
    }

    fn a_frame_that_arrives_in_pieces_is_read_whole() {
        let mut stream = Vec::new();
        for payload in [&b"one"[..], b"", b"three"] {
            write_frame(&mut stream, payload).unwrap();
        }
        // One byte per read: a single read() is not a whole frame.
        let mut input = Trickle(Cursor::new(stream));
        assert_eq!(read_frame(&mut input), Ok(Some(b"one".to_vec())), "a frame read in pieces must come back whole");
        assert_eq!(read_frame(&mut input), Ok(Some(Vec::new())), "an empty frame read in pieces comes back empty");
        assert_eq!(read_frame(&mut input), Ok(Some(b"three".to_vec())), "a frame read in pieces must come back whole");
        assert_eq!(read_frame(&mut input), Ok(None), "a stream that ends between frames ends cleanly, also when read in pieces");
        let mut cut = 10u32.to_le_bytes().to_vec();
        cut.extend_from_slice(b"abc");
        assert_eq!(
            read_frame(&mut Trickle(Cursor::new(cut))),
            Err(FrameError::Truncated { expected: 10, got: 3 }),
            "a frame cut short is reported, also when it arrives in pieces"
        );
    }

    fn frames_on_the_wire_are_a_length_then_the_bytes() {
        let mut lines = Vec::new();
        for payload in [&b"one"[..], b"", b"three"] {
            let mut frame = Vec::new();
            write_frame(&mut frame, payload).unwrap();
            lines.push(format!("{:<8} {}", format!("{:?}", String::from_utf8_lossy(payload)), hex(&frame)));
        }
        let requests = [
            ("Run", Request::Run { task: "square".into(), inputs: encoded(&[2, 300]) }),
            ("Shutdown", Request::Shutdown),
        ];
        for (name, request) in requests {
            let mut frame = Vec::new();
            send(&mut frame, &request).unwrap();
            lines.push(format!("{name:<8} {}", hex(&frame)));
        }
        insta::assert_snapshot!("frames_on_the_wire", lines.join("\n"));
    }

    fn broken_streams_are_reported_by_what_broke() {
        let mut cut_payload = 10u32.to_le_bytes().to_vec();
        cut_payload.extend_from_slice(b"abc");
        let streams: [(&str, Vec<u8>); 6] = [
            ("nothing at all", Vec::new()),
            ("half a length", vec![1, 0]),
            ("a length and no payload", 5u32.to_le_bytes().to_vec()),
            ("3 bytes of 10", cut_payload),
            ("one byte over MAX_FRAME", ((MAX_FRAME + 1) as u32).to_le_bytes().to_vec()),
            ("the largest length", u32::MAX.to_le_bytes().to_vec()),
        ];
        let lines: Vec<String> = streams
            .into_iter()
            .map(|(what, stream)| match read_frame(&mut Cursor::new(stream)) {
                Ok(None) => format!("{what}: a clean end"),
                Ok(Some(payload)) => format!("{what}: a frame of {} bytes", payload.len()),
                Err(error) => format!("{what}: {error}"),
            })
            .collect();
        insta::assert_snapshot!("frame_errors", lines.join("\n"));
    }

    fn a_frame_cut_short_is_reported() {
        let mut stream = 10u32.to_le_bytes().to_vec();
        stream.extend_from_slice(b"abc");
        assert_eq!(
            read_frame(&mut Cursor::new(stream)),
            Err(FrameError::Truncated { expected: 10, got: 3 }),
            "a frame that announces 10 bytes and ends after 3 is Truncated, not a shorter frame"
        );
        assert_eq!(
            read_frame(&mut Cursor::new(vec![1, 0])),
            Err(FrameError::Truncated { expected: 4, got: 2 }),
            "a stream that ends inside the 4-byte length is Truncated, not a clean end"
        );
    }

    fn an_oversized_length_is_refused_before_anything_is_read() {
        let stream = u32::MAX.to_le_bytes().to_vec();
        assert_eq!(
            read_frame(&mut Cursor::new(stream)),
            Err(FrameError::Oversized { len: u32::MAX as usize }),
            "a length over MAX_FRAME is Oversized, found before any payload is allocated or read"
        );
        let just_over = ((MAX_FRAME + 1) as u32).to_le_bytes().to_vec();
        assert!(
            matches!(read_frame(&mut Cursor::new(just_over)), Err(FrameError::Oversized { .. })),
            "a length of MAX_FRAME + 1 is already Oversized"
        );
    }

    fn a_frame_of_exactly_max_frame_passes_and_one_byte_more_does_not() {
        assert_eq!(MAX_FRAME, 16 * 1024 * 1024, "16 MiB, as documented");
        let payload = vec![7u8; MAX_FRAME];
        let mut stream = Vec::new();
        write_frame(&mut stream, &payload).unwrap();
        assert_eq!(
            read_frame(&mut Cursor::new(stream)).unwrap().map(|p| p.len()),
            Some(MAX_FRAME),
            "a frame of exactly MAX_FRAME bytes is allowed and read whole"
        );
        let refused = write_frame(&mut Vec::new(), &vec![0u8; MAX_FRAME + 1]).unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::InvalidInput, "write_frame refuses a payload over MAX_FRAME with ErrorKind::InvalidInput");
    }

    fn an_interrupted_read_is_retried_and_another_error_is_reported() {
        /// Fails its first read with `error`, then reads from `rest`.
        struct Flaky(Option<io::ErrorKind>, Cursor<Vec<u8>>);
        impl Read for Flaky {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                match self.0.take() {
                    Some(kind) => Err(io::Error::new(kind, "flaky")),
                    None => self.1.read(buf),
                }
            }
        }
        let mut stream = Vec::new();
        write_frame(&mut stream, b"hi").unwrap();
        let mut interrupted = Flaky(Some(io::ErrorKind::Interrupted), Cursor::new(stream.clone()));
        assert_eq!(read_frame(&mut interrupted), Ok(Some(b"hi".to_vec())), "EINTR means: try again");
        let mut broken = Flaky(Some(io::ErrorKind::BrokenPipe), Cursor::new(stream));
        assert!(matches!(read_frame(&mut broken), Err(FrameError::Io(_))), "other errors are reported");
    }

    fn a_malformed_message_is_reported() {
        let mut stream = Vec::new();
        write_frame(&mut stream, &[0xff, 0xff, 0xff]).unwrap();
        let outcome = receive::<Request>(&mut Cursor::new(stream));
        assert!(
            matches!(outcome, Err(FrameError::Malformed(_))),
            "a frame whose bytes are not a Request is FrameError::Malformed, got {outcome:?}"
        );
    }

    fn the_registry_runs_named_tasks_and_turns_panics_into_errors() {
        let registry = registry();
        let results: Vec<Result<u64, String>> = decode_each(&registry.run("square", &encoded(&[4, 5])).unwrap()).unwrap();
        assert_eq!(results, [Ok(16), Ok(25)], "the registry runs the task named \"square\" on each input of the chunk");
        let results: Vec<Result<u64, String>> =
            decode_each(&registry.run("fail_on_seven", &encoded(&[6, 7, 8])).unwrap()).unwrap();
        assert_eq!(results[0], Ok(6), "the input before the one that panics still gives its result");
        assert!(
            results[1].as_ref().unwrap_err().contains("seven is not allowed"),
            "the task's panic on 7 comes back as that input's Err, holding the panic message: {results:?}"
        );
        assert_eq!(results[2], Ok(8), "the panic costs only its own input");
        assert!(
            registry.run("cube", &encoded(&[4])).unwrap_err().contains("cube"),
            "running a task that is not registered is an error that names it (\"cube\")"
        );
        assert!(
            registry.run("square", &[0xff]).unwrap_err().contains("bad input"),
            "inputs that do not decode are refused with an error that says \"bad input\""
        );
        let mut half_good = encoded(&[4]);
        half_good.push(0xff);
        let refused = registry.run("square", &half_good);
        assert!(
            refused.as_ref().is_err_and(|why| why.contains("bad input")),
            "inputs that stop decoding half-way refuse the whole request, not return the results so far: {refused:?}"
        );
    }

    fn serve_answers_every_request_until_shutdown() {
        let mut input = Vec::new();
        send(&mut input, &Request::Run { task: "square".into(), inputs: encoded(&[2, 3]) }).unwrap();
        send(&mut input, &Request::Run { task: "fail_on_seven".into(), inputs: encoded(&[6, 7]) }).unwrap();
        send(&mut input, &Request::Run { task: "cube".into(), inputs: encoded(&[2]) }).unwrap();
        send(&mut input, &Request::Shutdown).unwrap();
        send(&mut input, &Request::Run { task: "square".into(), inputs: encoded(&[9]) }).unwrap();
        let mut output = Vec::new();
        serve(Cursor::new(input), &mut output, &registry()).unwrap();
        let mut replies = Cursor::new(output);
        let decode = |reply: Reply| decode_each::<Result<u64, String>>(&reply.unwrap()).unwrap();
        assert_eq!(
            decode(receive(&mut replies).unwrap().unwrap()),
            [Ok(4), Ok(9)],
            "serve answers the first request, square of [2, 3], with its results"
        );
        let second = decode(receive(&mut replies).unwrap().unwrap());
        assert_eq!(second[0], Ok(6), "in the second request, the input before the one that panics still gives its result");
        assert!(second[1].is_err(), "the panic is an error for that input only");
        let refused: Reply = receive(&mut replies).unwrap().unwrap();
        assert!(refused.unwrap_err().contains("cube"), "an unknown task refuses the request");
        assert_eq!(receive::<Reply>(&mut replies).unwrap(), None, "nothing after shutdown");
    }

    fn a_worker_answers_each_request_while_its_stdin_is_still_open() {
        let mut running = Running(
            Command::new(worker())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .expect("the worker starts"),
        );
        let mut requests = running.0.stdin.take().unwrap();
        let mut replies = running.0.stdout.take().unwrap();
        let (reply, arrived) = mpsc::channel();
        let reader = thread::spawn(move || {
            while let Ok(Some(message)) = receive::<Reply>(&mut replies) {
                if reply.send(message).is_err() {
                    break;
                }
            }
        });
        for x in [3, 4] {
            send(&mut requests, &Request::Run { task: "square".into(), inputs: encoded(&[x]) }).unwrap();
            // The worker writes through a buffered stdout: the reply must be flushed.
            let answer = arrived.recv_timeout(Duration::from_secs(2)).unwrap_or_else(|_| {
                panic!("no reply to a request within 2 s while the worker's stdin stayed open: is the reply left in a buffer?")
            });
            assert_eq!(
                decode_each::<Result<u64, String>>(&answer.unwrap()).unwrap(),
                [Ok(x * x)],
                "the worker answers square of {x} with its result"
            );
        }
        send(&mut requests, &Request::Shutdown).unwrap();
        let status = exit_within(&mut running.0, Duration::from_secs(2))
            .expect("`Shutdown` must end the worker, even while its stdin is still open");
        assert!(status.success(), "a worker that was told to shut down exits cleanly: {status}");
        drop(requests);
        reader.join().unwrap();
    }

    fn the_worker_process_reports_bad_frames_and_exits() {
        let (code, stderr) = feed_worker(&u32::MAX.to_le_bytes());
        assert_eq!(code, Some(2), "serve returns the error for an oversized length, so the worker exits with code 2; its stderr: {stderr}");
        assert!(stderr.contains("oversized frame"), "the worker's stderr names the oversized frame; it said: {stderr}");
        let mut garbage = 3u32.to_le_bytes().to_vec();
        garbage.extend_from_slice(&[0xff, 0xff, 0xff]);
        let (code, stderr) = feed_worker(&garbage);
        assert_eq!(code, Some(2), "serve returns the error for a frame that is not a Request, so the worker exits with code 2; its stderr: {stderr}");
        assert!(stderr.contains("malformed frame"), "the worker's stderr names the malformed frame; it said: {stderr}");
        let (code, stderr) = feed_worker(&[9, 0, 0, 0, 1]);
        assert_eq!(code, Some(2), "serve returns the error for a frame cut short, so the worker exits with code 2; its stderr: {stderr}");
        assert!(stderr.contains("truncated frame"), "the worker's stderr names the truncated frame; it said: {stderr}");
        let (code, _) = feed_worker(&[]);
        assert_eq!(code, Some(0), "an empty stdin is a clean end");
    }
}
