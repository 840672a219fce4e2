"""Type information of the Python DataStream API (PyFlink's ``Types``).

A type information says how a Python value crosses into the engine: as a Java value of that type (``Types.INT()``
becomes a Java ``Integer``, ``Types.ROW([...])`` a row, ``Types.TUPLE([...])`` a tuple), or, for
``Types.PICKLED_BYTE_ARRAY()`` and streams without a declared type, as pickled bytes the engine does not look into.
"""

import datetime
import decimal
import pickle
import struct

__all__ = ['TypeInformation', 'Types', 'BasicTypeInfo', 'RowTypeInfo', 'TupleTypeInfo', 'PickledBytesTypeInfo',
           'ListTypeInfo', 'MapTypeInfo', 'PrimitiveArrayTypeInfo', 'BasicArrayTypeInfo', 'ObjectArrayTypeInfo',
           'SqlTimeTypeInfo', 'LocalTimeTypeInfo']

_EPOCH = datetime.date(1970, 1, 1)
_EPOCH_DT = datetime.datetime(1970, 1, 1)


class TypeInformation(object):
    """The type of the records of a stream, or of a state's values."""

    def _write(self, parts, v):
        raise NotImplementedError

    def write(self, parts, v):
        """Appends the wire form of ``v`` (a tag byte, then the value) to ``parts``."""
        if v is None:
            parts.append(b"\x00")
        else:
            self._write(parts, v)

    def _pickled(self):
        return False

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(repr(self))

    def __repr__(self):
        return type(self).__name__


class BasicTypeInfo(TypeInformation):
    """STRING, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR, BIG_INT, BIG_DEC, INSTANT."""

    def __init__(self, name):
        self._name = name

    def _write(self, parts, v):
        n = self._name
        if n == "STRING" or n == "CHAR":
            b = str(v).encode("utf-8")
            parts.append(struct.pack(">bi", 6, len(b)))
            parts.append(b)
        elif n == "BOOLEAN":
            parts.append(struct.pack(">b?", 1, bool(v)))
        elif n == "INT":
            parts.append(struct.pack(">bi", 2, int(v)))
        elif n in ("LONG", "BIG_INT"):
            parts.append(struct.pack(">bq", 3, int(v)))
        elif n == "FLOAT":
            parts.append(struct.pack(">bf", 4, float(v)))
        elif n == "DOUBLE":
            parts.append(struct.pack(">bd", 5, float(v)))
        elif n == "SHORT":
            parts.append(struct.pack(">bh", 13, int(v)))
        elif n == "BYTE":
            parts.append(struct.pack(">bb", 14, int(v)))
        elif n == "BIG_DEC":
            b = format(decimal.Decimal(v), "f").encode("ascii")
            parts.append(struct.pack(">bi", 12, len(b)))
            parts.append(b)
        elif n == "INSTANT":
            parts.append(struct.pack(">bq", 17, _micros(v)))
        else:
            raise TypeError("unknown basic type " + n)

    def __repr__(self):
        return self._name


class SqlTimeTypeInfo(TypeInformation):
    """SQL_DATE (``datetime.date``), SQL_TIME (``datetime.time``, to the microsecond) and SQL_TIMESTAMP
    (``datetime.datetime``)."""

    def __init__(self, name):
        self._name = name

    def _write(self, parts, v):
        if self._name == "DATE":
            parts.append(struct.pack(">bi", 15, (v - _EPOCH).days))
        elif self._name == "TIME":
            if not isinstance(v, datetime.time):
                raise TypeError("SQL_TIME takes a datetime.time, not %r" % (v,))
            parts.append(struct.pack(">bq", 18, ((v.hour * 60 + v.minute) * 60 + v.second) * 1000000 + v.microsecond))
        else:
            parts.append(struct.pack(">bq", 16, _micros(v)))

    def __repr__(self):
        return "SQL_" + self._name


LocalTimeTypeInfo = SqlTimeTypeInfo


def _micros(v):
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        d = v - _EPOCH_DT
        return (d.days * 86400 + d.seconds) * 1000000 + d.microseconds
    if hasattr(v, "to_epoch_milli"):
        return v.to_epoch_milli() * 1000
    return int(v)


