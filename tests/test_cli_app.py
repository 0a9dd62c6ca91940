"""``lsgmap app``: the command line it runs, and a clear message without the app extra."""

from __future__ import annotations

import importlib.util

from lsgmap.cli import app, main


def test_the_command_runs_the_packaged_script_offline():
    cmd = app.command(8600)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("lsgmap/app/streamlit_app.py")
    assert app.SCRIPT.is_file()
    assert {"--browser.gatherUsageStats=false", "--server.headless=true", "--server.address=127.0.0.1", "--server.port=8600"} <= set(cmd)


def test_without_streamlit_it_says_how_to_install_it(monkeypatch, capsys):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "streamlit" else real(name, *a))
    assert main(["app", "--lang", "en"]) == 2
    assert 'pip install "lsgmap[app]"' in capsys.readouterr().err


def test_edit_is_off_unless_asked_for(monkeypatch):
    from lsgmap.app.settings import EDIT_SETTING, editing_enabled

    started: list[dict] = []
    monkeypatch.setattr(app.os, "execve", lambda path, argv, env: started.append(env))
    monkeypatch.delenv(EDIT_SETTING, raising=False)
    main(["app"])
    main(["app", "--edit"])
    assert EDIT_SETTING not in started[0] and started[1][EDIT_SETTING] == "1"
    assert app.EDIT_SETTING == EDIT_SETTING
    monkeypatch.setenv(EDIT_SETTING, started[1][EDIT_SETTING])
    assert editing_enabled()
