"""Chapter 5's measurements in Python, to compare with
`cargo bench -p ch05-pools-solution --bench pools`.

Written for Lockstep. Run with: python3 python/ch05_pools.py
It squares a million numbers with multiprocessing.pool.ThreadPool.map on
1, 2, 4 and 8 workers (default chunk size), once returning the squares and
once returning None (the P6 claim), and times 100 waits of 10 ms on 10 workers
(the P2 claim).
"""

import sys
import time

from timing import best_of
from multiprocessing.pool import ThreadPool

N = 1_000_000


def square(x):
    return x * x


def square_and_drop(x):
    x * x



def main():
    print(f"python {sys.version.split()[0]}")
    numbers = list(range(N))
    for workers in (1, 2, 4, 8):
        with ThreadPool(workers) as pool:
            took = best_of(3, lambda: pool.map(square, numbers))
        print(f"map_1m_chunked workers={workers}  {took * 1e3:8.1f} ms")
    with ThreadPool(2) as pool:
        returning = best_of(3, lambda: pool.map(square, numbers))
        dropping = best_of(3, lambda: pool.map(square_and_drop, numbers))
    print(f"returning the squares (2 workers)  {returning * 1e3:8.1f} ms")
    print(f"returning None        (2 workers)  {dropping * 1e3:8.1f} ms")
    print(f"ratio returning / not              {returning / dropping:8.2f}")
    with ThreadPool(10) as pool:
        took = best_of(3, lambda: pool.map(lambda _: time.sleep(0.01), range(100)))
    print(f"100 waits of 10 ms on 10 workers   {took * 1e3:8.1f} ms (sequential: 1000 ms)")


if __name__ == "__main__":
    main()
