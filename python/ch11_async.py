"""Chapter 11's measurements in Python: threads against asyncio tasks, to set
beside the Rust benchmark `solutions/ch11-async/benches/async.rs`, which does
the same with std threads and tokio tasks.

Written for Lockstep. `cargo xtask bench ch11-async` runs it as
python3 python/ch11_async.py book/src/measurements/ch11-python.csv
(ch11-python-free-threaded.csv on a free-threaded interpreter).

The asyncio cases run on one event loop, made once before the timing (as
the Rust benchmark builds its runtimes once).

- many_waits (param: the waits): 10 000 waits of 10 ms, all started at once:
  a threading.Thread for each (`python_thread_per_wait`), and an asyncio
  task for each, awaited with asyncio.gather (`python_asyncio_tasks`). The
  best of 3.
- spawn (param: the spawns): start 10 000 threads or tasks that each return
  their number, then join them all; threading.Thread's start and join
  (`python_threads`; a thread's number goes into a list), or
  asyncio.create_task and await (`python_asyncio`). Divided by 10 000, the
  time to start and join one. The best of 3.
- round_trip (param: the round trips): 10 000 numbers sent one at a time to
  the other side, each answered with the number plus one before the next is
  sent, over two queues of maxsize 1: queue.Queue between the calling thread
  and one more (`python_threads`), asyncio.Queue between the main coroutine
  and one task (`python_asyncio`). The best of 3.

Every case checks its result, so a lost message or task fails the run.
"""

import asyncio
import queue
import sys
import threading
import time

from timing import Measurements, gil_enabled

WAITS = 10_000
WAIT = 0.010
SPAWNS = 10_000
ROUND_TRIPS = 10_000


def sum_below(n):
    return n * (n - 1) // 2


def thread_per_wait():
    threads = [threading.Thread(target=time.sleep, args=(WAIT,)) for _ in range(WAITS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


async def asyncio_waits():
    await asyncio.gather(*(asyncio.sleep(WAIT) for _ in range(WAITS)))


def start_threads():
    results = []
    threads = [threading.Thread(target=results.append, args=(n,)) for n in range(SPAWNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == sum_below(SPAWNS), "every thread ran once"


async def number(n):
    return n


async def start_tasks():
    tasks = [asyncio.create_task(number(n)) for n in range(SPAWNS)]
    total = 0
    for task in tasks:
        total += await task
    assert total == sum_below(SPAWNS), "every task ran once"


def round_trips_between_threads():
    to_far, to_near = queue.Queue(maxsize=1), queue.Queue(maxsize=1)

    def far():
        while (n := to_far.get()) is not None:
            to_near.put(n + 1)

    other = threading.Thread(target=far)
    other.start()
    total = 0
    for n in range(ROUND_TRIPS):
        to_far.put(n)
        total += to_near.get()
    to_far.put(None)
    other.join()
    assert total == sum_below(ROUND_TRIPS) + ROUND_TRIPS, "every answer"


async def round_trips_between_tasks():
    to_far, to_near = asyncio.Queue(maxsize=1), asyncio.Queue(maxsize=1)

    async def far():
        while (n := await to_far.get()) is not None:
            await to_near.put(n + 1)

    other = asyncio.create_task(far())
    total = 0
    for n in range(ROUND_TRIPS):
        await to_far.put(n)
        total += await to_near.get()
    await to_far.put(None)
    await other
    assert total == sum_below(ROUND_TRIPS) + ROUND_TRIPS, "every answer"


def main():
    print(f"python {sys.version.split()[0]}, GIL enabled: {gil_enabled()}", file=sys.stderr)
    m = Measurements("ch11-python")
    loop = asyncio.new_event_loop()
    try:
        m.best_of("many_waits", "python_thread_per_wait", WAITS, 3, thread_per_wait)
        m.best_of("many_waits", "python_asyncio_tasks", WAITS, 3,
                  lambda: loop.run_until_complete(asyncio_waits()))
        m.best_of("spawn", "python_threads", SPAWNS, 3, start_threads)
        m.best_of("spawn", "python_asyncio", SPAWNS, 3,
                  lambda: loop.run_until_complete(start_tasks()))
        m.best_of("round_trip", "python_threads", ROUND_TRIPS, 3, round_trips_between_threads)
        m.best_of("round_trip", "python_asyncio", ROUND_TRIPS, 3,
                  lambda: loop.run_until_complete(round_trips_between_tasks()))
    finally:
        loop.close()
    m.write()


if __name__ == "__main__":
    main()
