"""The accumulator of a pandas aggregate function: the rows it was given, column by column, oldest first.

An OVER window slides a frame over its partition: each row enters once at the end and leaves once, oldest first, so
the rows live between a start and an end position, and ``get_value`` hands pandas the columns of that range. A column
of plain numbers (all ints, or ints and floats) is kept in a numpy array that grows by doubling, and the function gets
a copy of the range as a ``pandas.Series``, as pandas would infer it from the values; any other column (strings,
NULLs, decimals, ...) is kept in a list and becomes ``pandas.Series(values)``.
"""

_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1


def _kind_of(value):
    t = type(value)
    if t is int and _INT64_MIN <= value <= _INT64_MAX:
        return "i"
    if t is float:
        return "f"
    return "o"


def _same(a, b):
    # NaN leaves the frame as any other value: it is the same row
    return a == b or (a != a and b != b)


class _Column(object):
    __slots__ = ("kind", "data")

    def __init__(self):
        self.kind = None
        self.data = None

    def put(self, position, value):
        import numpy as np
        kind = _kind_of(value)
        if self.kind is None:
            self.kind = kind
            self.data = [] if kind == "o" else np.empty(16, dtype=np.int64 if kind == "i" else np.float64)
        elif self.kind != "o" and kind != self.kind:
            if kind == "f" and self.kind == "i":
                self.data = self.data.astype(np.float64)
                self.kind = "f"
            elif not (kind == "i" and self.kind == "f"):
                self.data = [v.item() for v in self.data[:position]]
                self.kind = "o"
        if self.kind == "o":
            del self.data[position:]
            self.data.append(value)
            return
        if position >= len(self.data):
            grown = np.empty(max(16, 2 * len(self.data)), dtype=self.data.dtype)
            grown[:position] = self.data[:position]
            self.data = grown
        self.data[position] = value

    def get(self, position):
        value = self.data[position]
        return value if self.kind == "o" else value.item()

    def series(self, start, end):
        import pandas as pd
        if self.kind == "o":
            return pd.Series(self.data[start:end])
        return pd.Series(self.data[start:end].copy())

    def remove(self, position, end):
        if self.kind == "o":
            del self.data[position]
        else:
            self.data[position:end - 1] = self.data[position + 1:end].copy()

    def compact(self, start, end):
        if self.kind == "o":
            del self.data[:start]
        else:
            self.data[:end - start] = self.data[start:end].copy()


class FrameRows(object):
    """The rows of a pandas aggregate function's accumulator."""

    def __init__(self):
        self.columns = None
        self.start = 0
        self.end = 0

    def __len__(self):
        return self.end - self.start

    def add(self, args):
        if self.columns is None:
            self.columns = [_Column() for _ in args]
        for column, value in zip(self.columns, args):
            column.put(self.end, value)
        self.end += 1

    def remove(self, args):
        """Takes out the oldest row equal to ``args`` (in an OVER window, the oldest row)."""
        for position in range(self.start, self.end):
            if all(_same(c.get(position), v) for c, v in zip(self.columns, args)):
                break
        else:
            raise ValueError("a row that the aggregate function was not given was retracted: %r" % (args,))
        if position == self.start:
            self.start += 1
        else:
            for c in self.columns:
                c.remove(position, self.end)
            self.end -= 1
        if self.start == self.end:
            self.start = self.end = 0
            self.columns = None
        elif self.start >= 1024 and self.start * 2 >= self.end:
            for c in self.columns:
                c.compact(self.start, self.end)
            self.end -= self.start
            self.start = 0

    def series(self):
        """The columns of the rows, each a ``pandas.Series``."""
        return [c.series(self.start, self.end) for c in self.columns]

    def __getstate__(self):
        # the live rows only, as lists: a checkpoint does not hold the buffers' spare room
        columns = [[c.get(p) for p in range(self.start, self.end)] for c in self.columns or []]
        return {"columns": columns}

    def __setstate__(self, state):
        self.columns = None
        self.start = self.end = 0
        for row in zip(*state["columns"]):
            self.add(row)
