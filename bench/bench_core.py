"""Benchmark of the domain core: prints figures, asserts nothing.

    .venv/bin/python bench/bench_core.py

1. Loading and validating all shipped content (YAML parse, pydantic, cross-checks): median ms.
2. Scoring each example answer set with proposals and the residual risk of the top ten
   proposals: median µs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quickscan_app.answer_files import load_answer_file  # noqa: E402
from quickscan_app.content import default_content_paths, load_content  # noqa: E402
from quickscan_app.engine import assess  # noqa: E402


def median_ns(func, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        func()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples)


def main() -> None:
    paths = default_content_paths(ROOT)
    load_ms = median_ns(lambda: load_content(paths), 30) / 1e6
    content = load_content(paths)
    for key, lib in content.libraries.items():
        print(
            f"content {key[0]} v{key[1]}: {len(lib.questionnaire.questions)} questions, "
            f"{len(lib.risk_model.rules)} rules, {len(lib.catalogue.measures)} measures"
        )
    print(f"load + validate all content: median {load_ms:.1f} ms (target <= 300 ms)")
    for example in sorted((ROOT / "data" / "examples").glob("*.yaml")):
        loaded = load_answer_file(example, content)
        top = [p.measure_id for p in assess(loaded.library, loaded.answers).proposals[:10]]
        result = assess(loaded.library, loaded.answers, top)
        us = median_ns(lambda a=loaded, t=top: assess(a.library, a.answers, t), 2000) / 1e3
        print(
            f"score {example.name}: {len(loaded.answers)} answers, {len(result.proposals)} "
            f"proposals, residual for {len(top)} measures: median {us:.0f} µs (target <= 1000 µs)"
        )


if __name__ == "__main__":
    main()
