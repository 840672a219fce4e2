"""Functions that make Table API expressions (PyFlink's ``pyflink.table.expressions``)."""

from sluice.table.expression import Expression, JsonOnNull, _template, to_arg

__all__ = ['col', 'lit', 'call', 'call_sql', 'range_', 'and_', 'or_', 'not_', 'UNBOUNDED_ROW', 'UNBOUNDED_RANGE',
           'CURRENT_ROW', 'CURRENT_RANGE', 'current_date', 'current_time', 'current_timestamp',
           'current_watermark', 'local_time', 'local_timestamp', 'to_date', 'to_timestamp', 'temporal_overlaps',
           'date_format', 'timestamp_diff', 'from_unixtime', 'unix_timestamp', 'row_interval', 'pi', 'e', 'rand',
           'rand_integer', 'atan2', 'negative', 'concat', 'concat_ws', 'uuid', 'null_of', 'log', 'with_columns',
           'without_columns', 'if_then_else', 'coalesce', 'row', 'array', 'map_', 'source_watermark', 'with_all_columns',
           'current_database', 'to_timestamp_ltz', 'convert_tz', 'json_string', 'json_object', 'json_array',
           'json_object_agg', 'json_array_agg', 'json', 'uuid_v4', 'uuid_v7', 'descriptor']


def _s(name, *args):
    return Expression({"s": name, "args": [to_arg(a) for a in args]})


def col(name):
    """A reference to the column ``name``."""
    return Expression({"col": name})


def lit(v, data_type=None):
    """A literal: ``lit(1)`` is an INT, ``lit(1.5)`` a DOUBLE, ``lit('a')`` a STRING; ``data_type`` casts it."""
    j = {"lit": to_arg(v)}
    if data_type is not None:
        j["type"] = data_type.sql()
    return Expression(j)


def call(f, *args):
    """A call of a built-in or registered function by name, or of a Python function made with ``udf``."""
    from sluice.table.udf import UserDefinedFunctionWrapper
    if isinstance(f, UserDefinedFunctionWrapper):
        return f(*args)
    return Expression({"s": "call", "args": [f] + [to_arg(a) for a in args]})


def call_sql(sql_expression):
    """A SQL expression, resolved against the columns of the table it is used on."""
    return Expression({"sql": sql_expression})


def range_(start, end):
    return _s("range", start, end)


def and_(predicate0, predicate1, *predicates):
    return _s("and", predicate0, predicate1, *predicates)


def or_(predicate0, predicate1, *predicates):
    return _s("or", predicate0, predicate1, *predicates)


def not_(expression):
    return _s("not", expression)


UNBOUNDED_ROW = Expression({"sf": "UNBOUNDED_ROW"})
UNBOUNDED_RANGE = Expression({"sf": "UNBOUNDED_RANGE"})
CURRENT_ROW = Expression({"sf": "CURRENT_ROW"})
CURRENT_RANGE = Expression({"sf": "CURRENT_RANGE"})


def current_date():
    return _s("currentDate")


def current_time():
    return _s("currentTime")


def current_timestamp():
    return _s("currentTimestamp")


def current_watermark(rowtime_attribute):
    return _s("currentWatermark", rowtime_attribute)


def local_time():
    return _s("localTime")


def local_timestamp():
    return _s("localTimestamp")


def to_date(date_str, format=None):
    return _s("toDate", date_str) if format is None else _s("toDate", date_str, format)


def to_timestamp(timestamp_str, format=None):
    return _s("toTimestamp", timestamp_str) if format is None else _s("toTimestamp", timestamp_str, format)


def temporal_overlaps(left_time_point, left_temporal, right_time_point, right_temporal):
    """Whether two anchored time intervals overlap (SQL's ``(p1, t1) OVERLAPS (p2, t2)``)."""
    return _template("(($0, $1) OVERLAPS ($2, $3))", left_time_point, left_temporal, right_time_point,
                     right_temporal)


def date_format(timestamp, format):
    return _s("dateFormat", timestamp, format)


def timestamp_diff(time_point_unit, time_point1, time_point2):
    return _s("timestampDiff", time_point_unit, time_point1, time_point2)


def from_unixtime(unixtime, format=None):
    return _s("fromUnixtime", unixtime) if format is None else _s("fromUnixtime", unixtime, format)


def unix_timestamp(date_str=None, format=None):
    if date_str is None:
        return _s("unixTimestamp")
    return _s("unixTimestamp", date_str) if format is None else _s("unixTimestamp", date_str, format)


def row_interval(rows):
    return _s("rowInterval", rows)


def pi():
    return _s("pi")


def e():
    return _s("e")


def rand(seed=None):
    return _s("rand") if seed is None else _s("rand", seed)


def rand_integer(bound, seed=None):
    return _s("randInteger", bound) if seed is None else _s("randInteger", seed, bound)


def atan2(y, x):
    return _s("atan2", y, x)


def negative(v):
    return _s("negative", v)


def concat(first, *others):
    return _s("concat", first, *others)


def concat_ws(separator, first, *others):
    return _s("concatWs", separator, first, *others)


def uuid():
    return _s("uuid")


def null_of(data_type):
    return _s("nullOf", data_type)


def log(v, base=None):
    return _s("log", v) if base is None else _s("log", base, v)


