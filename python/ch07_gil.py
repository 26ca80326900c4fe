"""Chapter 7's experiment on CPython's real GIL, to set beside
`cargo bench -p ch07-gil-solution --bench experiment`.

Written for Lockstep. Run with: python3 python/ch07_gil.py [CSV-FILE]
CPU-bound work (a pure-Python loop) and I/O-bound work (time.sleep) are
split over 1, 2 and 4 threads; the speed-up is the time on one thread
divided by the time on n. With a file name it also writes the rows as CSV
in the same columns as the Rust benchmark.
"""

import sys
import threading
import time

from timing import best_of

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
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"python {sys.version.split()[0]}, GIL enabled: {gil}, "
          f"switch interval {sys.getswitchinterval() * 1e3:.1f} ms")
    rows = ["workload,gil,threads,ms,speedup"]
    for name, work in (("cpu", cpu_bound), ("io", io_bound)):
        base = None
        for threads in THREADS:
            took = best_of(3, lambda: work(threads))
            base = base or took
            speedup = base / took
            print(f"{name} on {threads} thread(s): {took * 1e3:8.1f} ms  {speedup:4.2f}x")
            rows.append(f"{name},{'with' if gil else 'without'},{threads},{took * 1e3:.2f},{speedup:.2f}")
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w") as out:
            out.write("\n".join(rows) + "\n")
        print(f"wrote {sys.argv[1]}")


if __name__ == "__main__":
    main()
