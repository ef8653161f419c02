"""How Statistics Netherlands (CBS) prints its asylum figures, and how each form is read.

The same forms as macros/parsing/cbs.sql; both are tested against one table of cases
(seeds/cases/cbs_printed_values.csv, seeds/cases/cbs_printed_periods_dates_pages.csv). Each reader
returns None for a form it does not know; the caller refuses the row naming file, line and text.

- A page's language is its address's: /nl-nl/ (or sc_lang=nl-nl) is Dutch, /en-gb/ English. Dutch
  pages group thousands with '.' (or a space) and write decimals after ','; English pages the other
  way round.
- A value is in persons, or in thousands where the table says "x 1 000" / "x 1,000" (or the
  transcriber notes "printed in thousands") or the text says thousand / duizend: thousands carry
  0 to 3 decimals and stand for an interval (6,91 thousand is 6905 to 6915 persons).
- Words before the number make it approximate: nearly / bijna (the count lies below), more than /
  slightly over / ruim (above), rond de / zo'n (around); "as many as" is emphasis, not
  approximation. The interval of an approximate figure is one step of its last printed digit on
  that side (nearly 24 thousand: 23000 to 24000).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

FIRST_YEAR = 1975  # StatLine 80059 starts in 1975

QUALIFIERS = {
    "en": {"nearly": "below", "more than": "above", "slightly over": "above", "as many as": "exact"},
    "nl": {"bijna": "below", "ruim": "above", "rond de": "around", "zo'n": "around"},
}
MULTIPLIERS = {"en": "thousand", "nl": "duizend"}
NUMBER_WORDS = {"en": {"one": "1"}, "nl": {"een": "1"}}
GROUPED = {"nl": r"[0-9]{1,3}([. ][0-9]{3})+", "en": r"[0-9]{1,3}(,[0-9]{3})+"}
DECIMAL_MARK = {"nl": ",", "en": "."}
THOUSANDS_TABLE = re.compile(r"x ?1[ ,.]?000")


@dataclass(frozen=True)
class Value:
    value: int
    low: Decimal
    high: Decimal
    precision: str
    qualifier: str
    is_approximate: bool


def page_language(url: str) -> str | None:
    """nl or en from the page's address, None when it is not a cbs.nl page of either language."""
    match = re.fullmatch(r"https://(www\.)?cbs\.nl/([^?#]*)(\?[^#]*)?", url)
    if match is None:
        return None
    path, query = match.group(2), match.group(3) or ""
    if path.startswith("nl-nl/") or (path == "item" and "sc_lang=nl-nl" in query):
        return "nl"
    if path.startswith("en-gb/") or (path == "item" and "sc_lang=en" in query):
        return "en"
    return None


def printed_in_thousands(measure_en: str, measure_nl: str, note: str) -> bool:
    """True when the table's heading says x 1 000 or the transcriber notes 'printed in thousands'."""
    return bool(THOUSANDS_TABLE.search(measure_en) or THOUSANDS_TABLE.search(measure_nl)) or (
        "printed in thousands" in note
    )


