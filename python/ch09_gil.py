"""Chapter 9's experiment on CPython's real GIL, to set beside the Rust
benchmark `solutions/ch09-gil/benches/experiment.rs`.

Written for Lockstep. `cargo xtask bench ch09-gil` runs it as
python3 python/ch09_gil.py book/src/measurements/ch09-python.csv
CPU-bound work (a pure-Python loop) and I/O-bound work (time.sleep) are
split over 1, 2 and 4 threads, best of three runs each. It also records the
interpreter's switch interval and whether its GIL is enabled (3.13+ can say).
"""

import sys
import threading
import time

from timing import Measurements, gil_enabled

CPU_STEPS = 10_000_000
IO_TASKS = 40
IO_WAIT = 0.010
THREADS = (1, 2, 4)


def spin(steps):
    total = 0
    for i in range(steps):
        total += i * i % 7
    return total


def on_threads(threads, work):
    pool = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()


def cpu_bound(threads):
    on_threads(threads, lambda t: spin(CPU_STEPS // threads))


def io_bound(threads):
    def waits(t):
        for _ in range(t, IO_TASKS, threads):
            time.sleep(IO_WAIT)

    on_threads(threads, waits)


def main():
    gil = gil_enabled()
    print(f"python {sys.version.split()[0]}, GIL enabled: {gil}, "
          f"switch interval {sys.getswitchinterval() * 1e3:.1f} ms", file=sys.stderr)
    m = Measurements("ch09-python")
    m.record("interpreter", "switch_interval", 0, sys.getswitchinterval() * 1e3)
    case = "python_gil" if gil else "python_no_gil"
    for name, work in (("cpu", cpu_bound), ("io", io_bound)):
        for threads in THREADS:
            m.best_of(name, case, threads, 3, lambda: work(threads))
    m.write()


if __name__ == "__main__":
    main()
