"""Step-by-step stories for presenting the structure, kept as data.

A story is a CSV file in the dataset's ``stories/`` folder, one row per step,
editable in Excel: ``step, title_sv, title_en, text_sv, text_en, date, show,
highlight``. ``stories/index.csv`` gives each story (by file name without
``.csv``) its title in Swedish and English and the order of the list. Both
are described in ``datapackage.json`` (resources ``story_index`` and
``story_steps``) and validated from there like every other table.

``show`` and ``highlight`` are ``;``-separated lists of

* entity ids (``lsg_trosa``) or entity kinds (``lsg``, ``municipality``),
* relation ids (``r047``) or relation kinds (``steers``, ``funds``),
* ``*`` for everything valid on the step's date.

A step shows the listed entities valid on its date and the relations among
them (only the listed relation kinds or ids, if any are listed). Highlighted
entities and relations are shown too. Reading never raises: what is wrong
becomes a :class:`~lsgmap.errors.Problem` with file and line.

Examples
--------
>>> from lsgmap.dataset.load import BUNDLED_DATA, load
>>> s = load(BUNDLED_DATA)
>>> stories, problems = load_stories(s)
>>> [st.id for st in stories], problems
(['lsg-roll', 'vem-styr-2016-2017'], [])
>>> view = stories[0].steps[0].view(s)
>>> "rar" in view.node_ids and "lsg_trosa" not in view.node_ids
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsgmap.dataset import files as dataset_files
from lsgmap.dataset.schema import Resource, Validator, default_schema, suggest, to_number
from lsgmap.dataset.tables import Row, read_dataset_schema, read_table
from lsgmap.dates import PartialDate, to_day
from lsgmap.errors import WARNING, Problem
from lsgmap.i18n import t
from lsgmap.model.records import is_working_name
from lsgmap.model.structure import conflict_items
from lsgmap.vocab import ENTITY_KINDS, RELATION_KINDS

__all__ = ["Story", "Step", "StepView", "load_stories", "step_notes", "STORY_FOLDER"]

ALL = "*"
#: The resources of datapackage.json that describe the story index and the step files.
INDEX_RESOURCE, STEPS_RESOURCE = "story_index", "story_steps"
#: The folder of the stories in a dataset, as the bundled descriptor has it.
STORY_FOLDER = Path(default_schema().resources[INDEX_RESOURCE].path).parent.name


@dataclass(frozen=True)
class StepView:
    """What one step puts on the screen: the day, the visible and highlighted ids."""

    day: int
    node_ids: tuple[str, ...]
    edge_keys: tuple[str, ...]
    highlight_nodes: frozenset[str]
    highlight_edges: frozenset[str]


@dataclass(frozen=True)
class Step:
    """One step of a story, as written in its row."""

    number: int
    title_sv: str
    title_en: str
    text_sv: str
    text_en: str
    date: str
    show: tuple[str, ...]
    highlight: tuple[str, ...]
    line: int = 0

    @property
    def day(self) -> int:
        return to_day(PartialDate.parse(self.date).first_day())

    def title(self, lang: str = "sv") -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_sv

    def text(self, lang: str = "sv") -> str:
        return self.text_en if lang == "en" and self.text_en else self.text_sv

    def view(self, structure: Any) -> StepView:
        """The entities and relations this step shows on its date.

        >>> from lsgmap.dataset.load import BUNDLED_DATA, load
        >>> s = load(BUNDLED_DATA)
        >>> step = Step(1, "Styr", "", "", "", "2016-11", ("lsg", "project", "steers"), ("r033",))
        >>> v = step.view(s)
        >>> "r033" in v.edge_keys and "r032" not in v.edge_keys, sorted(v.highlight_nodes)
        (True, ['lsg_nykoping', 'tuna_nykoping_oxelosund'])
        """
        snap = structure.snapshot(on=self.day)
        valid_nodes = snap.node_set
        valid_edges = [structure.relations[k] for k in snap.edge_keys]
        nodes, rel_kinds, rel_ids, all_nodes = _split_tokens(structure, self.show)
        h_nodes, h_kinds, h_ids, _ = _split_tokens(structure, self.highlight)
        highlight_edges = {r.id for r in valid_edges if r.id in h_ids or r.relation in h_kinds}
        for r in valid_edges:
            if r.id in highlight_edges:
                h_nodes |= {r.from_id, r.to_id}
        if all_nodes:
            nodes = set(valid_nodes)
        else:
            kinds = {t for t in self.show if t in ENTITY_KINDS}
            nodes |= {n for n in valid_nodes if structure.entities[n].kind in kinds}
            for r in valid_edges:  # a listed relation brings its two ends
                if r.id in rel_ids:
                    nodes |= {r.from_id, r.to_id}
        nodes = (nodes | h_nodes) & valid_nodes
        edges = []
        for r in valid_edges:
            if r.from_id not in nodes or r.to_id not in nodes:
                continue
            listed = not (rel_kinds or rel_ids) or r.relation in rel_kinds or r.id in rel_ids
            if listed or r.id in highlight_edges:
                edges.append(r.id)
        order = {n: i for i, n in enumerate(snap.node_ids)}
        return StepView(
            day=snap.day,
            node_ids=tuple(sorted(nodes, key=order.__getitem__)),
            edge_keys=tuple(edges),
            highlight_nodes=frozenset(h_nodes & nodes),
            highlight_edges=frozenset(highlight_edges & set(edges)),
        )


def step_notes(structure: Any, step: Step, lang: str = "sv") -> list[str]:
    """Short lines a step says beside its map: each working name it shows, each recorded conflict behind a fact it points at.

    An entity shown whose name is a working name (attribute
    ``name_is_working_name=ja``) gives "<name> (arbetsnamn, inte i källorna)".
    A recorded conflict (``conflicts.csv``) naming a fact the step points at
    gives one line "Motstridiga källor: <topic>" (once per conflict). The step
    points at its highlighted relations and the entities its ``highlight``
    names, or, when it highlights nothing, at everything it shows. Plain text.

    >>> from lsgmap.dataset.load import BUNDLED_DATA, load
    >>> s = load(BUNDLED_DATA)
    >>> merged = Step(1, "", "", "", "", "2017-03-01", ("lsg",), ("lsg_trosa_gnesta",))
    >>> step_notes(s, merged, "en")
    ['LSG Trosa-Gnesta (working name, not in the sources)']
    >>> [line[:40] for line in step_notes(s, Step(1, "", "", "", "", "2016-11-15", ("lsg_gnot",), ()))]
    ['Motstridiga källor: Mål 1 i ansökan räkn', 'Motstridiga källor: Ansökan: tjänsten är']
    """
    shown = step.view(structure)
    pointed = [*(i for i in step.highlight if i in shown.node_ids), *(k for k in shown.edge_keys if k in shown.highlight_edges)]
    conflicts: dict[str, str] = {}
    for fact_id in pointed or (*shown.node_ids, *shown.edge_keys):
        for item in conflict_items(structure.conflicts_of(fact_id), lang):
            conflicts.setdefault(item["id"], t("map.conflict", lang, topic=item["text"]))
    names = [f"{structure.name(i, lang)} ({t('map.working_name', lang)})" for i in shown.node_ids if is_working_name(structure.entities.get(i))]
    return [*names, *conflicts.values()]


@dataclass(frozen=True)
class Story:
    """A titled list of steps read from one story file."""

    id: str
    file: str
    title_sv: str
    title_en: str
    steps: tuple[Step, ...] = field(default_factory=tuple)
    description_sv: str = ""
    description_en: str = ""

    def title(self, lang: str = "sv") -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_sv

    def __len__(self) -> int:
        return len(self.steps)


def _split_tokens(structure: Any, tokens: tuple[str, ...]) -> tuple[set[str], set[str], set[str], bool]:
    """(entity ids, relation kinds, relation ids, everything?) named by ``tokens``."""
    nodes, kinds, ids, everything = set(), set(), set(), False
    for token in tokens:
        if token == ALL:
            everything = True
        elif token in structure.entities:
            nodes.add(token)
        elif token in RELATION_KINDS:
            kinds.add(token)
        elif token in structure.relations:
            ids.add(token)
    return nodes, kinds, ids, everything


def _known_token(structure: Any, token: str) -> bool:
    return (
        token == ALL
        or token in structure.entities
        or token in structure.relations
        or token in ENTITY_KINDS
        or token in RELATION_KINDS
    )


def _story_resources(dataset: Path) -> tuple[Resource, Resource]:
    """The index and step resources of the dataset's descriptor (lsgmap's own if it has none)."""
    own = read_dataset_schema(dataset, []).resources  # a broken descriptor is reported by load()
    bundled = default_schema().resources
    return tuple(own.get(name) or bundled[name] for name in (INDEX_RESOURCE, STEPS_RESOURCE))  # type: ignore[return-value]


def _parse_step(structure: Any, row: Row, steps: Resource, file: str, problems: list[Problem]) -> Step:
    """The step in ``row`` (valid by the schema): unknown tokens and ids not valid on its date are problems."""
    columns = {}
    for column in ("show", "highlight"):
        known = []
        for token in steps.field(column).items(row.get(column)):  # type: ignore[union-attr]
            if _known_token(structure, token):
                known.append(token)
            else:
                problems.append(Problem("story.unknown_token", file, row.line, token, {"field": column, "suggestion": suggest(token, [*structure.entities, *ENTITY_KINDS, *RELATION_KINDS])}))
        columns[column] = tuple(known)
    step = Step(
        int(to_number(row.get("step"), integer=True)),
        row.get("title_sv"),
        row.get("title_en"),
        row.get("text_sv"),
        row.get("text_en"),
        row.get("date"),
        columns["show"],
        columns["highlight"],
        row.line,
    )
    snap_nodes = structure.snapshot(on=step.day).node_set
    for token in step.show + step.highlight:
        if token in structure.entities and token not in snap_nodes:
            problems.append(Problem("story.not_valid", file, row.line, token, {"date": step.date}, WARNING))
    return step


def _valid_rows(root: Path, resource: Resource, file: str, validator: Validator) -> list[Row]:
    """The rows of ``file`` that follow the schema of ``resource`` (the others are problems)."""
    table = read_table(root, resource, validator.problems, file)
    bad = validator.check(table)
    return [row for i, row in enumerate(table.rows) if i not in bad]


def load_stories(structure: Any, folder: str | Path | None = None) -> tuple[list[Story], list[Problem]]:
    """Every story in ``folder`` (default: the dataset's ``stories/``), and the problems met.

    The index and the step files are read and validated with their resources
    in ``datapackage.json``. Stories come in the order of the index, then the
    others by file name. A story whose file has no usable step is left out.

    >>> from lsgmap.dataset.load import BUNDLED_DATA, load
    >>> stories, _ = load_stories(load(BUNDLED_DATA))
    >>> stories[1].title("en")
    'Who steers what? 2016 and 2017'
    """
    index_resource, steps_resource = _story_resources(Path(structure.path))
    base = Path(folder) if folder is not None else Path(structure.path) / Path(index_resource.path).parent
    problems: list[Problem] = []
    if not base.is_dir():
        return [], problems
    if folder is None and not dataset_files.inside(structure.path, base):  # a stories folder linked out of the dataset: not listed, not read
        problems.append(Problem("file.outside", Path(index_resource.path).parent.as_posix(), None, Path(index_resource.path).parent.as_posix()))
        return [], problems
    root, prefix = base.parent, base.name
    validator = Validator(problems)
    index_name = Path(index_resource.path).name
    index_file = f"{prefix}/{index_name}"
    index = {row.get("id"): row for row in _valid_rows(root, index_resource, index_file, validator)}
    files = {p.stem: p for p in sorted(base.glob(Path(steps_resource.path).name)) if p.name != index_name}
    for story_id, row in index.items():
        if story_id not in files:
            problems.append(Problem("story.missing_file", index_file, row.line, story_id, {"file": f"{story_id}.csv"}))
    order = [i for i in index if i in files] + [i for i in files if i not in index]
    stories = []
    for story_id in order:
        file = f"{prefix}/{files[story_id].name}"
        steps = [_parse_step(structure, row, steps_resource, file, problems) for row in _valid_rows(root, steps_resource, file, validator)]
        if not steps:
            problems.append(Problem("story.no_steps", file, None, story_id))
            continue
        meta = index.get(story_id)
        stories.append(
            Story(
                id=story_id,
                file=file,
                title_sv=meta.get("title_sv") if meta else story_id,
                title_en=meta.get("title_en") if meta else "",
                steps=tuple(sorted(steps, key=lambda s: s.number)),
                description_sv=meta.get("description_sv") if meta else "",
                description_en=meta.get("description_en") if meta else "",
            )
        )
    return stories, problems
