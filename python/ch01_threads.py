"""Chapter 1's measurements in Python, to compare with `cargo bench -p ch01-threads-solution --bench cost`.

Written for Lockstep. Run with: python3 python/ch01_threads.py
It prints the cost of starting and joining a thread, and the time of the same
CPU-bound work (Collatz steps for 1..200_000) split over 1, 2 and 4 threads.
"""

import sys
import threading

from timing import best_of

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
    print(f"python {sys.version.split()[0]}")
    spawns = 2_000
    per_spawn = best_of(3, lambda: [_start_join() for _ in range(spawns)]) / spawns
    call = best_of(3, lambda: [int() for _ in range(spawns)]) / spawns
    print(f"spawn_and_join  {per_spawn * 1e6:8.1f} us")
    print(f"plain_call      {call * 1e6:8.3f} us")
    numbers = list(range(1, NUMBERS + 1))
    one = None
    for threads in (1, 2, 4):
        took = best_of(3, lambda: parallel_sum(numbers, threads))
        one = one or took
        print(f"collatz_sum {threads} thread(s)  {took * 1e3:8.1f} ms   speed-up x{one / took:.2f}")


def _start_join():
    t = threading.Thread(target=int)
    t.start()
    t.join()


if __name__ == "__main__":
    main()
