"""Change over time: what changed between two dates and why, the timeline, the period report.

An ending (a stated end, an event) is told apart from a fact that is only no longer
attested (its sources' period is over).
"""

from lsgmap.time.diff import Diff, diff
from lsgmap.time.diff_text import change_lines
from lsgmap.time.report import period_report, report_data

__all__ = ["diff", "Diff", "change_lines", "period_report", "report_data"]
