"""Doctest names: the library's examples load the bundled dataset with ``load(BUNDLED_DATA)``.

Modules below :mod:`lsgmap.dataset` may not import the loader (it sits above them), so their
examples find ``load`` and ``BUNDLED_DATA`` here.
"""

import pytest

from lsgmap.dataset.load import BUNDLED_DATA, load


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    doctest_namespace["load"] = load
    doctest_namespace["BUNDLED_DATA"] = BUNDLED_DATA
