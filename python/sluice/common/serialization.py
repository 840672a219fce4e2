"""Encoders and serialization schemas (PyFlink's ``pyflink.common.serialization``): ``Encoder`` for the row-format
``FileSink``; ``SimpleStringSchema`` (strings as the bytes of a charset), ``ByteArraySchema`` (``bytes`` as they
are) and ``RowFieldExtractorSchema`` (one ``bytes`` field of a row) for connectors such as Kafka. The JSON row
schemas are in ``sluice.datastream.formats.json``."""

__all__ = ['Encoder', 'SerializationSchema', 'DeserializationSchema', 'SimpleStringSchema', 'ByteArraySchema',
           'RowFieldExtractorSchema']


class Encoder(object):
    """How a file sink writes a record: ``simple_string_encoder`` writes the record's text (as ``print()`` shows it)
    and a line break."""

    def __init__(self, charset):
        self._charset = charset

    @staticmethod
    def simple_string_encoder(charset_name="UTF-8"):
        return Encoder(charset_name)


class SerializationSchema(object):
    """Turns a record into the bytes of a message. The engine runs the schema; a Python subclass of its own is not
    supported yet."""

    def _spec(self):
        raise NotImplementedError("not supported yet: the serialization schema %s (SimpleStringSchema and "
                                  "JsonRowSerializationSchema are supported)" % type(self).__name__)

    def _input_type(self):
        return None


class DeserializationSchema(object):
    """Turns the bytes of a message into a record. The engine runs the schema; a Python subclass of its own is not
    supported yet."""

    def _spec(self):
        raise NotImplementedError("not supported yet: the deserialization schema %s (SimpleStringSchema and "
                                  "JsonRowDeserializationSchema are supported)" % type(self).__name__)

    def _produced_type(self):
        return None


class SimpleStringSchema(SerializationSchema, DeserializationSchema):
    """Strings as the bytes of ``charset`` (UTF-8 by default); the records are ``Types.STRING()``."""

    def __init__(self, charset="UTF-8"):
        self._charset = charset

    def _spec(self):
        return {"kind": "string", "charset": self._charset}

    def _input_type(self):
        from sluice.common.typeinfo import Types
        return Types.STRING()

    def _produced_type(self):
        from sluice.common.typeinfo import Types
        return Types.STRING()


class ByteArraySchema(SerializationSchema, DeserializationSchema):
    """Messages as they are: records of ``Types.PRIMITIVE_ARRAY(Types.BYTE())`` (Python ``bytes``)."""

    def _spec(self):
        return {"kind": "bytes"}

    def _input_type(self):
        from sluice.common.typeinfo import Types
        return Types.PRIMITIVE_ARRAY(Types.BYTE())

    def _produced_type(self):
        from sluice.common.typeinfo import Types
        return Types.PRIMITIVE_ARRAY(Types.BYTE())


class RowFieldExtractorSchema(SerializationSchema):
    """Writes field ``field_index`` of each row, which must be ``bytes`` (``Types.PRIMITIVE_ARRAY(Types.BYTE())``),
    as the message (a None field: no bytes, e.g. a record without a key)."""

    def __init__(self, field_index):
        if field_index < 0:
            raise ValueError("Field index must be non-negative, got: %d" % field_index)
        self._field_index = int(field_index)

    def _spec(self):
        return {"kind": "row_field", "index": self._field_index}

    def _check(self, record_type):
        """Raises TypeError unless ``record_type`` is a row whose field is bytes."""
        from sluice.common.typeinfo import PrimitiveArrayTypeInfo, RowTypeInfo
        if not isinstance(record_type, RowTypeInfo):
            raise TypeError("RowFieldExtractorSchema needs a stream of rows (Types.ROW), not %r" % (record_type,))
        types = record_type.get_field_types()
        if self._field_index >= len(types):
            raise TypeError("RowFieldExtractorSchema: field index %d is out of range for %r"
                            % (self._field_index, record_type))
        t = types[self._field_index]
        if not (isinstance(t, PrimitiveArrayTypeInfo) and repr(t.elem_type) == "BYTE"):
            raise TypeError("RowFieldExtractorSchema: field %d of %r must be Types.PRIMITIVE_ARRAY(Types.BYTE())"
                            % (self._field_index, record_type))
