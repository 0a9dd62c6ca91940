"""The Streamlit pages of lsgmap (thin: widgets and calls into the ``lsgmap`` library)."""
