"""One process pool for a CPU-bound step (decoding articles, extracting figures), or none when small."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64


@contextmanager
def process_mapper(
    function: Callable[[T], R], total: int, processes: int | None = None
) -> Iterator[Callable[[list[T]], Iterator[R]]]:
    """A function mapping `function` over a list, in order, across processes when `total` is large.

    In a pool, the work is handed out at once and the returned iterator waits for each result in
    turn, so a caller can start the next batch before it stores the last one. The pool lives as
    long as the `with` block: a step that works in batches (to bound its memory) starts its
    processes once. `function` must be importable at module level (it is pickled).
    """
    processes = processes or os.cpu_count() or 1
    if processes == 1 or total < PARALLEL_THRESHOLD:
        yield lambda items: map(function, items)
        return
    with ProcessPoolExecutor(max_workers=processes) as pool:
        yield lambda items: pool.map(function, items, chunksize=max(1, len(items) // (processes * 8)))
