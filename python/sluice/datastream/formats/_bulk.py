"""The bulk writers of ``FileSink.for_bulk_format``: a file format of the engine and the ROW type of the records."""

from sluice.common.typeinfo import (BasicTypeInfo, ListTypeInfo, MapTypeInfo, PrimitiveArrayTypeInfo, RowTypeInfo,
                                    SqlTimeTypeInfo, TupleTypeInfo)

_BASIC = {"STRING": "STRING", "CHAR": "STRING", "BOOLEAN": "BOOLEAN", "BYTE": "TINYINT", "SHORT": "SMALLINT",
          "INT": "INT", "LONG": "BIGINT", "FLOAT": "FLOAT", "DOUBLE": "DOUBLE", "BIG_INT": "DECIMAL(38, 0)",
          "BIG_DEC": "DECIMAL(38, 18)", "INSTANT": "TIMESTAMP_LTZ(3)"}


def _quote(name):
    return "`%s`" % name.replace("`", "``")


def sql_of(type_info):
    """The SQL type text of a type information (the records' fields as the file format sees them)."""
    t = type_info
    if isinstance(t, BasicTypeInfo) and t._name in _BASIC:
        return _BASIC[t._name]
    if isinstance(t, SqlTimeTypeInfo):
        return {"DATE": "DATE", "TIME": "TIME", "TIMESTAMP": "TIMESTAMP(3)"}[t._name]
    if isinstance(t, PrimitiveArrayTypeInfo) and isinstance(t.elem_type, BasicTypeInfo) and \
            t.elem_type._name == "BYTE":
        return "BYTES"
    if isinstance(t, (ListTypeInfo, PrimitiveArrayTypeInfo)):
        return "ARRAY<%s>" % sql_of(t.elem_type)
    if isinstance(t, MapTypeInfo):
        return "MAP<%s, %s>" % (sql_of(t._key_type_info), sql_of(t._value_type_info))
    if isinstance(t, RowTypeInfo):
        return "ROW<%s>" % ", ".join("%s %s" % (_quote(n), sql_of(f))
                                     for n, f in zip(t.get_field_names(), t.get_field_types()))
    if isinstance(t, TupleTypeInfo):
        return "ROW<%s>" % ", ".join("`f%d` %s" % (i, sql_of(f)) for i, f in enumerate(t.get_field_types()))
    raise NotImplementedError("not supported yet: the type %r in a bulk-format FileSink" % (t,))


class BulkWriterFactory(object):
    """What ``FileSink.for_bulk_format`` takes: the engine's file format, its options and the records' ROW type
    (SQL text); ``record_type`` checks the stream written."""

    def __init__(self, format_identifier, row_type_sql, field_count, options, what):
        self._format = format_identifier
        self._row_type = row_type_sql
        self._field_count = field_count
        self._options = dict(options)
        self._what = what

    def _check(self, record_type):
        """Raises TypeError unless the stream's records are rows (or tuples) of as many fields as the row type."""
        if not isinstance(record_type, (RowTypeInfo, TupleTypeInfo)) or \
                len(record_type.get_field_types()) != self._field_count:
            raise TypeError("%s writes rows of %s, not records of %r (give the function before the sink that "
                            "output_type)" % (self._what, self._row_type, record_type))


def type_info_of_sql(sql):
    """The type information of a column's SQL type text (scalars and ARRAYs of them)."""
    from sluice.common.typeinfo import PickledBytesTypeInfo, Types, _from_sql_type
    text = sql.strip()
    if text.upper().endswith(" NOT NULL"):
        text = text[:-len(" NOT NULL")].strip()
    if text.upper().startswith("ARRAY<") and text.endswith(">"):
        return Types.LIST(type_info_of_sql(text[len("ARRAY<"):-1]))
    t = _from_sql_type(text)
    if isinstance(t, PickledBytesTypeInfo):
        raise NotImplementedError("not supported yet: %s columns in a FileSource of a file format" % text)
    return t


class FileFormatReader(object):
    """What ``FileSource`` reads with a file format of the engine: the format, its options and the files' ROW
    type; the records are ``Types.ROW_NAMED`` rows of the row type's fields."""

    def __init__(self, format_identifier, field_names, field_sql_types, options):
        from sluice.common.typeinfo import Types
        self._format = format_identifier
        self._row_type = "ROW<%s>" % ", ".join("%s %s" % (_quote(n), t) for n, t in zip(field_names, field_sql_types))
        self._options = dict(options)
        self._type_info = Types.ROW_NAMED(list(field_names), [type_info_of_sql(t) for t in field_sql_types])
