"""Encoders and serialization schemas (PyFlink's ``pyflink.common.serialization``): ``Encoder`` for the row-format
``FileSink``; ``SimpleStringSchema`` exists for programs that import it (no connector of the Python DataStream API
takes it yet)."""

__all__ = ['Encoder', 'SimpleStringSchema']


class Encoder(object):
    """How a file sink writes a record: ``simple_string_encoder`` writes the record's text (as ``print()`` shows it)
    and a line break."""

    def __init__(self, charset):
        self._charset = charset

    @staticmethod
    def simple_string_encoder(charset_name="UTF-8"):
        return Encoder(charset_name)


class SimpleStringSchema(object):
    def __init__(self, charset="UTF-8"):
        self._charset = charset
