"""The package list, found rather than written out (the rest of the configuration is in pyproject.toml).

Every folder under ``lsgmap/`` ships, with or without an ``__init__.py`` (folders of
``.js``/``.css``/``.json`` files too), and ``lsgmap.bundled``, which pyproject.toml maps to
``data/``. A find in pyproject.toml alone cannot name a package that lives outside ``lsgmap/``.
"""

from setuptools import find_namespace_packages, setup

setup(packages=[*find_namespace_packages(include=["lsgmap", "lsgmap.*"], exclude=["*.__pycache__"]), "lsgmap.bundled"])
