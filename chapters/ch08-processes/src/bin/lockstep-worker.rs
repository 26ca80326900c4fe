//! The worker process of the chapter's process pool: it runs named tasks
//! from `ch08_processes::tasks::course_registry`, reading requests on stdin
//! and writing replies on stdout, until told to shut down or stdin closes.

use std::io::{self, BufWriter};
use std::process::ExitCode;

use ch08_processes::protocol::serve;
use ch08_processes::tasks::course_registry;

// ANCHOR: main
fn main() -> ExitCode {
    // A task's panic goes back to the pool as that task's error; printing it
    // here as well would only clutter the parent's stderr.
    std::panic::set_hook(Box::new(|_| {}));
    let registry = course_registry();
    let output = BufWriter::new(io::stdout().lock());
    match serve(io::stdin().lock(), output, &registry) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The stream is out of step: say why on stderr and stop.
            eprintln!("lockstep-worker: {error}");
            ExitCode::from(2)
        }
    }
}
// ANCHOR_END: main
