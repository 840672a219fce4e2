"""Rows as lines of CSV (PyFlink's ``pyflink.datastream.formats.csv``): ``CsvRowSerializationSchema`` and
``CsvRowDeserializationSchema`` for connectors such as Kafka. A nested row or a list is one field of its elements
joined by the array element delimiter (``;`` by default); null is the null literal (empty by default); text that
holds a character not safe bare is quoted, as Flink's CSV rows are. The file formats of this module (``CsvSchema``,
``CsvReaderFormat``, ``CsvBulkWriters``) are not supported yet."""

from sluice.common.serialization import DeserializationSchema, SerializationSchema
from sluice.common.typeinfo import RowTypeInfo, _type_json

__all__ = ['CsvRowSerializationSchema', 'CsvRowDeserializationSchema', 'CsvSchema', 'CsvSchemaBuilder',
           'CsvReaderFormat', 'CsvBulkWriters']


def _row_type(type_info, what):
    if type_info is None:
        raise TypeError("Type information must not be None")
    if not isinstance(type_info, RowTypeInfo):
        raise TypeError("%s needs a row type (Types.ROW or Types.ROW_NAMED), not %r" % (what, type_info))
    return type_info


def _char(c, what):
    if not isinstance(c, str) or len(c) != 1:
        raise ValueError("The %s must be one character, not %r" % (what, c))
    return c


class _Builder(object):
    def __init__(self, type_info, what):
        self._type_info = _row_type(type_info, what)
        self._spec = {"kind": "csv_row", "type": _type_json(type_info)}

    def set_field_delimiter(self, delimiter):
        self._spec["field_delimiter"] = _char(delimiter, "field delimiter")
        return self

    def set_array_element_delimiter(self, delimiter):
        self._spec["array_element_delimiter"] = delimiter
        return self

    def set_quote_character(self, c):
        self._spec["quote_character"] = _char(c, "quote character")
        return self

    def set_escape_character(self, c):
        self._spec["escape_character"] = _char(c, "escape character")
        return self

    def set_null_literal(self, null_literal):
        self._spec["null_literal"] = null_literal
        return self


class CsvRowDeserializationSchema(DeserializationSchema):
    """Reads lines of CSV into rows of the builder's type; a line that does not fit fails the job naming the line,
    unless ``set_ignore_parse_errors(True)`` skips it."""

    def __init__(self, spec, type_info):
        self._spec_json = spec
        self._type_info = type_info

    def _spec(self):
        return dict(self._spec_json)

    def _produced_type(self):
        return self._type_info

    class Builder(_Builder):
        def __init__(self, type_info):
            super().__init__(type_info, "CsvRowDeserializationSchema")

        def set_allow_comments(self, allow_comments):
            self._spec["allow_comments"] = bool(allow_comments)
            return self

        def set_ignore_parse_errors(self, ignore_parse_errors):
            self._spec["ignore_parse_errors"] = bool(ignore_parse_errors)
            return self

        def build(self):
            return CsvRowDeserializationSchema(dict(self._spec), self._type_info)


class CsvRowSerializationSchema(SerializationSchema):
    """Writes rows of the builder's type as lines of CSV."""

    def __init__(self, spec, type_info):
        self._spec_json = spec
        self._type_info = type_info

    def _spec(self):
        return dict(self._spec_json)

    def _input_type(self):
        return self._type_info

    class Builder(_Builder):
        def __init__(self, type_info):
            super().__init__(type_info, "CsvRowSerializationSchema")

        def set_line_delimiter(self, delimiter):
            self._spec["line_delimiter"] = delimiter
            return self

        def disable_quote_character(self):
            self._spec["quote_character"] = None
            return self

        def build(self):
            return CsvRowSerializationSchema(dict(self._spec), self._type_info)


def _not_yet(name):
    class NotYet(object):
        def __init__(self, *args, **kwargs):
            raise NotImplementedError("not supported yet: %s (CSV files in the Python DataStream API)" % name)

        @staticmethod
        def builder(*args, **kwargs):
            raise NotImplementedError("not supported yet: %s (CSV files in the Python DataStream API)" % name)

        @staticmethod
        def for_schema(*args, **kwargs):
            raise NotImplementedError("not supported yet: %s (CSV files in the Python DataStream API)" % name)

    NotYet.__name__ = name
    return NotYet


CsvSchema = _not_yet("CsvSchema")
CsvSchemaBuilder = _not_yet("CsvSchemaBuilder")
CsvReaderFormat = _not_yet("CsvReaderFormat")
CsvBulkWriters = _not_yet("CsvBulkWriters")
