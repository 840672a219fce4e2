"""Rows as Avro binary records (PyFlink's ``pyflink.datastream.formats.avro``): ``AvroRowSerializationSchema`` and
``AvroRowDeserializationSchema`` with ``avro_schema_string`` (a record schema) for connectors such as Kafka. The row's
fields are the record's fields in order; the records read are ``Types.ROW_NAMED`` by the schema's field names and
types (int INT, long LONG, float FLOAT, double DOUBLE, boolean BOOLEAN, string and enum STRING, bytes and fixed
PRIMITIVE_ARRAY(BYTE()), a union with null the other branch, a record a nested ROW_NAMED, array LIST, map
MAP(STRING, ...), date SQL_DATE, timestamp-millis/-micros SQL_TIMESTAMP). ``AvroBulkWriters.for_generic_record``
writes Avro files with ``FileSink.for_bulk_format`` from a stream of ``GenericRecordAvroTypeInfo`` (dicts) (also as
``AvroWriters.for_generic_record``), and ``env.create_input(AvroInputFormat(path, schema))`` reads Avro container files
into a stream of ``GenericRecordAvroTypeInfo`` records: the next Python function gets each record as a dict by field
name (nested records as dicts too). Java record classes (``record_class``) are not supported yet."""

import json

from sluice.common.serialization import DeserializationSchema, SerializationSchema
from sluice.common.typeinfo import RowTypeInfo, Types, _type_json

__all__ = ['AvroRowSerializationSchema', 'AvroRowDeserializationSchema', 'AvroSchema', 'AvroInputFormat',
           'AvroBulkWriters', 'AvroWriters', 'GenericRecordAvroTypeInfo']

_PRIMITIVES = {"int": Types.INT, "long": Types.LONG, "float": Types.FLOAT, "double": Types.DOUBLE,
               "boolean": Types.BOOLEAN, "string": Types.STRING, "enum": Types.STRING}


def _type_of(schema, named):
    """The type information of the Avro schema (parsed JSON); ``named`` holds the records defined so far."""
    if isinstance(schema, list):
        branches = [s for s in schema if s != "null"]
        if len(branches) != 1:
            raise NotImplementedError("not supported yet: Avro unions of several types other than null (%s)"
                                      % json.dumps(schema))
        return _type_of(branches[0], named)
    if isinstance(schema, str):
        if schema in _PRIMITIVES:
            return _PRIMITIVES[schema]()
        if schema == "bytes":
            return Types.PRIMITIVE_ARRAY(Types.BYTE())
        if schema in named:
            return named[schema]
        raise ValueError("Unknown Avro type %r" % schema)
    t = schema.get("type")
    logical = schema.get("logicalType")
    if logical == "date" and t == "int":
        return Types.SQL_DATE()
    if logical in ("timestamp-millis", "timestamp-micros") and t == "long":
        return Types.SQL_TIMESTAMP()
    if t == "record":
        names, types = [], []
        row = None
        for f in schema.get("fields", []):
            names.append(f["name"])
            types.append(_type_of(f["type"], named))
        row = Types.ROW_NAMED(names, types)
        named[schema.get("name")] = row
        if schema.get("namespace"):
            named[schema["namespace"] + "." + schema.get("name")] = row
        return row
    if t == "enum":
        return Types.STRING()
    if t == "fixed":
        return Types.PRIMITIVE_ARRAY(Types.BYTE())
    if t == "array":
        return Types.LIST(_type_of(schema["items"], named))
    if t == "map":
        return Types.MAP(Types.STRING(), _type_of(schema["values"], named))
    return _type_of(t, named)


def _row_type_of(avro_schema_string, record_class, what):
    if record_class is not None:
        raise NotImplementedError("not supported yet: %s with a Java record class (give avro_schema_string)" % what)
    if avro_schema_string is None:
        raise ValueError("%s needs avro_schema_string (or record_class)" % what)
    schema = json.loads(avro_schema_string)
    if not isinstance(schema, dict) or schema.get("type") != "record":
        raise ValueError("%s needs an Avro record schema, not %s" % (what, avro_schema_string))
    return _type_of(schema, {})


class AvroRowDeserializationSchema(DeserializationSchema):
    """Reads Avro binary records of ``avro_schema_string`` into rows."""

    def __init__(self, record_class=None, avro_schema_string=None):
        self._type_info = _row_type_of(avro_schema_string, record_class, "AvroRowDeserializationSchema")
        self._schema = avro_schema_string

    def _spec(self):
        return {"kind": "avro_row", "schema": self._schema, "type": _type_json(self._type_info)}

    def _produced_type(self):
        return self._type_info


