"""SQL data types, as PyFlink's ``DataTypes``; each type knows its SQL text, which is what the engine receives."""

__all__ = ['DataType', 'RowField', 'RowType', 'ArrayType', 'MapType', 'MultisetType', 'DataTypes']


class DataType(object):
    """A SQL type; ``nullable`` unless made ``not_null()``."""

    def __init__(self, sql, nullable=True):
        self._sql = sql
        self._nullable = nullable

    def not_null(self):
        return self._copy(False)

    def nullable(self):
        return self._copy(True)

    def _copy(self, nullable):
        return DataType(self._sql, nullable)

    def type_name(self):
        return self._sql

    def sql(self):
        """The SQL text of this type, e.g. ``DECIMAL(10, 2) NOT NULL``."""
        return self._sql + ("" if self._nullable else " NOT NULL")

    def __repr__(self):
        return self.sql()

    def __str__(self):
        return self.sql()

    def __eq__(self, other):
        return isinstance(other, DataType) and self.sql() == other.sql()

    def __hash__(self):
        return hash(self.sql())


class RowField(object):
    """A named field of a ROW type."""

    def __init__(self, name, data_type, description=None):
        self.name = name
        self.data_type = data_type
        self.description = description

    def __repr__(self):
        return "%s: %s" % (self.name, self.data_type)

    def __eq__(self, other):
        return isinstance(other, RowField) and (self.name, self.data_type) == (other.name, other.data_type)

    def __hash__(self):
        return hash((self.name, self.data_type))


class RowType(DataType):
    """``ROW<name TYPE, ...>``: also the schema of ``from_elements``/``from_pandas``."""

    def __init__(self, fields, nullable=True):
        self.fields = list(fields)
        super().__init__("ROW<%s>" % ", ".join("`%s` %s" % (f.name, f.data_type.sql()) for f in self.fields),
                         nullable)

    def _copy(self, nullable):
        return RowType(self.fields, nullable)

    def field_names(self):
        return [f.name for f in self.fields]

    def field_types(self):
        return [f.data_type for f in self.fields]

    def names(self):
        return self.field_names()


class ArrayType(DataType):
    """``ARRAY<element>``: Python lists (also tuples and numpy arrays when written)."""

    def __init__(self, element_type, nullable=True):
        self.element_type = element_type
        super().__init__("ARRAY<%s>" % element_type.sql(), nullable)

    def _copy(self, nullable):
        return ArrayType(self.element_type, nullable)


class MapType(DataType):
    """``MAP<key, value>``: Python dicts."""

    def __init__(self, key_type, value_type, nullable=True):
        self.key_type = key_type
        self.value_type = value_type
        super().__init__("MAP<%s, %s>" % (key_type.sql(), value_type.sql()), nullable)

    def _copy(self, nullable):
        return MapType(self.key_type, self.value_type, nullable)


class MultisetType(DataType):
    """``MULTISET<element>``: Python dicts of each element to its count."""

    def __init__(self, element_type, nullable=True):
        self.element_type = element_type
        super().__init__("MULTISET<%s>" % element_type.sql(), nullable)

    def _copy(self, nullable):
        return MultisetType(self.element_type, nullable)


class ListViewType(DataType):
    """``DataTypes.LIST_VIEW(element)``: a ``ListView`` in an accumulator (stored as an ``ARRAY<element>``)."""

    def __init__(self, element_type, nullable=True):
        self.element_type = element_type
        super().__init__("ARRAY<%s>" % element_type.sql(), nullable)

    def _copy(self, nullable):
        return ListViewType(self.element_type, nullable)


class MapViewType(DataType):
    """``DataTypes.MAP_VIEW(key, value)``: a ``MapView`` in an accumulator (stored as a ``MAP<key, value>``)."""

    def __init__(self, key_type, value_type, nullable=True):
        self.key_type = key_type
        self.value_type = value_type
        super().__init__("MAP<%s, %s>" % (key_type.sql(), value_type.sql()), nullable)

    def _copy(self, nullable):
        return MapViewType(self.key_type, self.value_type, nullable)


def _with_length(name, length):
    return name if length is None else "%s(%d)" % (name, length)


