"""Row and RowKind, as PyFlink's ``pyflink.common`` has them."""

from enum import Enum

__all__ = ['Row', 'RowKind']


class RowKind(Enum):
    """The change a row stands for in a changelog."""
    INSERT = 0
    UPDATE_BEFORE = 1
    UPDATE_AFTER = 2
    DELETE = 3

    def short_string(self):
        return ("+I", "-U", "+U", "-D")[self.value]


def _make_row(fields, values, row_kind=None):
    row = Row(*values)
    if fields is not None:
        row._fields = list(fields)
    if row_kind is not None:
        row._row_kind = row_kind
    return row


class Row(object):
    """A row of a table.

    ``Row(1, 'a')`` has positional fields; ``Row(name='Alice', age=11)`` has named fields, sorted by name as in PyFlink.
    Fields are read by position (``row[0]``), by name (``row['name']``, ``row.name``); ``get_row_kind()`` says
    which change the row is. ``Row('name', 'age')`` used as a callable makes rows with those field names.
    """

    def __init__(self, *args, **kwargs):
        if args and kwargs:
            raise ValueError("Can not use both args and kwargs to create Row")
        if kwargs:
            names = sorted(kwargs)
            self._fields = names
            self._values = [kwargs[n] for n in names]
        else:
            self._values = list(args)
        self._row_kind = RowKind.INSERT

    @classmethod
    def of_kind(cls, row_kind, *args, **kwargs):
        """A row of the given ``RowKind``: ``Row.of_kind(RowKind.UPDATE_AFTER, 'Alice', 100)``."""
        row = cls(*args, **kwargs)
        row.set_row_kind(row_kind)
        return row

    def as_dict(self, recursive=False):
        """The named fields as a dict (nested rows too when ``recursive``)."""
        if "_fields" not in self.__dict__:
            raise TypeError("Cannot convert a Row class into dict")

        def conv(v):
            if recursive and isinstance(v, Row):
                return v.as_dict(True)
            if recursive and isinstance(v, list):
                return [conv(x) for x in v]
            if recursive and isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            return v
        return {k: conv(v) for k, v in zip(self._fields, self._values)}

    def get_row_kind(self):
        return self._row_kind

    def set_row_kind(self, row_kind):
        self._row_kind = row_kind

    def set_field_names(self, field_names):
        self._fields = list(field_names)

    def get_fields_by_names(self, names):
        return [self[n] for n in names]

    def __call__(self, *args):
        if len(args) > len(self):
            raise ValueError("Can not create Row with fields %s, expected %d values but got %s"
                             % (self, len(self), args))
        return _make_row(self._values, args, self._row_kind)

    def _index(self, name):
        fields = self.__dict__.get("_fields")
        if fields is None or name not in fields:
            return -1
        return fields.index(name)

    def __getitem__(self, item):
        if isinstance(item, (int, slice)):
            return self._values[item]
        i = self._index(item)
        if i < 0:
            raise KeyError(item)
        return self._values[i]

    def __setitem__(self, key, value):
        if isinstance(key, (int, slice)):
            self._values[key] = value
            return
        i = self._index(key)
        if i < 0:
            raise KeyError(key)
        self._values[i] = value

    def __getattr__(self, item):
        if item.startswith("_"):
            raise AttributeError(item)
        i = self._index(item)
        if i < 0:
            raise AttributeError(item)
        return self._values[i]

    def __setattr__(self, key, value):
        if key not in ("_fields", "_values", "_row_kind"):
            raise AttributeError(key)
        self.__dict__[key] = value

    def __contains__(self, item):
        fields = self.__dict__.get("_fields")
        if fields is not None:
            return item in fields
        return item in self._values

    def __reduce__(self):
        return _make_row, (self.__dict__.get("_fields"), tuple(self._values), self._row_kind)

    def __repr__(self):
        fields = self.__dict__.get("_fields")
        if fields is not None:
            return "Row(%s)" % ", ".join("%s=%r" % (k, v) for k, v in zip(fields, self._values))
        return "<Row(%s)>" % ", ".join(repr(v) for v in self._values)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return False
        if self.__dict__.get("_fields") != other.__dict__.get("_fields"):
            return False
        return self._row_kind == other._row_kind and self._values == other._values

    def __hash__(self):
        return hash(tuple(self._values))

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)
