"""What counts as a printed figure of the annual publication, and the number it stands for.

The warehouse's staging macros (`macros/parsing/`) accept exactly the same forms: both sides
are tested against one table of cases, `seeds/cases/printed_figures.csv`. A form that one
side accepts and the other refuses would let the extractor write a seed the build then
rejects, or the reverse.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jaarcijfers.inputs import quoted

# Dots group thousands, a comma starts the decimals; the patterns are RE2-compatible, as in dbt,
# and bounded so that every value fits the warehouse's DECIMAL(18,4) exactly.
FIGURE_FORMS = (
    ("number", re.compile(r"[0-9]{1,3}(\.[0-9]{3}){0,3}(,[0-9]{1,4})?")),
    ("percentage", re.compile(r"[0-9]{1,3}(,[0-9]{1,2})?%")),
    ("euro", re.compile(r"€ ?[0-9]{1,3}(\.[0-9]{3}){0,3}(,[0-9]{1,2})?")),
    ("euro", re.compile(r"€ ?[0-9]{1,3}(\.[0-9]{3})?(,[0-9]{1,4})? mln")),
    ("unknown", re.compile(r"onb\.")),
)
# The units a figure printed in each form may measure, as int_figures_catalogued checks them.
UNITS_OF_FORM = {"number": ("count", "weeks", "fte"), "percentage": ("ratio",), "euro": ("eur",)}
ACCEPTED_FORMS_HINT = (
    "a Dutch number (38.670 or 5.416,5), a percentage with at most two decimals (88% or 7,5%), "
    "'onb.' or a euro amount (€ 1.250 or € 36,8 mln)"
)


def figure_form(printed: str) -> str | None:
    """The form of a printed figure (number, percentage, euro, unknown), or None for anything else."""
    for form, pattern in FIGURE_FORMS:
        if pattern.fullmatch(printed):
            return form
    return None


def _dutch_decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(".", "").replace(",", "."))


def parse_figure(printed: str) -> Decimal | None:
    """The value in the unit of its form: a count, a ratio (88% is 0.88) or euros; None for onb.

    Raises ValueError for text that is not a printed figure.
    """
    form = figure_form(printed)
    if form is None:
        raise ValueError(f"{quoted(printed)} is not a figure: expected {ACCEPTED_FORMS_HINT}")
    if form == "unknown":
        return None
    digits = re.search(r"[0-9][0-9.,]*", printed).group()
    value = _dutch_decimal(digits)
    if form == "percentage":
        return value / 100
    if printed.endswith(" mln"):
        return value * 1_000_000
    return value
