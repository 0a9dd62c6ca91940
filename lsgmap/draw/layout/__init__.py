"""Positions for the map: layers by kind, nodes ordered to cut crossings, gaps sized from the labels' real widths."""