class DataTypes(object):
    """Factory of the SQL types (PyFlink's ``DataTypes``)."""

    @staticmethod
    def NULL():
        return DataType("NULL")

    @staticmethod
    def CHAR(length, nullable=True):
        return DataType("CHAR(%d)" % length, nullable)

    @staticmethod
    def VARCHAR(length, nullable=True):
        return DataType("VARCHAR(%d)" % length, nullable)

    @staticmethod
    def STRING(nullable=True):
        return DataType("STRING", nullable)

    @staticmethod
    def BOOLEAN(nullable=True):
        return DataType("BOOLEAN", nullable)

    @staticmethod
    def BINARY(length, nullable=True):
        return DataType("BINARY(%d)" % length, nullable)

    @staticmethod
    def VARBINARY(length, nullable=True):
        return DataType("VARBINARY(%d)" % length, nullable)

    @staticmethod
    def BYTES(nullable=True):
        return DataType("BYTES", nullable)

    @staticmethod
    def DECIMAL(precision, scale, nullable=True):
        return DataType("DECIMAL(%d, %d)" % (precision, scale), nullable)

    @staticmethod
    def TINYINT(nullable=True):
        return DataType("TINYINT", nullable)

    @staticmethod
    def SMALLINT(nullable=True):
        return DataType("SMALLINT", nullable)

    @staticmethod
    def INT(nullable=True):
        return DataType("INT", nullable)

    @staticmethod
    def BIGINT(nullable=True):
        return DataType("BIGINT", nullable)

    @staticmethod
    def FLOAT(nullable=True):
        return DataType("FLOAT", nullable)

    @staticmethod
    def DOUBLE(nullable=True):
        return DataType("DOUBLE", nullable)

    @staticmethod
    def DATE(nullable=True):
        return DataType("DATE", nullable)

    @staticmethod
    def TIME(precision=0, nullable=True):
        return DataType("TIME(%d)" % precision, nullable)

    @staticmethod
    def TIMESTAMP(precision=6, nullable=True):
        return DataType("TIMESTAMP(%d)" % precision, nullable)

    @staticmethod
    def TIMESTAMP_LTZ(precision=6, nullable=True):
        return DataType("TIMESTAMP_LTZ(%d)" % precision, nullable)

    @staticmethod
    def TIMESTAMP_WITH_LOCAL_TIME_ZONE(precision=6, nullable=True):
        return DataTypes.TIMESTAMP_LTZ(precision, nullable)

    @staticmethod
    def ROW(row_fields=None, nullable=True):
        return RowType(row_fields or [], nullable)

    @staticmethod
    def FIELD(name, data_type, description=None):
        return RowField(name, data_type, description)

    @staticmethod
    def ARRAY(element_type, nullable=True):
        return ArrayType(element_type, nullable)

    @staticmethod
    def MAP(key_type, value_type, nullable=True):
        return MapType(key_type, value_type, nullable)

    @staticmethod
    def MULTISET(element_type, nullable=True):
        return MultisetType(element_type, nullable)

    @staticmethod
    def LIST_VIEW(element_type):
        """The type of a ``ListView`` in an aggregate function's accumulator type."""
        return ListViewType(element_type)

    @staticmethod
    def MAP_VIEW(key_type, value_type):
        """The type of a ``MapView`` in an aggregate function's accumulator type."""
        return MapViewType(key_type, value_type)

    @staticmethod
    def INTERVAL(upper_resolution, lower_resolution=None):
        raise NotImplementedError("not supported yet: DataTypes.INTERVAL in Python")

    # the resolutions of an INTERVAL
    @staticmethod
    def SECOND(precision=6):
        raise NotImplementedError("not supported yet: DataTypes.SECOND (a resolution of DataTypes.INTERVAL)")

    @staticmethod
    def MINUTE():
        raise NotImplementedError("not supported yet: DataTypes.MINUTE (a resolution of DataTypes.INTERVAL)")

    @staticmethod
    def HOUR():
        raise NotImplementedError("not supported yet: DataTypes.HOUR (a resolution of DataTypes.INTERVAL)")

    @staticmethod
    def DAY(precision=2):
        raise NotImplementedError("not supported yet: DataTypes.DAY (a resolution of DataTypes.INTERVAL)")

    @staticmethod
    def MONTH():
        raise NotImplementedError("not supported yet: DataTypes.MONTH (a resolution of DataTypes.INTERVAL)")

    @staticmethod
    def YEAR(precision=2):
        raise NotImplementedError("not supported yet: DataTypes.YEAR (a resolution of DataTypes.INTERVAL)")


def _from_sql(text):
    """A DataType for SQL type text the engine reports (``VARCHAR(2147483647)`` reads as STRING)."""
    nullable = not text.endswith(" NOT NULL")
    base = text[:-len(" NOT NULL")] if not nullable else text
    base = base.replace("VARCHAR(2147483647)", "STRING").replace("VARBINARY(2147483647)", "BYTES")
    return DataType(base, nullable)
