"""`quotes check`: findings for CI when new articles misquote the record (stores, articles, transcripts)."""
from quotes.check.judge import FINDING_KINDS, Match, assess, decide
from quotes.check.record import Record, Recorded, build_record, transcript_entries
from quotes.check.run import DEFAULT_FAIL_ON, CheckResult, check_quotes, parse_fail_on, run_check

__all__ = [
    "FINDING_KINDS", "DEFAULT_FAIL_ON", "CheckResult", "Match", "Record", "Recorded", "assess", "build_record",
    "check_quotes", "decide", "parse_fail_on", "run_check", "transcript_entries",
]
