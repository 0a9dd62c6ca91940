"""Chains to the root and paths between two entities: bounded on dense graphs, the same answers as the full enumeration on small ones."""

from __future__ import annotations

import random
import time

import pytest

from lsgmap.model import queries


def _naive_chains(structure, entity_id: str, max_len: int = 6, limit: int = 50) -> list[list[str]]:
    """The depth-first enumeration of every simple chain that ``chain_to_root`` once was (the reference)."""
    is_root = structure.root.__eq__
    lo, hi = queries.day_range(None)
    found: list[tuple] = []

    def walk(node, trail, seen, left):
        for r, _forward, nxt in queries._upward_steps(structure, node, lo, hi):
            if nxt in seen:
                continue
            trail.append(r)
            if is_root(nxt):
                found.append(tuple(trail))
            elif left > 1:
                seen.add(nxt)
                walk(nxt, trail, seen, left - 1)
                seen.discard(nxt)
            trail.pop()

    walk(entity_id, [], {entity_id}, max_len)
    shortest: dict[str, int] = {}
    for trail in found:
        shortest[trail[0].id] = min(shortest.get(trail[0].id, max_len + 1), len(trail))
    kept = sorted((t for t in found if len(t) == shortest[t[0].id]), key=lambda t: (len(t), [r.id for r in t]))
    return [[r.id for r in t] for t in kept[:limit]]


def _dense(tiny, n: int, seed: int, p: float):
    rng = random.Random(seed)
    entities = [{"id": "root", "kind": "association"}] + [{"id": f"e{i}", "kind": "lsg"} for i in range(n)]
    kinds = ["steers", "funds", "owns", "member_of", "reports_to"]
    relations = []
    for i in range(n):
        for j in [*range(n), "root"]:
            if j != i and rng.random() < p:
                to = j if j == "root" else f"e{j}"
                kind = rng.choice(kinds[3:] if j == "root" else kinds)  # up to the root: member of, reports to
                relations.append({"id": f"r{i}_{j}", "from_id": f"e{i}", "relation": kind, "to_id": to})
    relations.append({"id": "last_up", "from_id": f"e{n - 1}", "relation": "reports_to", "to_id": "root"})
    return tiny(entities=entities, relations=relations, root="root")


@pytest.mark.parametrize("seed", range(6))
def test_the_bounded_search_finds_what_the_full_enumeration_finds(tiny, seed):
    s = _dense(tiny, 7, seed, 0.35)
    found = 0
    for e in [f"e{i}" for i in range(7)]:
        chains = [p.relation_ids() for p in queries.chain_to_root(s, e)]
        assert chains == _naive_chains(s, e), e
        found += len(chains)
    assert found >= 7  # every case has chains to compare


def test_an_18_entity_clique_is_answered_at_once_and_says_when_the_bound_cuts(tiny):
    n = 18
    entities = [{"id": "root", "kind": "association"}] + [{"id": f"e{i}", "kind": "lsg"} for i in range(n)]
    relations = [f"e{i} steers e{j}" for i in range(n) for j in range(n) if i != j] + [f"e{i} reports_to root" for i in range(1, n)]
    s = tiny(entities=entities, relations=relations, root="root")
    started = time.perf_counter()
    chains = queries.chain_to_root(s, "e0", limit=5)
    assert time.perf_counter() - started < 2
    assert len(chains) == 5 and chains.cut  # 17 chains of two steps (e0 steered by eK, eK reports to root): 5 kept
    assert all(len(p) == 2 and p.node_ids()[-1] == "root" for p in chains)
    assert not queries.chain_to_root(s, "e1").cut  # one chain, nothing cut
    paths = queries.paths_between(s, "e0", "e1", limit=3)
    assert len(paths) == 2 and not paths.cut  # e0 steers e1, e1 steers e0
    paths = queries.paths_between(s, "e1", "root", limit=1)
    assert len(paths) == 1 and not paths.cut


def test_without_a_root_a_clique_ends_at_once(tiny):
    n = 18
    s = tiny(entities=[{"id": f"e{i}", "kind": "lsg"} for i in range(n)], relations=[f"e{i} steers e{j}" for i in range(n) for j in range(n) if i != j])
    started = time.perf_counter()
    assert queries.chain_to_root(s, "e0") == []
    assert time.perf_counter() - started < 2
