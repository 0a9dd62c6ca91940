"""The script ``lsgmap app`` hands to ``streamlit run`` (the package's own copy of ../../app.py)."""

from lsgmap.app.main import main

main()
