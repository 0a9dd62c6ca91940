"""The lsgmap Streamlit app (thin: widgets and calls into the lsgmap library)."""

import streamlit as st

import lsgmap

st.set_page_config(page_title="lsgmap", layout="wide")
structure = lsgmap.load()
st.title("lsgmap")
day = st.date_input("Datum", value=structure.span[1])
snap = structure.snapshot(on=day)
st.write(sorted(e.name("sv") for e in snap.entities()))
