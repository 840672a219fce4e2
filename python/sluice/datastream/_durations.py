"""Parses Flink's duration option values ("10 s", "500 ms", "1 min", "250")."""

import re

_UNITS = {"": 1, "ms": 1, "milli": 1, "millis": 1, "millisecond": 1, "milliseconds": 1, "s": 1000, "sec": 1000,
          "secs": 1000, "second": 1000, "seconds": 1000, "min": 60000, "m": 60000, "minute": 60000,
          "minutes": 60000, "h": 3600000, "hour": 3600000, "hours": 3600000, "d": 86400000, "day": 86400000,
          "days": 86400000}


def parse_millis(text):
    m = re.fullmatch(r"\s*(\d+)\s*([a-zA-Z]*)\s*", str(text))
    if not m or m.group(2).lower() not in _UNITS:
        raise ValueError("Cannot parse the duration '%s' (examples: 500 ms, 10 s, 1 min)" % text)
    return int(m.group(1)) * _UNITS[m.group(2).lower()]
