"""``lsgmap app`` starts Streamlit with the repository's .streamlit/config.toml settings wherever it runs (theme included)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from lsgmap.cli.app import SETTINGS

ROOT = Path(__file__).resolve().parents[1]


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_command_line_settings_are_the_config_files():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    flat = {f"{section}.{key}": value for section, values in config.items() for key, value in values.items()}
    for key, value in flat.items():
        assert key in SETTINGS, key
        assert SETTINGS[key] == (str(value).lower() if isinstance(value, bool) else str(value)), key


def test_captions_drawn_at_60_percent_of_the_text_colour_reach_4_5_to_1_on_white():
    text = SETTINGS["theme.textColor"]
    faded = "#" + "".join(f"{round(255 - 0.6 * (255 - int(text[i:i + 2], 16))):02x}" for i in (1, 3, 5))  # Streamlit's fadedText60
    ratio = 1.05 / (_relative_luminance(faded) + 0.05)
    assert ratio >= 4.5, (faded, ratio)
