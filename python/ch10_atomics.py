"""Chapter 10's measurement in Python: a counter behind threading.Lock, shared
by 1, 2 or 4 threads (O9). To set beside the Rust benchmark
`solutions/ch10-atomics/benches/atomics.rs`, whose `locks_short` rows do the
same with a spin lock, std's Mutex and parking_lot's.

Written for Lockstep. `cargo xtask bench ch10-atomics` runs it as
python3 python/ch10_atomics.py book/src/measurements/ch10-python.csv
(ch10-python-free-threaded.csv on a free-threaded interpreter).

- locks (param: threads): 200 000 increments of one shared counter, split
  evenly between 1, 2 or 4 threads, each made inside `with lock:` on one
  threading.Lock (`lock`), and, for contrast, with a bare `+=` and no lock
  (`bare`), which Python does not promise to keep exact: on a free-threaded
  interpreter it can lose updates, and the script says how many it lost.
  The best of 3.

Python has no atomic integers in its standard library: a lock, or the
GIL, is what it offers in their place.
"""

import sys
import threading

from timing import Measurements, gil_enabled

INCREMENTS = 200_000
THREADS = (1, 2, 4)


class Counter:
    def __init__(self):
        self.value = 0


def locked(counter, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1


def bare(counter, lock, n):
    for _ in range(n):
        counter.value += 1


def increment(threads, work):
    """Runs work on `threads` threads sharing INCREMENTS increments; returns
    how many increments were lost."""
    counter, lock = Counter(), threading.Lock()
    each = INCREMENTS // threads
    workers = [threading.Thread(target=work, args=(counter, lock, each)) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return INCREMENTS - counter.value


def check(lost):
    assert lost == 0, f"the lock lost {lost} increments"


def main():
    print(f"python {sys.version.split()[0]}, GIL enabled: {gil_enabled()}", file=sys.stderr)
    m = Measurements("ch10-python")
    for threads in THREADS:
        m.best_of("locks", "lock", threads, 3, lambda: check(increment(threads, locked)))
        lost = []
        m.best_of("locks", "bare", threads, 3, lambda: lost.append(increment(threads, bare)))
        if max(lost) > 0:
            print(f"bare += on {threads} threads lost up to {max(lost)} increments", file=sys.stderr)
    m.write()


if __name__ == "__main__":
    main()
