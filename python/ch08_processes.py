"""Chapter 8's measurements in Python, to set beside the Rust benchmark
`solutions/ch08-processes/benches/costs.rs`.

Written for Lockstep. `cargo xtask bench ch08-processes` runs it as
python3 python/ch08_processes.py book/src/measurements/ch08-python.csv
It squares a million numbers with multiprocessing.Pool(2).map (default chunk
size), and times starting a Python process against starting a thread.
"""

import multiprocessing
import subprocess
import sys
import threading

from timing import Measurements

N = 1_000_000


def square(x):
    return x * x


def start_and_join_a_thread():
    worker = threading.Thread(target=int)
    worker.start()
    worker.join()


def main():
    print(f"python {sys.version.split()[0]}, start method {multiprocessing.get_start_method()}",
          file=sys.stderr)
    m = Measurements("ch08-python")
    numbers = list(range(N))
    with multiprocessing.Pool(2) as pool:
        m.best_of("map_1m", "python_processes", 2, 3, lambda: pool.map(square, numbers))
    m.best_of("start", "python_process", 0, 10,
              lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    m.best_of("start", "python_thread", 0, 10, start_and_join_a_thread)
    m.write()


if __name__ == "__main__":
    main()
