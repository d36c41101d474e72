"""An article's date as an ISO date (YYYY-MM-DD), whatever form its JSON or HTML gave it in.

ISO forms are read directly; others ("March 3, 2019", "3 March 2019", "2019/03/03") through dateparser.
A date that cannot be read is left out with a warning, never stored as text that `lookup --since` would
compare as a string.
"""
from __future__ import annotations

import datetime as dt
import logging

log = logging.getLogger("quotes")
# absolute dates only ("yesterday" in an archive says nothing); a year alone is its first day
DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first", "REQUIRE_PARTS": ["year"],
                       "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}


def _iso(value: str) -> str | None:
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:  # a full timestamp, with a zone or a 'Z'
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def iso_date(value: object, where: str | None = None) -> str | None:
    """`value` as YYYY-MM-DD, or None (with a warning naming `where`) when it is not a date."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    found = _iso(text)
    if found is None:
        import dateparser

        parsed = dateparser.parse(text, languages=None, settings=DATEPARSER_SETTINGS)
        found = parsed.date().isoformat() if parsed else None
    if found is None and where:
        log.warning(f"{where}: date {text[:40]!r} is not a date; the article is stored without one")
    return found
