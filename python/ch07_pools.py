"""Chapter 7's measurements in Python, to set beside the Rust benchmark
`solutions/ch07-pools/benches/pools.rs`.

Written for Lockstep. `cargo xtask bench ch07-pools` runs it as
python3 python/ch07_pools.py book/src/measurements/ch07-python.csv
It squares a million numbers with multiprocessing.pool.ThreadPool.map on
1, 2, 4 and 8 workers (default chunk size), once more on 2 workers returning
None (the P6 claim), and times 100 waits of 10 ms on 1 to 20 workers (P2).
Ten thousand waits at once, on threads and on asyncio, are chapter 11's:
python/ch11_async.py.
"""

import sys
import time

from multiprocessing.pool import ThreadPool

from timing import Measurements

N = 1_000_000


def square(x):
    return x * x


def square_and_drop(x):
    x * x


def wait(_):
    time.sleep(0.010)


def main():
    print(f"python {sys.version.split()[0]}", file=sys.stderr)
    m = Measurements("ch07-python")
    numbers = list(range(N))
    for workers in (1, 2, 4, 8):
        with ThreadPool(workers) as pool:
            m.best_of("map_1m", "python_chunked", workers, 3, lambda: pool.map(square, numbers))
            if workers == 2:
                m.best_of("map_1m", "python_chunked_no_results", workers, 3,
                          lambda: pool.map(square_and_drop, numbers))
    for workers in (1, 2, 5, 10, 20):
        with ThreadPool(workers) as pool:
            m.best_of("waits", "python_threadpool", workers, 3, lambda: pool.map(wait, range(100)))
    m.write()


if __name__ == "__main__":
    main()
