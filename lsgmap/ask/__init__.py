"""Questions in Swedish or English: read the question, find the answer, say how it was understood.

>>> from lsgmap.ask import ask
>>> answer = ask(load(BUNDLED_DATA), "Vem styr TUNA?", on="2016-11-15")
>>> answer.understood, "LSG Nyköping-Oxelösund" in answer.text()
(True, True)
"""

from lsgmap.ask.answer import Answer, ask

__all__ = ["ask", "Answer"]
