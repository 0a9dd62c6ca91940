"""lsgmap – the Streamlit app (a shim: the app lives in the package, lsgmap/app/).

Run: ``streamlit run app.py`` (``LSGMAP_DATA=DIR`` opens another dataset), or ``lsgmap app``.
"""

from lsgmap.app.main import main

main()