class PickledBytesTypeInfo(TypeInformation):
    """Any picklable Python object; the engine holds the pickled bytes."""

    def _write(self, parts, v):
        try:
            b = pickle.dumps(v, protocol=4)
        except (pickle.PicklingError, AttributeError, TypeError):
            import cloudpickle
            b = cloudpickle.dumps(v, protocol=4)
        parts.append(struct.pack(">bi", 7, len(b)))
        parts.append(b)

    def _pickled(self):
        return True

    def __repr__(self):
        return "PICKLED_BYTE_ARRAY"


_PICKLED = PickledBytesTypeInfo()


class RowTypeInfo(TypeInformation):
    """A row of typed fields, optionally named; Python values are ``Row``s, tuples or lists."""

    def __init__(self, field_types, field_names=None):
        self._field_types = list(field_types)
        self._field_names = list(field_names) if field_names is not None else None

    def get_field_names(self):
        return list(self._field_names) if self._field_names else ["f%d" % i for i in range(len(self._field_types))]

    def get_field_types(self):
        return list(self._field_types)

    def get_field_index(self, field_name):
        return self.get_field_names().index(field_name)

    def _write(self, parts, v):
        from sluice.common.types import RowKind
        kind = v.get_row_kind().value if hasattr(v, "get_row_kind") else RowKind.INSERT.value
        values = list(v)
        if len(values) != len(self._field_types):
            raise ValueError("The row %r has %d fields, its type %r has %d" % (v, len(values), self,
                                                                              len(self._field_types)))
        parts.append(struct.pack(">bbh", 8, kind, len(values)))
        for t, x in zip(self._field_types, values):
            t.write(parts, x)

    def __repr__(self):
        if self._field_names:
            return "RowTypeInfo(%s)" % ", ".join("%s: %r" % (n, t) for n, t in zip(self._field_names,
                                                                                   self._field_types))
        return "RowTypeInfo(%s)" % ", ".join(repr(t) for t in self._field_types)


class TupleTypeInfo(TypeInformation):
    """A Java tuple of typed fields; Python values are tuples or lists."""

    def __init__(self, field_types):
        self._field_types = list(field_types)

    def get_field_types(self):
        return list(self._field_types)

    def _write(self, parts, v):
        values = list(v)
        if len(values) != len(self._field_types):
            raise ValueError("The tuple %r has %d fields, its type %r has %d" % (v, len(values), self,
                                                                                len(self._field_types)))
        parts.append(struct.pack(">bh", 9, len(values)))
        for t, x in zip(self._field_types, values):
            t.write(parts, x)

    def __repr__(self):
        return "TupleTypeInfo(%s)" % ", ".join(repr(t) for t in self._field_types)


class ListTypeInfo(TypeInformation):
    """A list of elements of one type (also BASIC_ARRAY and OBJECT_ARRAY)."""

    def __init__(self, element_type):
        self.elem_type = element_type

    def _write(self, parts, v):
        values = list(v)
        parts.append(struct.pack(">bi", 10, len(values)))
        for x in values:
            self.elem_type.write(parts, x)

    def __repr__(self):
        return "ListTypeInfo(%r)" % self.elem_type


BasicArrayTypeInfo = ListTypeInfo
ObjectArrayTypeInfo = ListTypeInfo


class PrimitiveArrayTypeInfo(TypeInformation):
    """PRIMITIVE_ARRAY(BYTE()) is ``bytes``; arrays of other primitives are lists."""

    def __init__(self, element_type):
        self.elem_type = element_type

    def _write(self, parts, v):
        if repr(self.elem_type) == "BYTE":
            b = bytes(v)
            parts.append(struct.pack(">bi", 7, len(b)))
            parts.append(b)
        else:
            ListTypeInfo(self.elem_type)._write(parts, v)

    def __repr__(self):
        return "PrimitiveArrayTypeInfo(%r)" % self.elem_type


class MapTypeInfo(TypeInformation):
    """A dict with keys and values of one type each."""

    def __init__(self, key_type_info, value_type_info):
        self._key_type_info = key_type_info
        self._value_type_info = value_type_info

    def _write(self, parts, v):
        parts.append(struct.pack(">bi", 11, len(v)))
        for k, x in v.items():
            self._key_type_info.write(parts, k)
            self._value_type_info.write(parts, x)

    def __repr__(self):
        return "MapTypeInfo(%r, %r)" % (self._key_type_info, self._value_type_info)