def read_value(printed: str, language: str, in_thousands: bool) -> Value | None:
    """The printed value read on a page of `language`, in a table in thousands or not."""
    qualifiers = QUALIFIERS[language]
    words = "|".join(re.escape(word) for word in sorted(qualifiers, key=len, reverse=True))
    numbers = "|".join(NUMBER_WORDS[language])
    match = re.fullmatch(
        rf"(?:({words}) )?([0-9][0-9., ]*[0-9]|[0-9]|{numbers})(?: ({MULTIPLIERS[language]}))?", printed
    )
    if match is None:
        return None
    qualifier, number, multiplier = match.group(1) or "", match.group(2), match.group(3)
    number = NUMBER_WORDS[language].get(number, number)
    if multiplier or in_thousands:
        mark = re.escape(DECIMAL_MARK[language])
        if not re.fullmatch(rf"[0-9]+({mark}[0-9]{{1,3}})?", number):
            return None
        digits = number.replace(DECIMAL_MARK[language], ".")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        amount = Decimal(digits) * 1000
        step = Decimal(1000).scaleb(-decimals)
        precision = f"thousands_{decimals}dp"
    else:
        if not (re.fullmatch(r"[0-9]+", number) or re.fullmatch(GROUPED[language], number)):
            return None
        amount = Decimal(re.sub(r"[., ]", "", number))
        trailing = len(str(int(amount))) - len(str(int(amount)).rstrip("0")) if amount else 0
        step = Decimal(10) ** trailing
        precision = "persons"
    if amount != amount.to_integral_value():
        return None
    direction = qualifiers.get(qualifier, "exact")
    if direction == "below":
        low, high = amount - step, amount
    elif direction == "above":
        low, high = amount, amount + step
    elif direction == "around":
        low, high = amount - step / 2, amount + step / 2
    elif precision == "persons":
        low, high = amount, amount
    else:
        low, high = amount - step / 2, amount + step / 2
    approximate = direction != "exact"
    return Value(
        int(amount),
        low.quantize(Decimal("0.001")),
        high.quantize(Decimal("0.001")),
        "text_approximate" if approximate else precision,
        qualifier,
        approximate,
    )


@dataclass(frozen=True)
class Period:
    code: str
    grain: str
    start: datetime.date
    end: datetime.date


def _month_end(year: int, month: int) -> datetime.date:
    return (datetime.date(year + month // 12, month % 12 + 1, 1)) - datetime.timedelta(days=1)


def read_period(printed: str) -> Period | None:
    """YYYY, YYYY-Qn, YYYY-MM, YYYY-H1/H2, or a range of months YYYY-MM/YYYY-MM (start before end)."""
    if re.fullmatch(r"[0-9]{4}", printed):
        year = int(printed)
        return Period(printed, "year", datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    match = re.fullmatch(r"([0-9]{4})-Q([1-4])", printed)
    if match:
        year, quarter = int(match.group(1)), int(match.group(2))
        return Period(printed, "quarter", datetime.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter))
    match = re.fullmatch(r"([0-9]{4})-H([12])", printed)
    if match:
        year, half = int(match.group(1)), int(match.group(2))
        return Period(printed, "half_year", datetime.date(year, 6 * half - 5, 1), _month_end(year, 6 * half))
    month = r"([0-9]{4})-(0[1-9]|1[0-2])"
    match = re.fullmatch(month, printed)
    if match:
        year, number = int(match.group(1)), int(match.group(2))
        return Period(printed, "month", datetime.date(year, number, 1), _month_end(year, number))
    match = re.fullmatch(f"{month}/{month}", printed)
    if match:
        first = (int(match.group(1)), int(match.group(2)))
        last = (int(match.group(3)), int(match.group(4)))
        if last <= first:
            return None
        return Period(printed, "months", datetime.date(*first, 1), _month_end(*last))
    return None


@dataclass(frozen=True)
class Published:
    code: str
    precision: str
    start: datetime.date | None
    end: datetime.date | None
    comment: str


def read_published(printed: str) -> Published | None:
    """A day (YYYY-MM-DD); an ISO week (YYYY week WW, with a comment); a month (YYYY-MM (comment));
    or not shown (comment)."""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", printed):
        try:
            day = datetime.date.fromisoformat(printed)
        except ValueError:
            return None
        return Published(printed, "day", day, day, "")
    match = re.fullmatch(r"([0-9]{4}) week ([0-9]{2})(?: \((.+)\))?", printed)
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            monday = datetime.date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        code = f"{year}-W{week:02d}"
        return Published(code, "week", monday, monday + datetime.timedelta(days=6), match.group(3) or "")
    match = re.fullmatch(r"([0-9]{4})-(0[1-9]|1[0-2]) \((.+)\)", printed)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        return Published(printed[:7], "month", datetime.date(year, month, 1), _month_end(year, month), match.group(3))
    match = re.fullmatch(r"not shown \((.+)\)", printed)
    if match:
        return Published("not shown", "undated", None, None, match.group(1))
    return None
