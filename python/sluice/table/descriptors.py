"""Code forms of ``CREATE TABLE ... WITH (...)``: PyFlink's ``TableDescriptor``, ``Schema``, ``FormatDescriptor``.
Each builder records its calls, which the engine replays on the Java builders of the same names."""

from sluice.table.expression import to_arg

__all__ = ['TableDescriptor', 'Schema', 'FormatDescriptor']


class _Built(object):
    def __init__(self, j):
        self._j = j


class _Builder(object):
    _methods = {}

    def __init__(self, j):
        self._j = j

    def _then(self, method, *args):
        return type(self)({"m": method, "on": self._j, "args": [to_arg(a) for a in args]})

    def build(self):
        return _Built({"m": "build", "on": self._j, "args": []})


class Schema(_Built):
    """A table's columns, watermark and primary key: ``Schema.new_builder().column('a', DataTypes.INT()).build()``."""

    class Builder(_Builder):
        def column(self, column_name, data_type):
            return self._then("column", column_name, data_type)

        def column_by_expression(self, column_name, expr):
            return self._then("columnByExpression", column_name, expr)

        def column_by_metadata(self, column_name, data_type, metadata_key=None, is_virtual=False):
            if metadata_key is None:
                return self._then("columnByMetadata", column_name, data_type)
            return self._then("columnByMetadata", column_name, data_type, metadata_key, is_virtual)

        def watermark(self, column_name, watermark_expr):
            return self._then("watermark", column_name, watermark_expr)

        def primary_key(self, *column_names):
            return self._then("primaryKey", *column_names)

        def primary_key_named(self, constraint_name, *column_names):
            return self._then("primaryKeyNamed", constraint_name, *column_names)

        def from_fields(self, field_names, field_data_types):
            b = self
            for n, t in zip(field_names, field_data_types):
                b = b.column(n, t)
            return b

    @staticmethod
    def new_builder():
        return Schema.Builder({"s": "Schema.newBuilder", "args": []})


class FormatDescriptor(_Built):
    """A format with options: ``FormatDescriptor.for_format('csv').option('field-delimiter', '|').build()``."""

    class Builder(_Builder):
        def option(self, key, value):
            return self._then("option", key, str(value))

    @staticmethod
    def for_format(format):
        return FormatDescriptor.Builder({"s": "FormatDescriptor.forFormat", "args": [format]})


class TableDescriptor(_Built):
    """``TableDescriptor.for_connector('datagen').schema(...).option('number-of-rows', '10').build()``."""

    class Builder(_Builder):
        def schema(self, schema):
            return self._then("schema", schema)

        def option(self, key, value):
            return self._then("option", key, str(value))

        def format(self, format, format_option=None):
            if format_option is not None:
                raise NotImplementedError("not supported yet: TableDescriptor.format with a format option key")
            return self._then("format", format)

        def comment(self, comment):
            return self._then("comment", comment)

        def partitioned_by(self, *partition_keys):
            return self._then("partitionedBy", *partition_keys)

    @staticmethod
    def for_connector(connector):
        return TableDescriptor.Builder({"s": "TableDescriptor.forConnector", "args": [connector]})
