"""Rows as lines of CSV (PyFlink's ``pyflink.datastream.formats.csv``): ``CsvRowSerializationSchema`` and
``CsvRowDeserializationSchema`` for connectors such as Kafka. A nested row or a list is one field of its elements
joined by the array element delimiter (``;`` by default); null is the null literal (empty by default); text that
holds a character not safe bare is quoted, as Flink's CSV rows are. ``CsvBulkWriters.for_schema(CsvSchema)`` writes
CSV files with ``FileSink.for_bulk_format``, ``CsvReaderFormat.for_schema(CsvSchema)`` reads them with ``FileSource``."""

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


class CsvSchema(object):
    """The columns of CSV files and how they are written (PyFlink's ``CsvSchema``): ``CsvSchema.builder()``."""

    def __init__(self, columns, options):
        self._columns = list(columns)
        self._options = dict(options)

    @staticmethod
    def builder():
        return CsvSchemaBuilder()

    def size(self):
        return len(self._columns)

    def get_type_info(self):
        """The type of the rows a CSV file of this schema holds (``Types.ROW_NAMED`` of the columns)."""
        from sluice.common.typeinfo import Types
        return Types.ROW_NAMED([n for n, _, _ in self._columns], [t for _, _, t in self._columns])

    def _row_sql(self):
        return "ROW<%s>" % ", ".join("`%s` %s" % (n.replace("`", "``"), sql) for n, sql, _ in self._columns)

    def __str__(self):
        return "CsvSchema(%s)" % ", ".join(n for n, _, _ in self._columns)


class CsvSchemaBuilder(object):
    """Builds a ``CsvSchema``: the columns in order, then the separators, quoting and null value."""

    def __init__(self):
        self._columns = []
        self._options = {}
        self._array_separator = None

    def _add(self, name, data_type):
        from sluice.common.typeinfo import _from_sql_type
        self._columns.append((name, data_type.sql(), _from_sql_type(data_type.sql())))
        return self

    def add_string_column(self, name):
        from sluice.table.types import DataTypes
        return self._add(name, DataTypes.STRING())

    def add_boolean_column(self, name):
        from sluice.table.types import DataTypes
        return self._add(name, DataTypes.BOOLEAN())

    def add_number_column(self, name, number_type=None):
        from sluice.table.types import DataTypes
        return self._add(name, number_type if number_type is not None else DataTypes.BIGINT())

    def add_array_column(self, name, separator=";", element_type=None):
        """A column of an ARRAY of ``element_type`` (STRING by default), its elements joined by ``separator``
        (one separator for all the array columns of a file)."""
        from sluice.common.typeinfo import Types, _from_sql_type
        from sluice.table.types import DataTypes
        element_type = element_type if element_type is not None else DataTypes.STRING()
        if self._array_separator is not None and self._array_separator != separator:
            raise NotImplementedError("not supported yet: CSV array columns with different separators (%r, %r)"
                                      % (self._array_separator, separator))
        self._array_separator = separator
        self._options["csv.array-element-delimiter"] = separator
        self._columns.append((name, "ARRAY<%s>" % element_type.sql(),
                              Types.LIST(_from_sql_type(element_type.sql()))))
        return self

    def add_columns_from(self, schema):
        self._columns.extend(schema._columns)
        self._options.update(schema._options)
        return self

    def clear_columns(self):
        self._columns = []
        return self

    def set_column_separator(self, char):
        self._options["csv.field-delimiter"] = _char(char, "column separator")
        return self

    def set_quote_char(self, char):
        self._options["csv.quote-character"] = _char(char, "quote character")
        return self

    def disable_quote_char(self):
        self._options["csv.disable-quote-character"] = "true"
        return self

    def set_escape_char(self, char):
        self._options["csv.escape-character"] = _char(char, "escape character")
        return self

    def disable_escape_char(self):
        self._options.pop("csv.escape-character", None)
        return self

    def set_null_value(self, null_value):
        self._options["csv.null-literal"] = null_value
        return self

    def set_array_element_separator(self, separator):
        self._array_separator = separator
        self._options["csv.array-element-delimiter"] = separator
        return self

    def set_allow_comments(self, allow=True):
        self._options["csv.allow-comments"] = "true" if allow else "false"
        return self

    def set_line_separator(self, separator):
        if separator != "\n":
            raise NotImplementedError("not supported yet: CSV line separators other than '\\n'")
        return self

    def set_use_header(self, use=True):
        if use:
            raise NotImplementedError("not supported yet: CSV files with a header line")
        return self

    def set_skip_first_data_row(self, skip=True):
        if skip:
            raise NotImplementedError("not supported yet: skipping the first row of CSV files")
        return self

    def set_strict_headers(self, strict=True):
        return self

    def size(self):
        return len(self._columns)

    def build(self):
        return CsvSchema(self._columns, self._options)


class CsvBulkWriters(object):
    """Bulk writers of CSV files for ``FileSink.for_bulk_format`` (the engine's CSV format)."""

    @staticmethod
    def for_schema(schema):
        """Writes rows of ``schema.get_type_info()`` as lines of CSV of the schema."""
        from sluice.datastream.formats._bulk import BulkWriterFactory
        return BulkWriterFactory("csv", schema._row_sql(), schema.size(), schema._options, "CsvBulkWriters.for_schema")


class CsvReaderFormat(object):
    """Reads CSV files of a ``CsvSchema`` as rows of its columns (``FileSource.for_record_stream_format``)."""

    @staticmethod
    def for_schema(schema):
        from sluice.datastream.formats._bulk import FileFormatReader
        return FileFormatReader("csv", [n for n, _, _ in schema._columns], [t for _, t, _ in schema._columns],
                                schema._options)
