"""How the IND's news pages print values, periods, dates and addresses, read strictly.

The dbt staging macros in ``macros/parsing/ind_news_*.sql`` read the same forms; both sides are
tested against one table of printed cases, ``seeds/cases/ind_news_printed_values.csv``. A form
that is not here is refused, never guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

QUALIFIERS = {
    "nl": ("bijna", "ruim", "circa", "zo'n", "meer dan"),
    "en": ("approx.", "approximately", "around", "about", "almost", "just over", "at least"),
}
MULTIPLIERS = {
    "nl": {"duizend": 1_000, "miljoen": 1_000_000, "mln": 1_000_000},
    "en": {"thousand": 1_000, "million": 1_000_000},
}
UNIT_WORDS = {
    "nl": {"euro": "eur", "procent": "ratio", "maanden": "months"},
    "en": {"euros": "eur", "euro": "eur", "percent": "ratio", "months": "months"},
}
SPACE_LOOKALIKES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}
# Pages of the old site (before the /nl/ and /en/ paths) without a language segment are Dutch.
DUTCH_LEGACY_SECTIONS = ("nieuws", "over-ind")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS = {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)}


def _alternatives(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _value_pattern(language: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?:(?P<qualifier>{_alternatives(QUALIFIERS[language])}) )?(?P<euro>€ ?)?(?P<digits>[0-9][0-9.,]*)"
        rf"(?: (?P<multiplier>{_alternatives(MULTIPLIERS[language])}))?"
        rf"(?: (?P<unit_word>{_alternatives(UNIT_WORDS[language])}))?(?P<percent>%)?$"
    )


VALUE_PATTERNS = {language: _value_pattern(language) for language in QUALIFIERS}
GROUP_SEPARATOR = {"nl": ".", "en": ","}
DECIMAL_SEPARATOR = {"nl": ",", "en": "."}


@dataclass(frozen=True)
class Reading:
    value: Decimal
    unit: str
    qualifier: str
    number_convention: str


def _number(digits: str, language: str, scaled: bool) -> tuple[Decimal, str] | None:
    """The digits as a number, and the convention ('nl' or 'en') they were read in."""
    group, point = GROUP_SEPARATOR[language], DECIMAL_SEPARATOR[language]
    if re.fullmatch(r"[0-9]+", digits):
        return Decimal(digits), language
    if re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(group)}[0-9]{{3}})+", digits):
        return Decimal(digits.replace(group, "")), language
    # The IND's English pages often group thousands the Dutch way (2.490): read as a whole number,
    # since a count is never printed with three decimals and nothing is scaled by a multiplier.
    if language == "en" and not scaled and re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", digits):
        return Decimal(digits.replace(".", "")), "nl"
    if scaled and re.fullmatch(rf"[0-9]+{re.escape(point)}[0-9]{{1,2}}", digits):
        return Decimal(digits.replace(point, ".")), language
    return None


def read_value(printed: str, language: str) -> Reading | None:
    """The printed value as a number with a unit, or None when it is not a form these pages use."""
    text = printed
    for lookalike, space in SPACE_LOOKALIKES.items():
        text = text.replace(lookalike, space)
    match = VALUE_PATTERNS[language].fullmatch(text)
    if not match:
        return None
    parts = {key: value or "" for key, value in match.groupdict().items()}
    unit_word = UNIT_WORDS[language].get(parts["unit_word"], "")
    if (parts["euro"] and (parts["unit_word"] or parts["percent"])) or (parts["percent"] and parts["unit_word"]):
        return None
    if parts["multiplier"] and (parts["percent"] or unit_word in ("ratio", "months")):
        return None
    percent = bool(parts["percent"]) or unit_word == "ratio"
    number = _number(parts["digits"], language, scaled=bool(parts["multiplier"]) or percent)
    if number is None:
        return None
    value, convention = number
    value *= MULTIPLIERS[language].get(parts["multiplier"], 1)
    if percent:
        return Reading(value / 100, "ratio", parts["qualifier"], convention)
    unit = "eur" if parts["euro"] else unit_word or "count"
    return Reading(value, unit, parts["qualifier"], convention)


@dataclass(frozen=True)
class Period:
    code: str
    grain: str
    start: date | None
    end: date | None
    reference_year: int | None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def read_period(printed: str) -> Period | None:
    """A reference period in one of the regular forms, or None (irregular ones are catalogued)."""
    if match := re.fullmatch(r"([0-9]{4})-(0[1-9]|1[0-2])", printed):
        year, month = int(match[1]), int(match[2])
        return Period(printed, "month", date(year, month, 1), _month_end(year, month), year)
    if match := re.fullmatch(r"([0-9]{4})", printed):
        year = int(match[1])
        return Period(printed, "year", date(year, 1, 1), date(year, 12, 31), year)
    if match := re.fullmatch(r"([0-9]{4})-H([12])", printed):
        year, half = int(match[1]), int(match[2])
        return Period(printed, "half_year", date(year, 6 * half - 5, 1), _month_end(year, 6 * half), year)
    if match := re.fullmatch(r"([0-9]{4}) \(Jan-([A-Z][a-z]{2})\)", printed):
        year, month = int(match[1]), MONTHS.get(match[2])
        if month is None:
            return None
        return Period(f"{year}-YTD-{month:02d}", "year_to_date", date(year, 1, 1), _month_end(year, month), year)
    if (match := re.fullmatch(r"([0-9]{4})-([0-9]{4})", printed)) and int(match[2]) > int(match[1]):
        first, last = int(match[1]), int(match[2])
        return Period(printed, "multi_year", date(first, 1, 1), date(last, 12, 31), first)
    return None


@dataclass(frozen=True)
class Published:
    code: str
    precision: str
    start: date | None
    end: date | None
    comment: str


def read_published(printed: str) -> Published | None:
    """The page's date as shown: a day, a month or a year with a comment in brackets, or undated."""
    try:
        if match := re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", printed):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return Published(printed, "day", day, day, "")
        if match := re.fullmatch(r"([0-9]{4})-([0-9]{2})(?: \((.+)\))?", printed):
            year, month = int(match[1]), int(match[2])
            return Published(
                f"{year}-{month:02d}", "month", date(year, month, 1), _month_end(year, month), match[3] or ""
            )
    except ValueError:
        return None
    if match := re.fullmatch(r"(?:(?:early|mid|late) )?([0-9]{4})(?: \((.+)\))?", printed):
        year = int(match[1])
        return Published(match[1], "year", date(year, 1, 1), date(year, 12, 31), match[2] or "")
    if match := re.fullmatch(r"undated(?: \((.+)\))?", printed):
        return Published("undated", "undated", None, None, match[1] or "")
    return None


