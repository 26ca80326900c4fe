"""Chapter 6's measurements in Python, to compare with
`cargo bench -p ch06-processes-solution --bench costs`.

Written for Lockstep. Run with: python3 python/ch06_processes.py
It squares a million numbers with multiprocessing.Pool(2).map (default chunk
size), and times starting a process against starting a thread.
"""

import multiprocessing
import subprocess
import sys
import threading

from timing import best_of

N = 1_000_000


def square(x):
    return x * x


def start_and_join_a_thread():
    worker = threading.Thread(target=int)
    worker.start()
    worker.join()



def main():
    print(f"python {sys.version.split()[0]}, start method {multiprocessing.get_start_method()}")
    numbers = list(range(N))
    with multiprocessing.Pool(2) as pool:
        took = best_of(3, lambda: pool.map(square, numbers))
    print(f"map_1m on 2 processes      {took * 1e3:8.1f} ms")
    process = best_of(10, lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    print(f"start a Python process     {process * 1e3:8.1f} ms")
    thread = best_of(10, start_and_join_a_thread)
    print(f"start a thread             {thread * 1e6:8.1f} us")


if __name__ == "__main__":
    main()
