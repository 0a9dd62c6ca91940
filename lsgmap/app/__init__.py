"""The Streamlit app of lsgmap: one module per page, each thin (widgets and calls into the library).

Start it with ``lsgmap app`` (or ``streamlit run app.py`` in a checkout). The
library itself (``import lsgmap``) never imports this package or Streamlit.
"""
