"""Chapter 1's measurements in Python, to set beside the Rust benchmark
`solutions/ch01-threads/benches/cost.rs`.

Written for Lockstep. `cargo xtask bench ch01-threads` runs it as
python3 python/ch01_threads.py book/src/measurements/ch01-python.csv
It times starting and joining a thread against a plain call, and the same
CPU-bound work (Collatz steps for 1..200_000) split over 1, 2 and 4 threads.
"""

import sys
import threading

from timing import Measurements

NUMBERS = 200_000


def collatz_steps(n):
    steps = 0
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def parallel_sum(numbers, threads):
    size, extra = divmod(len(numbers), threads)
    results = [0] * threads
    workers = []
    start = 0
    for i in range(threads):
        end = start + size + (1 if i < extra else 0)
        part = numbers[start:end]

        def work(i=i, part=part):
            results[i] = sum(collatz_steps(x) for x in part)

        workers.append(threading.Thread(target=work))
        start = end
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(results)



def main():
    print(f"python {sys.version.split()[0]}", file=sys.stderr)
    m = Measurements("ch01-python")
    calls = 2_000
    for case, call in (("python_plain_call", int), ("python_spawn_and_join", _start_join)):
        m.per_call("spawn", case, calls, 3, call)
    numbers = list(range(1, NUMBERS + 1))
    for threads in (1, 2, 4):
        m.best_of("collatz", "python", threads, 3, lambda: parallel_sum(numbers, threads))
    m.write()


def _start_join():
    t = threading.Thread(target=int)
    t.start()
    t.join()


if __name__ == "__main__":
    main()