class Types(object):
    """The type informations of PyFlink's ``Types``."""

    @staticmethod
    def STRING():
        return BasicTypeInfo("STRING")

    @staticmethod
    def BYTE():
        return BasicTypeInfo("BYTE")

    @staticmethod
    def BOOLEAN():
        return BasicTypeInfo("BOOLEAN")

    @staticmethod
    def SHORT():
        return BasicTypeInfo("SHORT")

    @staticmethod
    def INT():
        return BasicTypeInfo("INT")

    @staticmethod
    def LONG():
        return BasicTypeInfo("LONG")

    @staticmethod
    def FLOAT():
        return BasicTypeInfo("FLOAT")

    @staticmethod
    def DOUBLE():
        return BasicTypeInfo("DOUBLE")

    @staticmethod
    def CHAR():
        return BasicTypeInfo("CHAR")

    @staticmethod
    def BIG_INT():
        return BasicTypeInfo("BIG_INT")

    @staticmethod
    def BIG_DEC():
        return BasicTypeInfo("BIG_DEC")

    @staticmethod
    def INSTANT():
        return BasicTypeInfo("INSTANT")

    @staticmethod
    def SQL_DATE():
        return SqlTimeTypeInfo("DATE")

    @staticmethod
    def SQL_TIME():
        return SqlTimeTypeInfo("TIME")

    @staticmethod
    def SQL_TIMESTAMP():
        return SqlTimeTypeInfo("TIMESTAMP")

    @staticmethod
    def LOCAL_DATE():
        """``datetime.date`` values, as SQL_DATE (Java's LocalDate and java.sql.Date are one type here)."""
        return SqlTimeTypeInfo("DATE")

    @staticmethod
    def LOCAL_TIME():
        """``datetime.time`` values, as SQL_TIME."""
        return SqlTimeTypeInfo("TIME")

    @staticmethod
    def LOCAL_DATE_TIME():
        """``datetime.datetime`` values without a time zone, as SQL_TIMESTAMP."""
        return SqlTimeTypeInfo("TIMESTAMP")

    @staticmethod
    def PICKLED_BYTE_ARRAY():
        return _PICKLED

    @staticmethod
    def ROW(field_types):
        return RowTypeInfo(field_types)

    @staticmethod
    def ROW_NAMED(field_names, field_types):
        return RowTypeInfo(field_types, field_names)

    @staticmethod
    def TUPLE(field_types):
        return TupleTypeInfo(field_types)

    @staticmethod
    def PRIMITIVE_ARRAY(element_type):
        return PrimitiveArrayTypeInfo(element_type)

    @staticmethod
    def BASIC_ARRAY(element_type):
        return ListTypeInfo(element_type)

    @staticmethod
    def OBJECT_ARRAY(element_type):
        return ListTypeInfo(element_type)

    @staticmethod
    def LIST(element_type_info):
        return ListTypeInfo(element_type_info)

    @staticmethod
    def MAP(key_type_info, value_type_info):
        return MapTypeInfo(key_type_info, value_type_info)


def type_or_pickled(t):
    """The type of a stream whose declared type may be None (pickled)."""
    return _PICKLED if t is None else t


def encode(v, t):
    """The wire form of one record ``v`` of type ``t`` (None: pickled)."""
    parts = []
    type_or_pickled(t).write(parts, v)
    return b"".join(parts)


