"""The tagged binary form of single values exchanged with the engine (the gateway's ValueCodec and NestedCodec,
big-endian): a tag byte, then the value. Tags: 0 NULL, 1 boolean, 2 int64, 3 float64, 4 UTF-8 string, 5 decimal
text, 6 date (int32 epoch day), 7 timestamp (int64 microseconds, wall clock as UTC), 8 time (int64 nanoseconds of
the day), 9 bytes, 10 instant (int64 microseconds since the epoch), 11 array (int32 length, then the elements), 12 map
(int32 size, then each key and value), 13 row (int32 arity, a byte 1 when the field names follow as int32 length plus
UTF-8, then the fields). Arrays read as lists, maps as dicts, rows as ``Row``s (with field names when sent)."""

import datetime
import decimal
import struct

_EPOCH = datetime.date(1970, 1, 1)
_EPOCH_DT = datetime.datetime(1970, 1, 1)


def read_exact(stream, n):
    data = stream.read(n)
    if len(data) < n:
        return None
    return data


class Reader(object):
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, fmt):
        v = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return v[0]

    def bytes(self):
        n = self.take(">i")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def value(self):
        tag = self.take(">b")
        if tag == 0:
            return None
        if tag == 1:
            return self.take(">?")
        if tag == 2:
            return self.take(">q")
        if tag == 3:
            return self.take(">d")
        if tag == 4:
            return self.bytes().decode("utf-8")
        if tag == 5:
            return decimal.Decimal(self.bytes().decode("ascii"))
        if tag == 6:
            return _EPOCH + datetime.timedelta(days=self.take(">i"))
        if tag == 7:
            return _EPOCH_DT + datetime.timedelta(microseconds=self.take(">q"))
        if tag == 8:
            return (_EPOCH_DT + datetime.timedelta(microseconds=self.take(">q") // 1000)).time()
        if tag == 9:
            return bytes(self.bytes())
        if tag == 10:
            return datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(
                microseconds=self.take(">q"))
        if tag == 11:
            n = self.take(">i")
            return [self.value() for _ in range(n)]
        if tag == 12:
            n = self.take(">i")
            out = {}
            for _ in range(n):
                k = self.value()
                out[_hashable(k)] = self.value()
            return out
        if tag == 13:
            from sluice.common.types import Row
            n = self.take(">i")
            names = [bytes(self.bytes()).decode("utf-8") for _ in range(n)] if self.take(">b") else None
            row = Row(*[self.value() for _ in range(n)])
            if names is not None:
                row._fields = names
            return row
        raise ValueError("unknown value tag %d" % tag)


def _hashable(k):
    """A map key as a dict key: lists (ARRAY keys) become tuples."""
    if isinstance(k, list):
        return tuple(_hashable(e) for e in k)
    return k


def encode(v):
    if v is None:
        return b"\x00"
    try:
        import numpy as np
        if isinstance(v, np.generic):
            v = v.item()
    except ImportError:
        pass
    if _is_missing(v):
        return b"\x00"
    if isinstance(v, bool):
        return struct.pack(">b?", 1, v)
    if isinstance(v, int):
        return struct.pack(">bq", 2, v)
    if isinstance(v, float):
        return struct.pack(">bd", 3, v)
    if isinstance(v, str):
        b = v.encode("utf-8")
        return struct.pack(">bi", 4, len(b)) + b
    if isinstance(v, decimal.Decimal):
        b = format(v, "f").encode("ascii")
        return struct.pack(">bi", 5, len(b)) + b
    if isinstance(v, datetime.datetime):
        if hasattr(v, "to_pydatetime"):
            v = v.to_pydatetime()
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            tag = 10
        else:
            tag = 7
        d = v - _EPOCH_DT
        return struct.pack(">bq", tag, (d.days * 86400 + d.seconds) * 1000000 + d.microseconds)
    if isinstance(v, datetime.date):
        return struct.pack(">bi", 6, (v - _EPOCH).days)
    if isinstance(v, datetime.time):
        return struct.pack(">bq", 8, ((v.hour * 60 + v.minute) * 60 + v.second) * 1000000000
                           + v.microsecond * 1000)
    if isinstance(v, (bytes, bytearray, memoryview)):
        b = bytes(v)
        return struct.pack(">bi", 9, len(b)) + b
    if isinstance(v, dict):
        return struct.pack(">bi", 12, len(v)) + b"".join(encode(k) + encode(x) for k, x in v.items())
    if hasattr(v, "get_row_kind") or isinstance(v, tuple):
        values = list(v)
        names = v.__dict__.get("_fields") if hasattr(v, "get_row_kind") else getattr(v, "_fields", None)
        head = struct.pack(">bib", 13, len(values), 1 if names else 0)
        if names:
            head += b"".join(struct.pack(">i", len(n.encode("utf-8"))) + n.encode("utf-8") for n in names)
        return head + b"".join(encode(x) for x in values)
    if isinstance(v, (list, set, frozenset)) or type(v).__name__ in ("ndarray", "Series"):
        values = list(v)
        return struct.pack(">bi", 11, len(values)) + b"".join(encode(x) for x in values)
    b = str(v).encode("utf-8")
    return struct.pack(">bi", 4, len(b)) + b


def _is_missing(v):
    try:
        import pandas as pd
        return v is pd.NA or v is pd.NaT
    except ImportError:
        return False