@dataclass(frozen=True)
class Page:
    url: str
    language: str
    slug: str


def read_page(source_url: str) -> Page | None:
    """The page's address with the host normalised (ind.nl. is ind.nl), its language and its slug.

    Paths of the old SharePoint site (ending in .aspx) are case-insensitive there, so they are
    lower-cased; the newer site's paths are kept as printed. The slug is the last path segment
    without .aspx, an encoded space (%20) written as a hyphen.
    """
    match = re.fullmatch(r"https?://([^/?#]+)(/[^?#]*)", source_url)
    if not match or match[1].lower().rstrip(".") != "ind.nl":
        return None
    path = match[2].lower() if match[2].lower().endswith(".aspx") else match[2]
    first_segment = path.split("/")[1]
    if first_segment in ("nl", "en"):
        language = first_segment
    elif first_segment.lower() in DUTCH_LEGACY_SECTIONS:
        language = "nl"
    else:
        return None
    slug = re.sub(r"\.aspx$", "", re.search(r"([^/]*)/*$", path)[1]).replace("%20", "-")
    return Page(f"https://ind.nl{path}", language, slug)


def split_country(measure_en: str) -> tuple[str, str]:
    """The measure with its country of origin replaced by {country}, and the country ('' if none)."""
    match = re.search(r"nationality:? ([^,]+)", measure_en)
    if not match:
        return measure_en, ""
    return measure_en[: match.start(1)] + "{country}" + measure_en[match.end(1) :], match[1]


def quoted_item(note: str) -> tuple[str, int] | None:
    """An overview page quoting several monthly items: 'as printed in August item' -> ('August item', 8)."""
    match = re.search(r"as printed in ([A-Za-z]+) item", note)
    if not match:
        return ("", 0)
    if match[1] not in MONTH_NAMES:
        return None
    return f"{match[1]} item", MONTH_NAMES.index(match[1]) + 1
