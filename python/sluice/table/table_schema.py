"""The schema of a table (PyFlink's ``TableSchema``)."""

from sluice.table.types import _from_sql, DataTypes

__all__ = ['TableSchema']


class TableSchema(object):
    """Column names and types of a table or a result."""

    def __init__(self, field_names=None, data_types=None, text=None):
        self._names = list(field_names or [])
        self._types = list(data_types or [])
        self._text = text

    @staticmethod
    def _from_reply(value):
        return TableSchema(value["names"], [_from_sql(t) for t in value["types"]], value.get("text"))

    def get_field_names(self):
        return list(self._names)

    def get_field_data_types(self):
        return list(self._types)

    def get_field_data_type(self, field):
        if isinstance(field, int):
            return self._types[field] if 0 <= field < len(self._types) else None
        return self._types[self._names.index(field)] if field in self._names else None

    def get_field_name(self, field_index):
        return self._names[field_index] if 0 <= field_index < len(self._names) else None

    def get_field_count(self):
        return len(self._names)

    def to_row_data_type(self):
        return DataTypes.ROW([DataTypes.FIELD(n, t) for n, t in zip(self._names, self._types)])

    def __str__(self):
        if self._text is not None:
            return self._text
        return "(\n%s\n)" % ",\n".join("  `%s` %s" % (n, t) for n, t in zip(self._names, self._types))

    __repr__ = __str__

    def __eq__(self, other):
        return isinstance(other, TableSchema) and (self._names, self._types) == (other._names, other._types)

    def __hash__(self):
        return hash(tuple(self._names))
