"""Functions that make Table API expressions (PyFlink's ``pyflink.table.expressions``)."""

from sluice.table.expression import Expression, to_arg

__all__ = ['col', 'lit', 'call', 'call_sql', 'range_', 'and_', 'or_', 'not_', 'UNBOUNDED_ROW', 'UNBOUNDED_RANGE',
           'CURRENT_ROW', 'CURRENT_RANGE', 'current_date', 'current_time', 'current_timestamp',
           'current_watermark', 'local_time', 'local_timestamp', 'to_date', 'to_timestamp', 'temporal_overlaps',
           'date_format', 'timestamp_diff', 'from_unixtime', 'unix_timestamp', 'row_interval', 'pi', 'e', 'rand',
           'rand_integer', 'atan2', 'negative', 'concat', 'concat_ws', 'uuid', 'null_of', 'log', 'with_columns',
           'without_columns', 'if_then_else', 'coalesce', 'row', 'array', 'map_', 'source_watermark', 'with_all_columns']


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
    raise NotImplementedError("not supported yet: temporal_overlaps")


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
    raise NotImplementedError("not supported yet: source_watermark")


def row(head, *tail):
    """A ROW value of the given fields (its fields are named ``EXPR$0``, ``EXPR$1``, ...)."""
    return _s("row", head, *tail)


def array(head, *tail):
    """An ARRAY value of the given elements."""
    return _s("array", head, *tail)


def map_(key, value, *tail):
    """A MAP value from key/value pairs: ``map_(k1, v1, k2, v2, ...)``."""
    return _s("map", key, value, *tail)