class Reader(object):
    """Reads records in the engine's wire form; ``value(t)`` turns one back into the Python value of type ``t``."""

    def __init__(self, data, pos=0):
        self.data = data
        self.pos = pos

    def take(self, fmt):
        v = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return v[0]

    def bytes(self):
        n = self.take(">i")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return bytes(b)

    def string(self):
        return self.bytes().decode("utf-8")

    def value(self, t=None):
        tag = self.take(">b")
        if tag == 0:
            return None
        if tag == 1:
            return self.take(">?")
        if tag == 2:
            return self.take(">i")
        if tag == 3:
            return self.take(">q")
        if tag == 4:
            return self.take(">f")
        if tag == 5:
            return self.take(">d")
        if tag == 6:
            return self.string()
        if tag == 7:
            b = self.bytes()
            if isinstance(t, PrimitiveArrayTypeInfo):
                return b
            return pickle.loads(b)
        if tag == 8:
            from sluice.common.types import Row, RowKind
            kind = self.take(">b")
            n = self.take(">h")
            types = t.get_field_types() if isinstance(t, RowTypeInfo) else [None] * n
            row = Row(*[self.value(types[i] if i < len(types) else None) for i in range(n)])
            if isinstance(t, RowTypeInfo) and t._field_names:
                row.set_field_names(t._field_names)
            row.set_row_kind(RowKind(kind))
            if hasattr(t, "_from_row"):
                return t._from_row(row)
            return row
        if tag == 9:
            n = self.take(">h")
            types = t.get_field_types() if isinstance(t, TupleTypeInfo) else [None] * n
            return tuple(self.value(types[i] if i < len(types) else None) for i in range(n))
        if tag == 10:
            n = self.take(">i")
            elem = getattr(t, "elem_type", None)
            return [self.value(elem) for _ in range(n)]
        if tag == 11:
            n = self.take(">i")
            kt = getattr(t, "_key_type_info", None)
            vt = getattr(t, "_value_type_info", None)
            out = {}
            for _ in range(n):
                k = self.value(kt)
                out[k] = self.value(vt)
            return out
        if tag == 12:
            return decimal.Decimal(self.string())
        if tag == 13:
            return self.take(">h")
        if tag == 14:
            return self.take(">b")
        if tag == 15:
            return _EPOCH + datetime.timedelta(days=self.take(">i"))
        if tag == 16:
            return _EPOCH_DT + datetime.timedelta(microseconds=self.take(">q"))
        if tag == 17:
            from sluice.common.time import Instant
            micros = self.take(">q")
            return Instant(micros // 1000000, (micros % 1000000) * 1000)
        if tag == 18:
            micros = self.take(">q")
            return datetime.time(micros // 3600000000, micros // 60000000 % 60, micros // 1000000 % 60,
                                 micros % 1000000)
        raise ValueError("unknown record tag %d" % tag)


def _type_json(t):
    """The JSON description of a type information the engine turns into its own (for streams a table reads)."""
    t = type_or_pickled(t)
    if isinstance(t, BasicTypeInfo):
        return {"t": t._name}
    if isinstance(t, SqlTimeTypeInfo):
        return {"t": "SQL_" + t._name}
    if isinstance(t, PickledBytesTypeInfo):
        return {"t": "PICKLED"}
    if isinstance(t, RowTypeInfo):
        return {"t": "ROW", "names": t.get_field_names(), "fields": [_type_json(f) for f in t._field_types]}
    if isinstance(t, TupleTypeInfo):
        return {"t": "TUPLE", "fields": [_type_json(f) for f in t._field_types]}
    if isinstance(t, (ListTypeInfo, PrimitiveArrayTypeInfo)):
        return {"t": "LIST", "element": _type_json(t.elem_type)}
    if isinstance(t, MapTypeInfo):
        return {"t": "MAP", "key": _type_json(t._key_type_info), "value": _type_json(t._value_type_info)}
    raise TypeError("not supported yet: the type %r in a stream a table reads" % (t,))


def _from_sql_type(name):
    """The type information of a table column's SQL type (for streams made of tables)."""
    base = name.split("(")[0].strip().upper()
    if base.endswith(" NOT NULL"):
        base = base[:-len(" NOT NULL")]
    simple = {"STRING": "STRING", "VARCHAR": "STRING", "CHAR": "STRING", "BOOLEAN": "BOOLEAN", "TINYINT": "BYTE",
              "SMALLINT": "SHORT", "INT": "INT", "INTEGER": "INT", "BIGINT": "LONG", "FLOAT": "FLOAT",
              "DOUBLE": "DOUBLE", "DECIMAL": "BIG_DEC"}
    if base in simple:
        return BasicTypeInfo(simple[base])
    if base == "DATE":
        return SqlTimeTypeInfo("DATE")
    if base == "TIME":
        return SqlTimeTypeInfo("TIME")
    if base.startswith("TIMESTAMP_LTZ") or "LOCAL TIME ZONE" in name.upper():
        return BasicTypeInfo("INSTANT")
    if base.startswith("TIMESTAMP"):
        return SqlTimeTypeInfo("TIMESTAMP")
    if base in ("BYTES", "VARBINARY", "BINARY"):
        return PrimitiveArrayTypeInfo(BasicTypeInfo("BYTE"))
    return _PICKLED
