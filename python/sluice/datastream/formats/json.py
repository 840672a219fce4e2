"""Rows as JSON objects (PyFlink's ``pyflink.datastream.formats.json``): ``JsonRowSerializationSchema`` writes a row
of a ``Types.ROW_NAMED`` type as an object with a member per field, ``JsonRowDeserializationSchema`` reads such
objects into rows (a missing member is None). Dates and timestamps are ISO-8601 text."""

from sluice.common.serialization import DeserializationSchema, SerializationSchema
from sluice.common.typeinfo import RowTypeInfo, _type_json

__all__ = ['JsonRowSerializationSchema', 'JsonRowDeserializationSchema']


def _row_type(type_info, what):
    if not isinstance(type_info, RowTypeInfo):
        raise TypeError("%s needs a row type (Types.ROW_NAMED), not %r" % (what, type_info))
    return type_info


class JsonRowDeserializationSchema(DeserializationSchema):
    """Reads JSON objects into rows of ``type_info``; a message that is not such an object fails the job (naming the
    message) unless ``ignore_parse_errors()`` skips it."""

    def __init__(self, type_info, fail_on_missing_field, ignore_parse_errors):
        self._type_info = type_info
        self._fail_on_missing_field = fail_on_missing_field
        self._ignore_parse_errors = ignore_parse_errors

    @staticmethod
    def builder():
        return JsonRowDeserializationSchema.Builder()

    def _spec(self):
        return {"kind": "json_row", "type": _type_json(self._type_info),
                "fail_on_missing_field": self._fail_on_missing_field,
                "ignore_parse_errors": self._ignore_parse_errors}

    def _produced_type(self):
        return self._type_info

    class Builder(object):
        def __init__(self):
            self._type_info = None
            self._fail_on_missing_field = False
            self._ignore_parse_errors = False

        def type_info(self, type_info):
            self._type_info = _row_type(type_info, "JsonRowDeserializationSchema")
            return self

        def json_schema(self, json_schema):
            raise NotImplementedError("not supported yet: JsonRowDeserializationSchema with a JSON schema (give "
                                      "type_info)")

        def fail_on_missing_field(self):
            if self._ignore_parse_errors:
                raise ValueError("JSON format doesn't support failOnMissingField and ignoreParseErrors are both "
                                 "true.")
            self._fail_on_missing_field = True
            return self

        def ignore_parse_errors(self):
            if self._fail_on_missing_field:
                raise ValueError("JSON format doesn't support failOnMissingField and ignoreParseErrors are both "
                                 "true.")
            self._ignore_parse_errors = True
            return self

        def build(self):
            if self._type_info is None:
                raise ValueError("JsonRowDeserializationSchema needs type_info(...)")
            return JsonRowDeserializationSchema(self._type_info, self._fail_on_missing_field,
                                                self._ignore_parse_errors)


class JsonRowSerializationSchema(SerializationSchema):
    """Writes rows of ``type_info`` as JSON objects."""

    def __init__(self, type_info):
        self._type_info = type_info

    @staticmethod
    def builder():
        return JsonRowSerializationSchema.Builder()

    def _spec(self):
        return {"kind": "json_row", "type": _type_json(self._type_info)}

    def _input_type(self):
        return self._type_info

    class Builder(object):
        def __init__(self):
            self._type_info = None

        def with_type_info(self, type_info):
            self._type_info = _row_type(type_info, "JsonRowSerializationSchema")
            return self

        def build(self):
            if self._type_info is None:
                raise ValueError("Typeinfo should be set.")
            return JsonRowSerializationSchema(self._type_info)
