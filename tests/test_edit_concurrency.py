"""Nothing is lost: writers at once (threads, processes, the CLI) and writers killed with SIGKILL mid-save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest
from edit_kit import copy_bundled
from openpyxl import load_workbook

from lsgmap.dataset import journal
from lsgmap.dataset.checks import check, errors_of
from lsgmap.dataset.load import load
from lsgmap.edit import Dataset, StaleEdit
from lsgmap.edit.operations import change_row
from lsgmap.exchange.workbook import to_workbook

pytestmark = pytest.mark.slow  # concurrency: threads, processes and 60 writers killed mid-save

ROWS = ["tuna", "ibis", "tris", "ips_slussen"]
KILLS = 60  # ≥ 50 writers killed with SIGKILL


def _save_with_retry(folder, row: str, value: str, who: str) -> tuple[str, int]:
    """Save ``row``'s English name; a stale edit that touches other rows is re-applied. (change id, refusals met)"""
    ds = Dataset(folder)
    change = change_row(ds, "entities", row, {"name_en": value}, sources=["ls_projekt_tuna"])
    refused = 0
    while True:
        try:
            return ds.save(change, who=who, why=value).change_id, refused
        except StaleEdit as stale:
            assert stale.can_reapply, stale.conflicts  # each writer has a row of its own
            refused += 1
            change.base = stale.current


def test_threads_each_writing_their_own_row_lose_nothing(tmp_path):
    folder = copy_bundled(tmp_path)
    results: list[tuple[str, str, str, int]] = []

    def writer(row: str) -> None:
        for n in range(5):
            change_id, refused = _save_with_retry(folder, row, f"{row}-{n}", who=row)
            results.append((row, f"{row}-{n}", change_id, refused))

    threads = [threading.Thread(target=writer, args=(r,)) for r in ROWS]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    s = load(folder)
    assert len(results) == 20 and len({r[2] for r in results}) == 20  # every save accepted, each its own change
    assert {r: s.entities[r].name_en for r in ROWS} == {r: f"{r}-4" for r in ROWS}
    log = Dataset(folder).log()
    assert sorted(r["why"] for r in log) == sorted(r[1] for r in results)
    assert not errors_of(check(s))
    print(f"threads: 4 writers, 20 changes, {sum(r[3] for r in results)} stale saves re-applied")


def test_two_writers_of_the_same_row_one_is_refused_and_told(tmp_path):
    folder = copy_bundled(tmp_path)
    first, second = Dataset(folder), Dataset(folder)
    a = change_row(first, "entities", "tuna", {"name_en": "A"}, sources=["ls_projekt_tuna"])
    b = change_row(second, "entities", "tuna", {"name_en": "B"}, sources=["ls_projekt_tuna"])
    outcome: dict[str, object] = {}
    barrier = threading.Barrier(2)

    def save(name, ds, change):
        barrier.wait()
        try:
            outcome[name] = ds.save(change, who=name, why=name).change_id
        except StaleEdit as stale:
            outcome[name] = stale

    threads = [threading.Thread(target=save, args=("A", first, a)), threading.Thread(target=save, args=("B", second, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    accepted = [k for k, v in outcome.items() if isinstance(v, str)]
    refused = [v for v in outcome.values() if isinstance(v, StaleEdit)]
    assert len(accepted) == 1 and len(refused) == 1 and not refused[0].can_reapply
    assert load(folder).entities["tuna"].name_en == accepted[0]
    assert [r["who"] for r in Dataset(folder).log()] == accepted


def _process_writer(folder: str, row: str, count: int) -> None:
    code = (
        "import sys\n"
        "sys.path.insert(0, sys.argv[4])\n"
        "from test_edit_concurrency import _save_with_retry\n"
        "for n in range(int(sys.argv[3])):\n"
        "    _save_with_retry(sys.argv[1], sys.argv[2], f'{sys.argv[2]}-p{n}', 'proc')\n"
    )
    return subprocess.Popen([sys.executable, "-c", code, folder, row, str(count), os.path.dirname(__file__)])


def test_processes_and_the_cli_at_once_lose_nothing(tmp_path):
    folder = copy_bundled(tmp_path)
    book = tmp_path / "d.xlsx"
    book.write_bytes(to_workbook(load(folder)))
    wb = load_workbook(book)
    ws = wb["entities"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "ips_slussen":
            row[3].value = "IPS (from the workbook)"  # name_en
    wb.save(book)
    procs = [_process_writer(str(folder), r, 4) for r in ("tuna", "ibis")]
    cli = subprocess.Popen([sys.executable, "-m", "lsgmap.cli", "import", str(book), "--data", str(folder), "--who", "cli"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for p in procs:
        assert p.wait(120) == 0
    out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, (out, err)
    s = load(folder)
    assert (s.entities["tuna"].name_en, s.entities["ibis"].name_en, s.entities["ips_slussen"].name_en) == ("tuna-p3", "ibis-p3", "IPS (from the workbook)")
    log = Dataset(folder).log()
    assert len({r["change"] for r in log}) == 9 and sum(r["who"] == "cli" for r in log) == 1


def _state(folder) -> tuple[str, str, int]:
    s = load(folder)
    assert not errors_of(check(s)), [p.render("en") for p in errors_of(check(s))]
    changes = {r["change"] for r in Dataset(folder).log()}
    return s.entities["tuna"].name_en, s.relations["r001"].attributes.get("mark", ""), len(changes)


def _two_table_change(folder, n: int):
    ds = Dataset(folder)
    a = change_row(ds, "entities", "tuna", {"name_en": f"v{n}"}, sources=["ls_projekt_tuna"])
    b = change_row(ds, "relations", "r001", {"attributes": f"mark=v{n}"}, sources=["pub_rar_medlemmar"])
    a.rows += b.rows
    return ds, a


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_writers_killed_at_any_moment_leave_the_old_or_the_new_dataset(tmp_path):
    folder = copy_bundled(tmp_path)
    rng = random.Random(20261204)
    steps = 2 * 3 + 1  # written ×3 (two tables and the log), journal, renamed ×3
    seen_new = seen_old = 0
    for kill in range(KILLS):
        before = _state(folder)
        n = before[2] + 1
        pid = os.fork()
        if pid == 0:  # the writer: dies by SIGKILL at a chosen step or at a random moment
            try:
                at = rng.randrange(steps + 3) if kill % 2 == 0 else -1
                count = iter(range(10**6))
                journal._step = lambda name, count=count, at=at: os.kill(os.getpid(), signal.SIGKILL) if next(count) == at else None
                ds, change = _two_table_change(folder, n)
                ds.save(change, who="killed", why=f"v{n}")
            finally:
                os._exit(0)
        if kill % 2 == 1:
            time.sleep(rng.uniform(0, 0.03))
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        after = _state(folder)  # loading finishes a cut-off commit
        if after == before:
            seen_old += 1
        else:
            assert after == (f"v{n}", f"v{n}", n), (before, after)  # the whole new dataset, never a mix
            seen_new += 1
        assert not journal.pending(folder)  # a new file no journal names is left for the next writer to clear
    print(f"kills: {KILLS} writers killed, {seen_old} left the old dataset, {seen_new} the new")
    assert seen_old and seen_new and seen_old + seen_new == KILLS
