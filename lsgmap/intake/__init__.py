"""Documents in: a status report, minutes or an application read into proposed facts with their quotes.

- :mod:`.document` reads ``.txt``, ``.md``, ``.docx`` and ``.pdf`` into the same plain text;
- :mod:`.when` finds the period the document speaks for, its kind, and the dates it states;
- :mod:`.mentions` finds known names and names that look like new entities;
- :mod:`.facts` reads candidate facts (relation cues, projects under their LSG, assignment lists);
- :mod:`.proposals` classifies each: attests, new, or contradicts the dataset;
- :mod:`.accept` turns the accepted proposals into one logged, undoable change;
- :mod:`.fixture` builds a dataset without a document (what rests only on it), to measure the reader.

>>> from lsgmap.intake import read, intake, accept
"""

from lsgmap.intake.accept import accept, accepted_change
from lsgmap.intake.proposals import DEFAULT_CONFIDENCE, Intake, Proposal, intake, read

__all__ = ["read", "intake", "Intake", "Proposal", "accept", "accepted_change", "DEFAULT_CONFIDENCE"]