def with_columns(head, *tails):
    return _s("withColumns", head, *tails)


def without_columns(head, *tails):
    return _s("withoutColumns", head, *tails)


def with_all_columns():
    return _s("withAllColumns")


def if_then_else(condition, if_true, if_false):
    return _s("ifThenElse", condition, if_true, if_false)


def coalesce(*args):
    return _s("coalesce", *args)


def source_watermark():
    """The watermark of a source that emits its own (SQL's ``SOURCE_WATERMARK()``), for ``Schema`` watermarks."""
    return _template("SOURCE_WATERMARK()")


def row(head, *tail):
    """A ROW value of the given fields (its fields are named ``EXPR$0``, ``EXPR$1``, ...)."""
    return _s("row", head, *tail)


def array(head, *tail):
    """An ARRAY value of the given elements."""
    return _s("array", head, *tail)


def map_(key, value, *tail):
    """A MAP value from key/value pairs: ``map_(k1, v1, k2, v2, ...)``."""
    return _s("map", key, value, *tail)


def map_from_arrays(key_array, value_array):
    """A MAP from an ARRAY of keys and an ARRAY of values of the same length (SQL's ``MAP_FROM_ARRAYS``)."""
    return _builtin("MAP_FROM_ARRAYS", key_array, value_array)


def _builtin(name, *args):
    """A call of the engine's SQL built-in function ``name``."""
    return Expression({"s": "call", "args": [name] + [to_arg(a) for a in args]})


def current_database():
    """The name of the current database."""
    return _builtin("CURRENT_DATABASE")


def to_timestamp_ltz(*args):
    """A TIMESTAMP_LTZ of epoch time: ``to_timestamp_ltz(numeric)`` (milliseconds) or ``to_timestamp_ltz(numeric,
    precision)`` (0: seconds, 3: milliseconds); or of date-time text: ``to_timestamp_ltz(string[, format[, zone]])``
    (format 'yyyy-MM-dd HH:mm:ss.SSS' and zone 'UTC' by default)."""
    return _builtin("TO_TIMESTAMP_LTZ", *args)


def convert_tz(date_str, tz_from, tz_to):
    """The date-time text ``date_str`` of time zone ``tz_from`` as the date-time text of ``tz_to``."""
    return _builtin("CONVERT_TZ", date_str, tz_from, tz_to)


def json_string(value):
    """The value as JSON text."""
    return _builtin("JSON_STRING", value)


def _on_null(on_null):
    if not isinstance(on_null, JsonOnNull):
        raise TypeError("expected a JsonOnNull, not %r" % (on_null,))
    return on_null.name


def _sql_string(text):
    return "'%s'" % text.replace("'", "''")


def json_object(on_null=JsonOnNull.NULL, *args):
    """A JSON object of key/value pairs (``json_object(JsonOnNull.NULL, 'k', col('v'), ...)``); ``on_null`` says
    whether a NULL value is written as null or left out."""
    if len(args) % 2:
        raise ValueError("json_object takes keys and values in pairs, not %d arguments" % len(args))
    parts, values = [], []
    for i in range(0, len(args), 2):
        key, value = args[i], args[i + 1]
        if isinstance(key, str):
            key_text = _sql_string(key)
        else:
            key_text = "$%d" % len(values)
            values.append(key)
        parts.append("KEY %s VALUE $%d" % (key_text, len(values)))
        values.append(value)
    if len(values) > 10:
        raise NotImplementedError("not supported yet: json_object with more than 10 values and non-literal keys")
    return _template("JSON_OBJECT(%s%s ON NULL)" % (", ".join(parts) + (" " if parts else ""), _on_null(on_null)),
                     *values)


def json_array(on_null=JsonOnNull.ABSENT, *args):
    """A JSON array of the values; ``on_null`` says whether a NULL is written as null or left out."""
    if len(args) > 10:
        raise NotImplementedError("not supported yet: json_array of more than 10 values")
    if not args:
        _on_null(on_null)
        return _template("JSON_ARRAY()")
    items = ", ".join("$%d" % i for i in range(len(args)))
    return _template("JSON_ARRAY(%s %s ON NULL)" % (items, _on_null(on_null)), *args)


def json_object_agg(on_null, key_expr, value_expr):
    """The aggregate JSON object of a group's key/value pairs."""
    return _template("JSON_OBJECTAGG(KEY $0 VALUE $1 %s ON NULL)" % _on_null(on_null), key_expr, value_expr)


def json_array_agg(on_null, item_expr):
    """The aggregate JSON array of a group's values."""
    return _template("JSON_ARRAYAGG($0 %s ON NULL)" % _on_null(on_null), item_expr)


def json(value):
    """JSON text that ``json_object`` (as a value) and ``json_array`` (as an element) insert as JSON rather than as a
    string (SQL's ``JSON(value)``); NULL or empty text is NULL."""
    return _builtin("JSON", value)


def uuid_v4():
    raise NotImplementedError("not supported yet: uuid_v4 (use uuid(), a random UUID)")


def uuid_v7():
    raise NotImplementedError("not supported yet: uuid_v7 (the engine has no UUID_V7 function)")


def descriptor(*column_names):
    raise NotImplementedError("not supported yet: descriptor (process table functions)")
