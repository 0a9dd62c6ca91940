"""``lsgmap export --on DATE --format html|png|svg [--out FILE] [--attested-only]``: the map as a file for minutes and slides.

Facts no source speaks for on the day are drawn faded and dashed, with a footnote saying so;
``--attested-only`` leaves them out. ``lsgmap export --story ID --format pptx [--out FILE]``
writes a story as a PowerPoint deck (:mod:`lsgmap.draw.slides`), one slide per step, each on its own date.
``lsgmap export --scenario ID --format pptx|html|md|png|svg`` presents a proposal (:mod:`lsgmap.scenario.present`):
"I dag" beside "Förslag" with the proposed marked, its consequences, "Förslag" on every slide.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from lsgmap.cli import export_data
from lsgmap.cli.common import add_assoc_option, day_or_default, echo, lang_of, load_structure, parse_day, write_out
from lsgmap.dataset.stories import load_stories
from lsgmap.dates import day_to_iso
from lsgmap.draw import export, html, images, slides
from lsgmap.draw.view import View, compare_views
from lsgmap.errors import InputError
from lsgmap.exchange import FORMATS as EXCHANGE_FORMATS
from lsgmap.i18n import msg, t


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export",
        parents=[common],
        help="kartan som HTML (fungerar offline), PNG eller SVG / the map as HTML (works offline), PNG or SVG",
    )
    p.add_argument("--on", metavar="DATE", help="YYYY-MM-DD (default: the dataset's default date)")
    p.add_argument(
        "--format", dest="fmt", choices=["html", "png", "svg", "pptx", "md", *EXCHANGE_FORMATS], default="png",
        help="default: png; pptx: the slides of --story or --scenario; md: a --scenario's one-page summary; "
        "gexf|graphml|jsonld|xlsx: the data, all dates unless --on",
    )
    p.add_argument("--scenario", metavar="ID", help="ett förslag: i dag mot förslaget och konsekvenserna / a proposal: today against it, and its consequences")
    p.add_argument("--story", metavar="ID", help="berättelsen som bildserie (med --format pptx) / the story as slides (with --format pptx)")
    p.add_argument("--out", metavar="FILE", help="default: lsgmap-DATE.FORMAT (pptx: lsgmap-ID.pptx); '-' = stdout")
    p.add_argument("--hide-persons", action="store_true", help="dölj personer / hide persons")
    p.add_argument(
        "--attested-only", action="store_true",
        help="bara uppgifter som en källa talar för den dagen (annars blekta och streckade) / "
        "only facts a source speaks for that day (otherwise drawn faded and dashed)",
    )
    p.add_argument("--size", metavar="WxH", default=None, help="bildstorlek i pixlar / image size in pixels (default 1600x1000; 2400x1000 with --compare)")
    p.add_argument("--compare", metavar="DATE", help="rita även detta datum bredvid (png, svg) / also draw this date alongside")
    add_assoc_option(p)
    p.set_defaults(run=run)


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text or "")
    if not m:
        raise InputError(msg("export.bad_size", value=text), option="--size")
    return int(m.group(1)), int(m.group(2))


def run(args: argparse.Namespace) -> int:
    if getattr(args, "scenario", None):
        return _run_scenario(args)
    if args.fmt == "md":
        raise InputError(msg("scenario.cli.md_only"), option="--format")
    if args.story and args.fmt != "pptx":
        raise InputError(msg("slides.story_pptx_only"), option="--story")
    if args.fmt == "pptx":
        return _run_slides(args)
    if args.fmt in EXCHANGE_FORMATS:
        return export_data.run(args)
    lang = lang_of(args)
    other = parse_day(args.compare, "--compare") if args.compare else None
    size = _size(args.size or ("2400x1000" if args.compare else "1600x1000"))
    if args.compare and args.fmt == "html":
        raise InputError(msg("export.compare_html"))
    structure = load_structure(args)
    day = day_or_default(args, structure)
    view = View(on=day, lang=lang, hide_persons=args.hide_persons, attested_only=args.attested_only)
    if args.fmt == "html":
        data = html.export_html(structure, view).encode("utf-8")
    elif other is not None:
        start, end = sorted((day, other))
        views = compare_views(structure, start=start, end=end, lang=lang, hide_persons=args.hide_persons, attested_only=args.attested_only)
        data = images.export_compare_image(structure, *views, fmt=args.fmt, size=size)
    else:
        data = images.export_image(structure, view, fmt=args.fmt, size=size)
    if args.out == "-":
        sys.stdout.buffer.write(data)
        return 0
    if args.out:
        path = Path(args.out)
    elif other is not None:
        path = Path(f"lsgmap-{day_to_iso(min(day, other))}-{day_to_iso(max(day, other))}.{args.fmt}")
    else:
        path = Path(export.default_filename(on=day, fmt=args.fmt, focus=view.focus))
    write_out(path, data)
    echo(t("export.written", lang, path=path, size=len(data)), file=sys.stderr)
    return 0


def _run_slides(args: argparse.Namespace) -> int:
    """``--story ID --format pptx``: the story's deck; each step has its own date, so no --on or --compare."""
    for option, given in (("--on", args.on), ("--compare", args.compare)):
        if given:
            raise InputError(msg("slides.own_dates", option=option))
    size = _size(args.size) if args.size else None
    structure = load_structure(args)
    stories = load_stories(structure)[0]
    if not args.story:
        raise InputError(msg("slides.story_needed", known=", ".join(s.id for s in stories) or msg("slides.no_stories")))
    story = slides.find_story(structure, args.story, stories)
    lang = lang_of(args)
    options = {"size": size} if size else {}
    data = slides.story_slides(structure, story, lang=lang, hide_persons=args.hide_persons, attested_only=args.attested_only, **options)
    if args.out == "-":
        sys.stdout.buffer.write(data)
        return 0
    path = Path(args.out or slides.default_filename(story.id))
    write_out(path, data)
    echo(t("export.written", lang, path=path, size=len(data)), file=sys.stderr)
    return 0


def _run_scenario(args: argparse.Namespace) -> int:
    """``--scenario ID``: the proposal on its own date, as slides, a page, or one image of both maps."""
    from lsgmap.scenario import apply
    from lsgmap.scenario.present import scenario_html, scenario_image, scenario_slides, summary_markdown

    for option, given in (("--on", args.on), ("--compare", args.compare), ("--story", args.story)):
        if given:
            raise InputError(msg("scenario.cli.own_date", option=option))
    if args.fmt not in {"pptx", "html", "png", "svg", "md"}:
        raise InputError(msg("scenario.cli.formats", fmt=args.fmt), option="--format")
    lang = lang_of(args)
    real = load_structure(args)
    proposal = apply(real, args.scenario)
    options = {"lang": lang, "hide_persons": args.hide_persons}
    if args.fmt == "pptx":
        data = scenario_slides(real, proposal, **options)
    elif args.fmt == "md":
        data = summary_markdown(real, proposal, lang).encode("utf-8")
    elif args.fmt == "html":
        data = scenario_html(real, proposal, attested_only=args.attested_only, **options).encode("utf-8")
    else:
        data = scenario_image(real, proposal, fmt=args.fmt, size=_size(args.size or "2400x1000"), attested_only=args.attested_only, **options)
    if args.out == "-":
        sys.stdout.buffer.write(data)
        return 0
    path = Path(args.out or f"lsgmap-scenario-{proposal.scenario.id}.{args.fmt}")
    write_out(path, data)
    echo(t("export.written", lang, path=path, size=len(data)), file=sys.stderr)
    return 0
