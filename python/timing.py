"""Timing helper shared by the course's Python measurements (written for Lockstep)."""

import time


def best_of(runs, f):
    """The shortest of `runs` timings of `f()`, in seconds."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - started)
    return best
