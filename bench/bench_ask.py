"""Benchmark: a question with its chain, on the synthetic national dataset.

Times :func:`lsgmap.ask.answer.ask` ("Vem styr PROJECT den DATE?", answers plus the
accountability chains up to the coordination association) on a prebuilt
structure, against a baseline that answers the same question on a freshly
rebuilt snapshot graph (``structure.snapshot(on=...).graph()`` and a walk of
that graph). Prints medians and the ratio. Target (issue #24): a simple question ≤ 0.5 ms median.

Run: ``python bench/bench_ask.py [--runs N] [--data DIR]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsgmap.ask.answer import MAX_QUESTION_CHARS, ask
from lsgmap.dataset.load import load  # noqa: E402
from lsgmap.vocab import RELATION_KINDS


def national_dataset(folder: Path) -> Path:
    """The synthetic national dataset (``bench/synthetic.py``), generated into ``folder``."""
    from synthetic import NATIONAL, generate

    return generate(folder, seed=0, **NATIONAL)


def baseline(structure, question_entity: str, day: int) -> tuple[set[str], int]:
    """The same answer from a freshly rebuilt snapshot graph: steerers, then chains up to an association."""
    g = structure.snapshot(on=day).graph()
    steerers = {u for u, _, data in g.in_edges(question_entity, data=True) if data["relation"] == "steers"}

    def up(node):
        for u, _, k, data in g.in_edges(node, keys=True, data=True):
            if RELATION_KINDS[data["relation"]].upward == "subject":
                yield k, u
        for _, v, k, data in g.out_edges(node, keys=True, data=True):
            if RELATION_KINDS[data["relation"]].upward == "object":
                yield k, v

    chains = 0

    def walk(node, seen, depth):
        nonlocal chains
        for _, nxt in up(node):
            if nxt in seen:
                continue
            if g.nodes[nxt]["kind"] == "association":
                chains += 1
            elif depth > 1:
                walk(nxt, seen | {nxt}, depth - 1)

    walk(question_entity, {question_entity}, 6)
    return steerers, chains


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--baseline-runs", type=int, default=15)
    parser.add_argument("--data", help="an existing dataset folder (default: generate the national one)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.data) if args.data else national_dataset(Path(tmp) / "national")
        t0 = time.perf_counter()
        structure = load(folder)
        load_s = time.perf_counter() - t0
    print(f"dataset: {len(structure.entities)} entities, {len(structure.relations)} relations, {len(structure.events)} events (load {load_s:.1f} s)")

    # a project with steering relations, asked about on a day in the middle of its life
    project = next(
        e for e in structure.entities.values()
        if e.kind == "project" and sum(r.relation == "steers" for r in structure.relations_of(e.id)) >= 3
    )
    steer = sorted((r for r in structure.relations_of(project.id) if r.relation == "steers"), key=lambda r: r.start)[1]
    day = (steer.start + min(steer.end, steer.start + 400)) // 2
    from datetime import date

    iso = date.fromordinal(day).isoformat()
    question = f"Vem styr {project.name_sv} den {iso}?"
    first = ask(structure, question)  # builds the name and query indexes once
    print(f"question: {question!r}")
    print(f"  {first.interpretation.text()}")
    print(f"  answers: {[a.id for a in first.answers]}, chains: {len(first.paths)}")
    expected, chains = baseline(structure, project.id, day)
    assert {a.id for a in first.answers} == expected, "fast path and baseline disagree"
    assert len(first.paths) >= 1 and chains >= 1

    fast = median_ms(lambda: ask(structure, question), args.runs)
    english = median_ms(lambda: ask(structure, f"Who steers {project.name_en} on {iso}?"), args.runs)
    shown = median_ms(lambda: (first.text("sv"), first.text("en")), args.runs)
    slow = median_ms(lambda: baseline(structure, project.id, day), args.baseline_runs)
    print(f"ask() with chain, prebuilt structure : median {fast:7.2f} ms over {args.runs} runs (sv)")
    print(f"ask() with chain, prebuilt structure : median {english:7.2f} ms over {args.runs} runs (en)")
    print(f"the answer shown in sv and en (text) : median {shown:7.2f} ms over {args.runs} runs")
    print(f"baseline: rebuilt snapshot graph     : median {slow:7.2f} ms over {args.baseline_runs} runs")
    print(f"ratio baseline / fast: {slow / fast:.0f}x   target ≤ 0.5 ms: {'OK' if fast <= 0.5 else 'MISSED'}")
    pasted = {"'a' x 100 kB": "a" * 100_000, "'1' x 100 kB": "1" * 100_000, "a question x 7000": "Vem styr TUNA? " * 7000}
    worst = 0.0
    for label, text in pasted.items():
        ms = median_ms(lambda text=text: ask(structure, text), 20)
        worst = max(worst, ms)
        print(f"a pasted text, {label:18}: median {ms:7.2f} ms (refused at {MAX_QUESTION_CHARS} characters)")
    print(f"worst pasted text: {worst:.2f} ms   target ≤ 50 ms: {'OK' if worst <= 50 else 'MISSED'}")
    return 0 if fast <= 5 and worst <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
