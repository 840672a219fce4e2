"""The binary column layout shared with the engine (the gateway's ColumnKind): per column one validity byte per
row, then fixed-width little-endian values, or int32 offsets and UTF-8 data for strings, decimal text and bytes, or
int32 offsets and each value's tagged encoding (``sluice.fn_execution.tagged``) for ARRAY, MAP, MULTISET and ROW.
Numbers and temporal values are read and written with numpy without a per-value step."""

import datetime
import decimal

import numpy as np

from sluice.common.types import Row, RowKind

_FIXED = {"bool": "u1", "i8": "<i1", "i16": "<i2", "i32": "<i4", "i64": "<i8", "f32": "<f4", "f64": "<f8",
          "date": "<i4", "time": "<i8", "ts": "<i8", "ltz": "<i8"}
_EPOCH = datetime.date(1970, 1, 1)
_ROW_KINDS = [RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE]


class Columns(object):
    """Decoded columns of one reply: names, SQL types, row kinds and per column (kind, validity, values)."""

    def __init__(self, value, buffers):
        self.n = value["n"]
        self.names = value["names"]
        self.types = value["types"]
        self.kinds = value["kinds"]
        self.row_kinds = np.frombuffer(buffers[0], dtype="i1")
        self.columns = []
        i = 1
        for kind in self.kinds:
            valid = np.frombuffer(buffers[i], dtype="u1").astype(bool)
            if kind in _FIXED:
                values = np.frombuffer(buffers[i + 1], dtype=_FIXED[kind])
                i += 2
            else:
                values = (np.frombuffer(buffers[i + 1], dtype="<i4"), buffers[i + 2])
                i += 3
            self.columns.append((kind, valid, values))

    @staticmethod
    def single(kind, buffers, n):
        """One column of ``n`` values of this kind from its buffers."""
        return Columns({"n": n, "names": ["c"], "types": [kind], "kinds": [kind]}, [b""] + list(buffers))

    def python_column(self, c):
        """Column ``c`` as a list of Python values (None for NULL)."""
        kind, valid, values = self.columns[c]
        if kind in ("str", "decimal", "bytes"):
            out = _strings(kind, values, self.n)
        elif kind == "nested":
            out = _nested(values, valid, self.n)
        elif kind == "date":
            out = [_EPOCH + datetime.timedelta(days=int(d)) for d in values]
        elif kind == "ts":
            out = _timestamps(values).astype("datetime64[us]").astype(object).tolist()
        elif kind == "ltz":
            out = [datetime.datetime.fromtimestamp(int(v) / 1e6, datetime.timezone.utc) for v in values]
        elif kind == "time":
            out = [(datetime.datetime.min + datetime.timedelta(microseconds=int(v) // 1000)).time() for v in values]
        elif kind == "bool":
            out = values.astype(bool).tolist()
        else:
            out = values.tolist()
        if not valid.all():
            for i in np.flatnonzero(~valid):
                out[i] = None
        return out

    def rows(self):
        """The rows, each with its row kind."""
        cols = [self.python_column(c) for c in range(len(self.columns))]
        out = []
        kinds = self.row_kinds.tolist()
        for i in range(self.n):
            r = Row(*[col[i] for col in cols])
            r._row_kind = _ROW_KINDS[kinds[i]]
            out.append(r)
        return out

    def pandas_column(self, c):
        """Column ``c`` as pandas holds it: NaN for NULL numbers, None for NULL objects, NaT for NULL timestamps."""
        import pandas as pd
        kind, valid, values = self.columns[c]
        all_valid = bool(valid.all())
        if kind in ("i8", "i16", "i32", "i64"):
            if all_valid:
                return values.copy()
            out = values.astype("f8")
            out[~valid] = np.nan
            return out
        if kind in ("f32", "f64"):
            out = values.copy()
            out[~valid] = np.nan
            return out
        if kind == "bool":
            if all_valid:
                return values.astype(bool)
            return _objects(self.python_column(c))
        if kind == "ts":
            out = _timestamps(values).astype("datetime64[ns]")
            out[~valid] = np.datetime64("NaT")
            return out
        if kind == "ltz":
            out = pd.to_datetime(values, unit="us", utc=True)
            return out.where(valid, pd.NaT)
        return _objects(self.python_column(c))

    def to_pandas(self):
        import pandas as pd
        data = {}
        for c, name in enumerate(self.names):
            data[name] = self.pandas_column(c)
        return pd.DataFrame(data, columns=self.names)


def _objects(values):
    """A one-dimensional object array of ``values`` (lists stay list elements, not a second dimension)."""
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def _nested(values, valid, n):
    """ARRAY, MAP, MULTISET and ROW values: each the tagged encoding of the gateway's NestedCodec."""
    from sluice.fn_execution.tagged import Reader
    offsets, data = values
    out = [None] * n
    starts = offsets.tolist()
    for i in range(n):
        if valid[i]:
            r = Reader(data)
            r.pos = starts[i]
            out[i] = r.value()
    return out


def _timestamps(values):
    return values.view("datetime64[us]")


def _strings(kind, values, n):
    offsets, data = values
    if n == 0:
        return []
    if kind != "bytes" and b"\x00" not in data:
        out = _split_strings(offsets, data, n)
    else:
        starts = offsets[:-1].tolist()
        ends = offsets[1:].tolist()
        if kind == "bytes":
            return [data[a:b] for a, b in zip(starts, ends)]
        out = [data[a:b].decode("utf-8") for a, b in zip(starts, ends)]
    if kind == "decimal":
        return [decimal.Decimal(s) if s else None for s in out]
    return out


def _split_strings(offsets, data, n):
    """Strings of a column without NUL characters: a NUL is put after each value with numpy, and the whole buffer
    is decoded and split in one C call each."""
    raw = np.frombuffer(data, dtype="u1")
    lengths = np.diff(offsets).astype(np.int64)
    out = np.zeros(len(raw) + n, dtype="u1")
    if len(raw):
        out[np.arange(len(raw), dtype=np.int64) + np.repeat(np.arange(n, dtype=np.int64), lengths)] = raw
    return out.tobytes().decode("utf-8").split("\x00")[:n]


# ---- encoding (Python -> engine) ----

def kind_of(sql_type):
    """The wire kind of a SQL type text."""
    t = sql_type.upper().strip()
    if t.startswith(("ARRAY<", "MAP<", "MULTISET<", "ROW<", "ROW(")):
        return "nested"
    for prefix, kind in (("BOOLEAN", "bool"), ("TINYINT", "i8"), ("SMALLINT", "i16"), ("INTEGER", "i32"),
                         ("INT", "i32"), ("BIGINT", "i64"), ("FLOAT", "f32"), ("DOUBLE", "f64"),
                         ("DECIMAL", "decimal"), ("DATE", "date"), ("TIMESTAMP_LTZ", "ltz"), ("TIMESTAMP", "ts"),
                         ("TIME", "time"), ("BYTES", "bytes"), ("BINARY", "bytes"), ("VARBINARY", "bytes")):
        if t == prefix or t.startswith(prefix + "(") or t.startswith(prefix + " "):
            return kind
    return "str"


def encode_values(kind, values):
    """Buffers of one column from a sequence of Python values (None is NULL)."""
    n = len(values)
    floats = kind in ("f32", "f64")
    valid = np.fromiter((not _is_null(v, floats) for v in values), dtype="u1", count=n)
    if kind in ("str", "decimal", "bytes", "nested"):
        return [valid] + _encode_strings(kind, values, valid)
    dtype = _FIXED[kind]
    out = np.zeros(n, dtype=dtype)
    for i, v in enumerate(values):
        if valid[i]:
            out[i] = _scalar(kind, v)
    return [valid, out]


def encode_series(kind, series):
    """Buffers of one column from a pandas Series, vectorized for numeric and datetime64 columns."""
    import pandas as pd
    valid = (~series.isna()).to_numpy().astype("u1")
    if kind in ("i8", "i16", "i32", "i64", "f32", "f64", "bool") and series.dtype != object:
        arr = series.to_numpy()
        if arr.dtype.kind == "f" and kind not in ("f32", "f64"):
            arr = np.where(valid.astype(bool), arr, 0)
        return [valid, np.ascontiguousarray(arr.astype(_FIXED[kind]))]
    if kind in ("ts", "ltz") and pd.api.types.is_datetime64_any_dtype(series.dtype):
        s = series
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        micros = s.to_numpy(dtype="datetime64[us]").view("<i8").copy()
        micros[~valid.astype(bool)] = 0
        return [valid, micros]
    return encode_values(kind, list(series.astype(object).where(series.notna(), None)))


def _is_null(v, floats):
    """None, pandas' NA/NaT, and NaN except in a float column (where NaN is a value)."""
    if v is None:
        return True
    if isinstance(v, float):
        return v != v and not floats
    name = type(v).__name__
    return name in ("NAType", "NaTType")


def _scalar(kind, v):
    if kind == "date":
        if isinstance(v, datetime.datetime):
            v = v.date()
        return (v - _EPOCH).days
    if kind in ("ts", "ltz"):
        if hasattr(v, "to_pydatetime"):
            v = v.to_pydatetime()
        if isinstance(v, datetime.datetime):
            if v.tzinfo is not None:
                v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            d = v - datetime.datetime(1970, 1, 1)
            return (d.days * 86400 + d.seconds) * 1000000 + d.microseconds
        return int(v)
    if kind == "time":
        return ((v.hour * 60 + v.minute) * 60 + v.second) * 1000000000 + v.microsecond * 1000
    if kind == "bool":
        return 1 if v else 0
    return v


def _encode_strings(kind, values, valid):
    parts = []
    offsets = np.zeros(len(values) + 1, dtype="<i4")
    pos = 0
    for i, v in enumerate(values):
        if valid[i]:
            if kind == "nested":
                from sluice.fn_execution.tagged import encode
                b = encode(v)
            elif kind == "bytes":
                b = bytes(v)
            elif kind == "decimal":
                b = str(decimal.Decimal(v)).encode("ascii") if not isinstance(v, decimal.Decimal) \
                    else format(v, "f").encode("ascii")
            else:
                b = str(v).encode("utf-8")
            parts.append(b)
            pos += len(b)
        offsets[i + 1] = pos
    return [offsets, b"".join(parts)]
