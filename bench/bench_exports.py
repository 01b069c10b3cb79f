"""Benchmark of exports: prints figures, asserts nothing.

    .venv/bin/python bench/bench_exports.py [--quick]

For the demo's approved dossier (real content, 14 measures, all questions answered) and for a
synthetic one with 300 chosen measures and 4,000-character answers: the median time to render
each kind and format, and the peak Python memory (tracemalloc) of one render. Rendering only:
the database read and the audit event are measured in bench_store.py. The award report holds
the two approved bidder checks export_setup.py adds to the demo.

``--quick`` (CI): one render of each (no warm-up), the synthetic dossier with 30 measures and
400-character answers; the figures mean little, the run shows every kind and format renders.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_setup import approved_source, demo_context, huge_source

from quickscan_app.exports.render import render
from quickscan_app.exports.source import FORMATS, ExportSource


def measure(
    src: ExportSource, fmt: str, runs: int, warm: bool = True
) -> tuple[float, float, int, int]:
    if warm:
        render(src, fmt)  # warm: fonts and libraries loaded once per process
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        data = render(src, fmt)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    render(src, fmt)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pages = data.count(b"/Type /Page\n") if fmt == "pdf" else 0
    return statistics.median(times) * 1000, peak / 2**20, len(data), pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one render of each (CI)")
    quick = parser.parse_args().quick
    with tempfile.TemporaryDirectory() as tmp:
        ctx, dossier_id = demo_context(Path(tmp))
        sources = {kind: approved_source(ctx, dossier_id, kind) for kind in FORMATS}
        ctx.engine.dispose()
    print(f"{'dossier':<22}{'kind':<8}{'format':<8}{'median ms':>10}{'peak MiB':>10}"
          f"{'KiB':>8}{'pages':>7}")  # fmt: skip
    if quick:
        cases = [("complete (demo)", lambda s: s, 1),
                 ("30 measures", lambda s: huge_source(s, 30, 400), 1)]  # fmt: skip
    else:
        cases = [("complete (demo)", lambda s: s, 7), ("300 measures", huge_source, 3)]
    for label, make, runs in cases:
        for kind, formats in FORMATS.items():
            src = make(sources[kind])
            for fmt in formats:
                ms, peak, size, pages = measure(src, fmt, runs, warm=not quick)
                print(f"{label:<22}{kind:<8}{fmt:<8}{ms:>10.0f}{peak:>10.1f}{size / 1024:>8.0f}"
                      f"{pages or '':>7}")  # fmt: skip


if __name__ == "__main__":
    main()
