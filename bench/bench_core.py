"""Benchmark of the domain core: prints figures, asserts nothing.

    .venv/bin/python bench/bench_core.py [--quick]

``--quick`` (CI): every measurement once; the figures mean little, the run shows it works.

1. Loading and validating all shipped content (YAML parse, pydantic, cross-checks): median ms.
2. Scoring each example answer set with the residual risk of the top ten proposals (what the
   wizard, overviews and the risk cache pay), and with the proposals ranked (the plan step):
   median µs. Version 1's additive scoring of the same answers for comparison.
"""

from __future__ import annotations

import argparse
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
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="each measurement once (CI)")
    quick = parser.parse_args().quick
    loads, scores, proposals = (1, 1, 1) if quick else (30, 2000, 300)
    paths = default_content_paths(ROOT)
    load_ms = median_ns(lambda: load_content(paths), loads) / 1e6
    content = load_content(paths)
    for key, lib in content.libraries.items():
        print(
            f"content {key[0]} v{key[1]}: {len(lib.questionnaire.questions)} questions, "
            f"{len(lib.risk_model.rules)} rules, {len(lib.catalogue.measures)} measures"
        )
    print(f"load + validate all content: median {load_ms:.1f} ms (target <= 300 ms)")
    for example in sorted((ROOT / "data" / "examples").glob("*.yaml")):
        loaded = load_answer_file(example, content)
        lib, answers = loaded.library, loaded.answers
        top = [p.measure_id for p in assess(lib, answers).proposals[:10]]
        result = assess(lib, answers, top)
        score_us = median_ns(lambda a=answers, t=top, x=lib: assess(x, a, t), scores) / 1e3
        propose_us = median_ns(lambda a=answers, x=lib: assess(x, a).proposals, proposals) / 1e3
        print(
            f"{example.name} (v{lib.questionnaire.version}, {len(answers)} answers): "
            f"score + residual of {len(top)} measures median {score_us:.0f} µs "
            f"(target <= 1000 µs); with the {len(result.proposals)} proposals ranked "
            f"median {propose_us:.0f} µs"
        )
    v1 = content.library("scan-detection", 1)
    for example in sorted((ROOT / "data" / "examples").glob("*.yaml")):
        loaded = load_answer_file(example, content)
        answers = {q: v for q, v in loaded.answers.items() if q in v1.questionnaire.by_id}
        us = median_ns(lambda a=answers: assess(v1, a).proposals, proposals) / 1e3
        print(f"{example.name} on v1 (additive), score + proposals: median {us:.0f} µs")


if __name__ == "__main__":
    main()
