"""Chapter 3's measurement in Python: does `counter += 1` on two threads lose
updates? (Myth L10.) To set beside the Rust benchmark
`solutions/ch03-locks/benches/granularity.rs`, whose `lost_updates` rows do
the same with a separate atomic load and store.

Written for Lockstep. `cargo xtask bench ch03-locks` runs it as
python3 python/ch03_locks.py book/src/measurements/ch03-python.csv
(ch03-python-free-threaded.csv on a free-threaded interpreter). Two threads
each add one to a module-level counter a million times, without a lock,
five runs; the CSV's group lost_updates records, per run (the param), how
many of the two million additions were lost, in the value column: once with
a bare `counter += 1`, once with a function call between the read and the
write. Run it on the interpreters you have: the answer depends on them.
"""

import sys
import threading

from timing import Measurements, gil_enabled, runs

ADDS = 1_000_000
counter = 0


def bare(n):
    global counter
    for _ in range(n):
        counter += 1


def nothing():
    pass


def with_a_call(n):
    global counter
    for _ in range(n):
        value = counter
        nothing()
        counter = value + 1


def lost(work):
    """Runs work on two threads from a count of zero; returns the additions lost."""
    global counter
    counter = 0
    threads = [threading.Thread(target=work, args=(ADDS,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 2 * ADDS - counter


def main():
    print(f"python {sys.version.split()[0]}, GIL enabled: {gil_enabled()}", file=sys.stderr)
    m = Measurements("ch03-python")
    for case, work in (("bare_plus_equals", bare), ("call_between", with_a_call)):
        for run in range(1, runs(5) + 1):
            m.record("lost_updates", case, run, lost(work))
    m.write()


if __name__ == "__main__":
    main()
