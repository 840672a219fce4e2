"""Encoders and serialization schemas (PyFlink's ``pyflink.common.serialization``); the sinks and connectors that
take them are not supported yet in the Python DataStream API."""

__all__ = ['Encoder', 'SimpleStringSchema']


class Encoder(object):
    """How a file sink writes a record: ``simple_string_encoder`` writes ``str(record)`` per line."""

    def __init__(self, charset):
        self._charset = charset

    @staticmethod
    def simple_string_encoder(charset_name="UTF-8"):
        return Encoder(charset_name)


class SimpleStringSchema(object):
    def __init__(self, charset="UTF-8"):
        self._charset = charset
