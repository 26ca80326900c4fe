"""Chapter 2's measurements in Python: what sharing a configuration costs
(S7), and whether check-then-act on a dict is safe under the GIL (myth S8).
To set beside the Rust benchmark `solutions/ch02-sharing/benches/sharing.rs`.

Written for Lockstep. `cargo xtask bench ch02-sharing` runs it as
python3 python/ch02_sharing.py book/src/measurements/ch02-python.csv
(ch02-python-free-threaded.csv on a free-threaded interpreter).

- share (param: entries): handing a worker a configuration of 10, 1 000 or
  100 000 entries (a list and a dict of that many), one call's time:
  `deepcopy` is copy.deepcopy of it, `reference` an assignment (what passing
  it to a thread does). share_batch holds the best batch each was timed in.
- double_bookings (a count, not a time, in the value column; param: the
  run): THREADS threads each try to book every one of SEATS seats in one
  dict with `if seat not in taken: taken[seat] = who`, five runs; how many
  seats were given to more than one thread. `bare`: nothing between the
  check and the act; `call_between`: a call of an empty function there;
  `locked`: the same call, with a `with lock:` around the check, the call
  and the act. Run it on the interpreters you have: the answer depends on
  them.
"""

import copy
import sys
import threading

from timing import Measurements, gil_enabled, runs

SIZES = ((10, 2_000), (1_000, 20), (100_000, 1))
REFERENCES = 1_000_000
THREADS = 4
SEATS = 1_000_000


def configuration(entries):
    return {
        "name": f"config of {entries}",
        "limits": list(range(entries)),
        "names": {f"key-{i}": i for i in range(entries)},
    }


def nothing():
    pass


def bare(taken, who):
    yes = 0
    for seat in range(SEATS):
        if seat not in taken:
            taken[seat] = who
            yes += 1
    return yes


def call_between(taken, who):
    yes = 0
    for seat in range(SEATS):
        if seat not in taken:
            nothing()
            taken[seat] = who
            yes += 1
    return yes


lock = threading.Lock()


def locked(taken, who):
    yes = 0
    for seat in range(SEATS):
        with lock:
            if seat not in taken:
                nothing()
                taken[seat] = who
                yes += 1
    return yes


def double_bookings(book):
    """THREADS threads book every seat they find free; returns how many
    seats more than one of them was told it had."""
    taken = {}
    told_yes = []
    start = threading.Barrier(THREADS)

    def booker(who):
        start.wait()
        told_yes.append(book(taken, who))

    threads = [threading.Thread(target=booker, args=(who,)) for who in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(told_yes) - len(taken)


def main():
    print(f"python {sys.version.split()[0]}, GIL enabled: {gil_enabled()}", file=sys.stderr)
    m = Measurements("ch02-python")

    for entries, batch in SIZES:
        config = configuration(entries)

        def refer():
            for _ in range(REFERENCES):
                shared = config  # noqa: F841 (the reference is the point)

        took = m.best_of("share_batch", "reference", entries, 5, refer)
        m.record("share", "reference", entries, took * 1e3 / REFERENCES)

        def deep_copy():
            for _ in range(batch):
                copy.deepcopy(config)

        took = m.best_of("share_batch", "deepcopy", entries, 5, deep_copy)
        m.record("share", "deepcopy", entries, took * 1e3 / batch)

    for case, book in (("bare", bare), ("call_between", call_between), ("locked", locked)):
        for run in range(1, runs(5) + 1):
            m.record("double_bookings", case, run, double_bookings(book))
    m.write()


if __name__ == "__main__":
    main()
