"""``lsgmap app [--data DIR] [--port N] [--edit]``: start the Streamlit app on this machine.

Runs ``streamlit run`` on the app script inside the package, with the settings
that keep it offline and quiet (no usage statistics, headless, bound to
127.0.0.1), so it behaves the same from any folder. ``--edit`` turns on the
Redigera page (off by default, so a projector computer is not editable by accident). Needs the ``app`` extra:
``pip install "lsgmap[app]"``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

from lsgmap.app.settings import EDIT_SETTING  # no Streamlit here
from lsgmap.errors import InputError
from lsgmap.i18n import msg

#: The Streamlit script inside the package.
SCRIPT = Path(__file__).resolve().parent.parent / "app" / "streamlit_app.py"

#: Streamlit settings that keep the app offline and quiet wherever it is started (see .streamlit/config.toml).
SETTINGS = {
    "browser.gatherUsageStats": "false",
    "server.headless": "true",
    "server.showEmailPrompt": "false",
    "server.address": "127.0.0.1",
    "client.toolbarMode": "minimal",
    "global.showWarningOnDirectExecution": "false",
    "global.disableWidgetStateDuplicationWarning": "true",
    "theme.base": "light",
    "theme.textColor": "#111111",  # captions at 60 % of it: #707070 on white, 4.95:1
}


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("app", parents=[common], help="starta appen / start the app")
    p.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    p.add_argument("--edit", action="store_true", help="slå på sidan Redigera / turn on the Redigera (edit) page")
    p.set_defaults(run=run)


def command(port: int = 8501) -> list[str]:
    """The ``streamlit run`` command line.

    >>> command(8600)[1:4], "--server.port=8600" in command(8600)
    (['-m', 'streamlit', 'run'], True)
    """
    return [sys.executable, "-m", "streamlit", "run", str(SCRIPT), f"--server.port={port}", *(f"--{k}={v}" for k, v in SETTINGS.items())]


def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("streamlit") is None:
        raise InputError(msg("cli.app_missing"))
    env = dict(os.environ)
    if args.data:
        env["LSGMAP_DATA"] = str(Path(args.data).resolve())
    if args.edit:
        env[EDIT_SETTING] = "1"
    sys.stdout.flush()
    cmd = command(args.port)
    os.execve(cmd[0], cmd, env)  # the server takes this process's place: Ctrl-C and kill reach it directly
    return 0  # pragma: no cover (execve does not return)
