"""The measurement helper shared by the course's Python scripts (written for Lockstep).

It mirrors the Rust harness (`grading::Measurements`): every script writes one
CSV file with the columns group,case,param,ms, so `cargo xtask bench` can put
Python's numbers beside Rust's in one table or plot. Every file starts with
the interpreter that measured: a row `interpreter,<implementation> <version>,0,0`
and a row `interpreter,gil_enabled,<1 or 0>,0`.
"""

import os
import platform
import sys
import time


def gil_enabled():
    """Whether this interpreter runs with its GIL: a free-threaded build
    (3.13 and later) can run without, and says so through
    sys._is_gil_enabled(); older interpreters always have it."""
    return getattr(sys, "_is_gil_enabled", lambda: True)()


def runs(n):
    """How many runs to take the best of: n, or LOCKSTEP_BENCH_RUNS when set."""
    value = os.environ.get("LOCKSTEP_BENCH_RUNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else n


class Measurements:
    def __init__(self, name):
        self.name = name
        self.rows = []
        interpreter = f"{platform.python_implementation()} {platform.python_version()}"
        self.record("interpreter", interpreter, 0, 0)
        self.record("interpreter", "gil_enabled", int(gil_enabled()), 0)

    def best_of(self, group, case, param, n, work):
        """Times work() n times, records the shortest in ms and returns it in seconds."""
        best = float("inf")
        for _ in range(runs(n)):
            started = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - started)
        self.record(group, case, param, best * 1e3)
        return best

    def per_call(self, group, case, batch, n, call):
        """Times batches of `batch` calls: records the best batch as <group>_batch
        and one call as group (param 0); returns one call's time in ms."""
        took = self.best_of(f"{group}_batch", case, batch, n,
                            lambda: [call() for _ in range(batch)])
        one = took * 1e3 / batch
        self.record(group, case, 0, one)
        return one

    def record(self, group, case, param, ms):
        print(f"{self.name:<22} {group:<12} {case:<28} {param:>4} {ms:>12.4f} ms", file=sys.stderr)
        self.rows.append(f"{group},{case},{param},{ms!r}")

    def write(self):
        """Writes the CSV to the file named on the command line, or prints it."""
        text = "group,case,param,ms\n" + "".join(row + "\n" for row in self.rows)
        if len(sys.argv) > 1:
            with open(sys.argv[1], "w") as out:
                out.write(text)
            print(f"wrote {sys.argv[1]}", file=sys.stderr)
        else:
            print(text, end="")
