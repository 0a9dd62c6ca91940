"""The real-browser suite (a package, so its conftest.py does not clash with tests/conftest.py)."""
