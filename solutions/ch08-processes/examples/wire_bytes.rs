//! What a request looks like on the pipe, byte by byte, and what the reading
//! side makes of bytes that are not a whole frame: a book example for chapter
//! 6's "What crosses between processes".
//!
//! It writes one `Request::Run` with the chapter's `send`, prints the frame
//! (the length prefix, then postcard's encoding of the request), reads it
//! back with `receive`, and then feeds `receive` a stream that ends cleanly,
//! a frame cut short, a length prefix of 2 GiB, and a payload that is not a
//! request.
//!
//! Run it with `cargo run -p ch08-processes-solution --example wire_bytes`.

use ch08_processes::protocol::{Request, encode_each, receive, send};

// ANCHOR: wire
fn main() {
    let request = Request::Run {
        task: "square".to_owned(),
        inputs: {
            let mut inputs = Vec::new();
            encode_each(&[3u64, 300], &mut inputs);
            inputs
        },
    };
    let mut pipe = Vec::new();
    send(&mut pipe, &request).expect("a Vec takes any bytes");
    let (length, payload) = pipe.split_at(4);
    println!("length prefix {length:?}: {} bytes follow", payload.len());
    // 0: the variant `Run`; 6 and "square": the task's name; 3: the inputs'
    // byte count; [3] and [172, 2]: 3 and 300 as postcard's varints.
    println!("payload {payload:?}");
    println!("read back: {:?}", receive::<Request>(&mut &pipe[..]));

    let oversized = [0, 0, 0, 128, 1, 2, 3];
    let not_a_request = [1, 0, 0, 0, 9];
    for (what, bytes) in [
        ("an empty stream", &[][..]),
        ("a frame cut short", &pipe[..pipe.len() - 2]),
        ("a length of 2 GiB", &oversized[..]),
        ("a frame that is no request", &not_a_request[..]),
    ] {
        let mut stream = bytes;
        println!("{what}: {:?}", receive::<Request>(&mut stream));
    }
}
// ANCHOR_END: wire
