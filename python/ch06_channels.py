"""Chapter 6's measurements in Python: moving messages between threads
through the standard library's queues (M8), and a pipeline's pace (M5).
To set beside the Rust benchmark `solutions/ch06-channels/benches/channels.rs`.

Written for Lockstep. `cargo xtask bench ch06-channels` runs it as
python3 python/ch06_channels.py book/src/measurements/ch06-python.csv
(ch06-python-free-threaded.csv on a free-threaded interpreter).

- messages (param: producers): 100 000 numbers from 1 or 4 producer
  threads to one consumer, the main thread, through queue.Queue() (no
  limit), queue.Queue(maxsize=64) and queue.SimpleQueue(); each producer
  puts one None when it is done (a Queue has no ends to drop), and the
  consumer stops after one None per producer. The best of 3.
- pace (param: the middle stage's ms per item): 40 items through three
  threads joined by Queue(maxsize=2), the outer stages sleeping 1 ms an
  item and the middle one 1 or 3 ms. The best of 3.
"""

import queue
import sys
import threading
import time

from timing import Measurements, gil_enabled

MESSAGES = 100_000
PRODUCERS = (1, 4)
PACE_ITEMS = 40


def move_messages(producers, make):
    q = make()
    done = object()

    def produce(first):
        for n in range(first, MESSAGES, producers):
            q.put(n)
        q.put(done)

    threads = [threading.Thread(target=produce, args=(p,)) for p in range(producers)]
    for thread in threads:
        thread.start()
    total, finished = 0, 0
    while finished < producers:
        item = q.get()
        if item is done:
            finished += 1
        else:
            total += item
    for thread in threads:
        thread.join()
    assert total == MESSAGES * (MESSAGES - 1) // 2, "every message once"


def pace(middle_ms):
    first_to_second = queue.Queue(maxsize=2)
    second_to_third = queue.Queue(maxsize=2)
    done = object()

    def first():
        for n in range(PACE_ITEMS):
            time.sleep(0.001)
            first_to_second.put(n)
        first_to_second.put(done)

    def second():
        while (item := first_to_second.get()) is not done:
            time.sleep(middle_ms / 1000)
            second_to_third.put(item)
        second_to_third.put(done)

    stages = [threading.Thread(target=first), threading.Thread(target=second)]
    for stage in stages:
        stage.start()
    while second_to_third.get() is not done:
        time.sleep(0.001)
    for stage in stages:
        stage.join()


def main():
    print(f"python {sys.version.split()[0]}, GIL enabled: {gil_enabled()}", file=sys.stderr)
    m = Measurements("ch06-python")
    kinds = (
        ("queue_unbounded", queue.Queue),
        ("queue_bounded", lambda: queue.Queue(maxsize=64)),
        ("simple_queue", queue.SimpleQueue),
    )
    for producers in PRODUCERS:
        for case, make in kinds:
            m.best_of("messages", case, producers, 3, lambda: move_messages(producers, make))
    for middle in (1, 3):
        m.best_of("pace", "pipeline", middle, 3, lambda: pace(middle))
    m.write()


if __name__ == "__main__":
    main()
