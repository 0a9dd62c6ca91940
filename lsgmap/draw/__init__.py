"""Drawing: what a view shows (:mod:`~lsgmap.draw.view`), its nodes and edges with every label,
colour and mark, laid out (:mod:`lsgmap.draw.layout`), and written as HTML, images and slides.
"""