class AvroRowSerializationSchema(SerializationSchema):
    """Writes rows (``Types.ROW`` with the record's fields, in order) as Avro binary records."""

    def __init__(self, record_class=None, avro_schema_string=None):
        self._type_info = _row_type_of(avro_schema_string, record_class, "AvroRowSerializationSchema")
        self._schema = avro_schema_string

    def _spec(self):
        return {"kind": "avro_row", "schema": self._schema, "type": _type_json(self._type_info)}

    def _check(self, record_type):
        """Raises TypeError unless the stream's records are rows of as many fields as the record."""
        if not isinstance(record_type, RowTypeInfo) or \
                len(record_type.get_field_types()) != len(self._type_info.get_field_types()):
            raise TypeError("AvroRowSerializationSchema writes rows of %d fields (%r), not %r (give the function "
                            "before the sink that output_type)"
                            % (len(self._type_info.get_field_types()), self._type_info, record_type))


def _not_yet(name):
    class NotYet(object):
        def __init__(self, *args, **kwargs):
            raise NotImplementedError("not supported yet: %s (reading Avro files in the Python DataStream API)" % name)

    NotYet.__name__ = name
    return NotYet


class AvroSchema(object):
    """An Avro schema (PyFlink's ``AvroSchema``), from its JSON text; a record schema describes rows."""

    def __init__(self, schema_string):
        self._string = schema_string
        self._json = json.loads(schema_string)

    @staticmethod
    def parse_string(json_schema):
        return AvroSchema(json_schema)

    @staticmethod
    def parse_file(file_path):
        with open(file_path, encoding="utf-8") as f:
            return AvroSchema(f.read())

    def _row_type(self, what):
        return _row_type_of(self._string, None, what)

    def __str__(self):
        return self._string


class GenericRecordAvroTypeInfo(RowTypeInfo):
    """Records of an Avro record schema (PyFlink's generic records): Python dicts by field name (or rows in the
    schema's field order); the engine holds them as rows of the schema's fields."""

    def __init__(self, schema):
        row = schema._row_type("GenericRecordAvroTypeInfo")
        super().__init__(row.get_field_types(), row.get_field_names())
        self._schema = schema

    def _write(self, parts, v):
        if isinstance(v, dict):
            v = tuple(v.get(n) for n in self.get_field_names())
        super()._write(parts, v)

    def _from_row(self, row):
        """A record read from the engine (a Row of the schema's fields) as PyFlink gives generic records: a dict."""
        return _as_dicts(row)

    def __eq__(self, other):
        return isinstance(other, GenericRecordAvroTypeInfo) and str(self._schema) == str(other._schema)

    def __hash__(self):
        return hash(str(self._schema))

    def __repr__(self):
        return "GenericRecordAvroTypeInfo(%s)" % self._schema


class AvroBulkWriters(object):
    """Bulk writers of Avro container files (the engine's Avro format)."""

    @staticmethod
    def for_generic_record(schema):
        """Writes the records of a stream of ``GenericRecordAvroTypeInfo(schema)`` (dicts) as Avro files."""
        from sluice.datastream.formats._bulk import BulkWriterFactory, sql_of
        row = schema._row_type("AvroBulkWriters.for_generic_record")
        return BulkWriterFactory("avro", sql_of(row), len(row.get_field_types()), {},
                                 "AvroBulkWriters.for_generic_record")


class AvroWriters(AvroBulkWriters):
    """PyFlink's name of :class:`AvroBulkWriters`: ``AvroWriters.for_generic_record(schema)``."""


def _as_dicts(value):
    from sluice.common.types import Row
    if isinstance(value, Row):
        names = value.__dict__.get("_fields")
        if names:
            return {n: _as_dicts(v) for n, v in zip(names, value)}
        return [_as_dicts(v) for v in value]
    if isinstance(value, list):
        return [_as_dicts(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_dicts(v) for k, v in value.items()}
    return value


class AvroInputFormat(object):
    """Reads Avro container files (PyFlink's ``AvroInputFormat``) for ``env.create_input(...)``: the records of the
    file (a directory: each of its visible files) as ``GenericRecordAvroTypeInfo(schema)`` records, fields matched to
    the file's fields by name. The engine's Avro format reads them, split over the source's instances, with the
    position checkpointed."""

    def __init__(self, path, schema):
        from sluice.datastream.formats._bulk import sql_of
        self._path = str(path)
        self._schema = schema
        self._type_info = GenericRecordAvroTypeInfo(schema)
        self._row_type = sql_of(schema._row_type("AvroInputFormat"))

    def get_produced_type(self):
        return self._type_info

    def _node(self):
        from sluice.common.typeinfo import _type_json
        path = self._path[len("file://"):] if self._path.startswith("file://") else self._path
        return {"kind": "format_file", "paths": [path], "format": "avro", "row_type": self._row_type,
                "options": {}, "type": _type_json(self._type_info)}
