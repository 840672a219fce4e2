"""Encoders and serialization schemas (PyFlink's ``pyflink.common.serialization``): ``Encoder`` for the row-format
``FileSink``; ``SimpleStringSchema`` (strings as the bytes of a charset) for connectors such as Kafka. The JSON row
schemas are in ``sluice.datastream.formats.json``."""

__all__ = ['Encoder', 'SerializationSchema', 'DeserializationSchema', 'SimpleStringSchema']


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
