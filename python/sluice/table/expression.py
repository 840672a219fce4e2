"""Expressions of the Table API (PyFlink's ``Expression``): trees the engine rebuilds as Java API expressions."""

import datetime
import decimal
from enum import Enum

__all__ = ['Expression', 'TimeIntervalUnit', 'TimePointUnit', 'JsonOnNull', 'to_arg']


class TimeIntervalUnit(Enum):
    """Units for ``extract`` and ``floor``/``ceil`` of temporal values."""
    YEAR = 0
    YEAR_TO_MONTH = 1
    QUARTER = 2
    MONTH = 3
    WEEK = 4
    DAY = 5
    DAY_TO_HOUR = 6
    DAY_TO_MINUTE = 7
    DAY_TO_SECOND = 8
    HOUR = 9
    HOUR_TO_MINUTE = 10
    HOUR_TO_SECOND = 11
    MINUTE = 12
    MINUTE_TO_SECOND = 13
    SECOND = 14
    MILLISECOND = 15
    MICROSECOND = 16
    NANOSECOND = 17
    EPOCH = 18


class TimePointUnit(Enum):
    """Units of ``timestamp_diff``."""
    YEAR = 0
    QUARTER = 1
    MONTH = 2
    WEEK = 3
    DAY = 4
    HOUR = 5
    MINUTE = 6
    SECOND = 7
    MILLISECOND = 8
    MICROSECOND = 9


class JsonOnNull(Enum):
    NULL = 0
    ABSENT = 1


def to_arg(v):
    """The JSON form of an argument (see the gateway's ArgDecoder)."""
    from sluice.table.types import DataType
    if isinstance(v, Expression) or isinstance(getattr(v, "_j", None), dict):
        return v._j
    if hasattr(v, "_j_handle"):
        # an expression may keep this reference after the wrapper is gone: never release it
        v._pinned = True
        return {"h": v._j_handle}
    if isinstance(v, DataType):
        return {"t": v.sql()}
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return float(v)
    if isinstance(v, decimal.Decimal):
        return {"dec": str(v)}
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            return {"ltz": v.astimezone(datetime.timezone.utc).replace(tzinfo=None).isoformat() + "Z"}
        return {"ts": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    if isinstance(v, datetime.time):
        return {"time": v.isoformat()}
    if isinstance(v, Enum) and type(v).__name__ in ("TimeIntervalUnit", "TimePointUnit", "ExplainDetail"):
        return {"enum": "%s.%s" % (type(v).__name__, v.name)}
    if isinstance(v, (list, tuple)):
        return {"list": [to_arg(x) for x in v]}
    try:
        import numpy as np
        if isinstance(v, np.generic):
            return to_arg(v.item())
    except ImportError:
        pass
    raise TypeError("cannot use %r (%s) in a Table API expression" % (v, type(v).__name__))


def _m(name):
    """A method of the Java ApiExpression with the given arguments."""
    def op(self, *args):
        return Expression({"m": name, "on": self._j, "args": [to_arg(a) for a in args]})
    op.__name__ = name
    return op


def _prop(name):
    return property(lambda self: Expression({"m": name, "on": self._j, "args": []}))


def _r(name):
    """A reflected binary operator: ``1 + col('a')`` is ``lit(1).plus(col('a'))``."""
    def op(self, other):
        left = other._j if isinstance(other, Expression) else {"lit": to_arg(other)}
        return Expression({"m": name, "on": left, "args": [self._j]})
    return op


class Expression(object):
    """A Table API expression. Build them with ``col``, ``lit``, ``call`` of ``sluice.table.expressions`` and the
    operators and methods here; their meaning is the Java Table API's (``plus``, ``isEqual``, ...)."""

    def __init__(self, j):
        self._j = j

    def __str__(self):
        return _summary(self._j)

    def __repr__(self):
        return _summary(self._j)

    __hash__ = object.__hash__

    # arithmetic and comparison operators
    __add__ = _m("plus")
    __sub__ = _m("minus")
    __mul__ = _m("times")
    __truediv__ = _m("dividedBy")
    __mod__ = _m("mod")
    __pow__ = _m("power")
    __radd__ = _r("plus")
    __rsub__ = _r("minus")
    __rmul__ = _r("times")
    __rtruediv__ = _r("dividedBy")
    __rmod__ = _r("mod")
    __rpow__ = _r("power")
    __eq__ = _m("isEqual")
    __ne__ = _m("isNotEqual")
    __gt__ = _m("isGreater")
    __ge__ = _m("isGreaterOrEqual")
    __lt__ = _m("isLess")
    __le__ = _m("isLessOrEqual")
    __and__ = _m("and")
    __or__ = _m("or")
    __rand__ = _r("and")
    __ror__ = _r("or")

    def __invert__(self):
        return Expression({"m": "not", "on": self._j, "args": []})

    def __neg__(self):
        return Expression({"s": "negative", "args": [self._j]})

    def __pos__(self):
        return self

    def __bool__(self):
        raise TypeError("A Table API expression has no truth value; use & | ~ instead of and/or/not")

    # naming and ordering
    def alias(self, name, *extra_names):
        return Expression({"m": "as", "on": self._j, "args": [name] + list(extra_names)})

    asc = _prop("asc")
    desc = _prop("desc")

    # logic and predicates
    is_null = _prop("isNull")
    is_not_null = _prop("isNotNull")
    is_true = _prop("isTrue")
    is_false = _prop("isFalse")
    is_not_true = _prop("isNotTrue")
    is_not_false = _prop("isNotFalse")
    between = _m("between")
    not_between = _m("notBetween")
    then = _m("then")
    if_null = _m("ifNull")

    def in_(self, first_element_or_table, *remaining_elements):
        return Expression({"m": "in", "on": self._j,
                           "args": [to_arg(first_element_or_table)] + [to_arg(e) for e in remaining_elements]})

    # math
    exp = _prop("exp")
    log10 = _prop("log10")
    log2 = _prop("log2")
    ln = _prop("ln")
    sqrt = _prop("sqrt")
    abs = _prop("abs")
    floor = _prop("floor")
    ceil = _prop("ceil")
    sin = _prop("sin")
    cos = _prop("cos")
    tan = _prop("tan")
    cot = _prop("cot")
    asin = _prop("asin")
    acos = _prop("acos")
    atan = _prop("atan")
    sinh = _prop("sinh")
    cosh = _prop("cosh")
    tanh = _prop("tanh")
    degrees = _prop("degrees")
    radians = _prop("radians")
    sign = _prop("sign")
    bin = _prop("bin")
    hex = _prop("hex")
    power = _m("power")

    def log(self, base=None):
        return _m("log")(self) if base is None else _m("log")(self, base)

    def round(self, places):
        return _m("round")(self, places)

    def truncate(self, n=0):
        return _m("truncate")(self, n)

    # strings
    char_length = _prop("charLength")
    upper_case = _prop("upperCase")
    lower_case = _prop("lowerCase")
    init_cap = _prop("initCap")
    ltrim = _prop("ltrim")
    rtrim = _prop("rtrim")
    from_base64 = _prop("fromBase64")
    to_base64 = _prop("toBase64")
    ascii = _prop("ascii")
    chr = _prop("chr")
    md5 = _prop("md5")
    sha1 = _prop("sha1")
    sha256 = _prop("sha256")
    reverse = _prop("reverse")
    like = _m("like")
    similar = _m("similar")
    position = _m("position")
    lpad = _m("lpad")
    rpad = _m("rpad")
    regexp = _m("regexp")
    regexp_replace = _m("regexpReplace")
    left = _m("left")
    right = _m("right")
    repeat = _m("repeat")
    split_index = _m("splitIndex")

    def substring(self, begin_index, length=None):
        return _m("substring")(self, begin_index) if length is None else _m("substring")(self, begin_index, length)

    def substr(self, begin_index, length=None):
        return _m("substr")(self, begin_index) if length is None else _m("substr")(self, begin_index, length)

    def trim(self, character=None):
        return _m("trim")(self) if character is None else _m("trim")(self, character)

    def trim_leading(self, character=None):
        return _m("trimLeading")(self) if character is None else _m("trimLeading")(self, character)

    def trim_trailing(self, character=None):
        return _m("trimTrailing")(self) if character is None else _m("trimTrailing")(self, character)

    def replace(self, search=None, replacement=None):
        return _m("replace")(self, search, replacement)

    def overlay(self, new_string, starting, length=None):
        if length is None:
            return _m("overlay")(self, new_string, starting)
        return _m("overlay")(self, new_string, starting, length)

    def regexp_extract(self, regex, extract_index=None):
        if extract_index is None:
            return _m("regexpExtract")(self, regex)
        return _m("regexpExtract")(self, regex, extract_index)

    # types and time
    cast = _m("cast")
    try_cast = _m("tryCast")
    to_date = _prop("toDate")
    to_time = _prop("toTime")
    to_timestamp = _prop("toTimestamp")
    extract = _m("extract")

    def floor_to(self, time_interval_unit):
        return _m("floor")(self, time_interval_unit)

    def ceil_to(self, time_interval_unit):
        return _m("ceil")(self, time_interval_unit)

    year = _prop("year")
    years = _prop("years")
    quarter = _prop("quarter")
    quarters = _prop("quarters")
    month = _prop("month")
    months = _prop("months")
    week = _prop("week")
    weeks = _prop("weeks")
    day = _prop("day")
    days = _prop("days")
    hour = _prop("hour")
    hours = _prop("hours")
    minute = _prop("minute")
    minutes = _prop("minutes")
    second = _prop("second")
    seconds = _prop("seconds")
    milli = _prop("milli")
    millis = _prop("millis")
    rows = _prop("rows")

    # windows
    start = _prop("start")
    end = _prop("end")
    rowtime = _prop("rowtime")
    proctime = _prop("proctime")
    over = _m("over")

    # aggregates
    distinct = _prop("distinct")
    sum = _prop("sum")
    sum0 = _prop("sum0")
    min = _prop("min")
    max = _prop("max")
    count = _prop("count")
    avg = _prop("avg")
    first_value = _prop("firstValue")
    last_value = _prop("lastValue")
    stddev_pop = _prop("stddevPop")
    stddev_samp = _prop("stddevSamp")
    var_pop = _prop("varPop")
    var_samp = _prop("varSamp")

    collect = _prop("collect")

    def list_agg(self, separator=None):
        return _m("listAgg")(self) if separator is None else _m("listAgg")(self, separator)

    # composite values
    def get(self, name_or_index):
        """A field of a ROW value, by name or by position counted from 0."""
        if isinstance(name_or_index, bool) or not isinstance(name_or_index, (str, int)):
            raise TypeError("get takes a field name or a field index, not %r" % (name_or_index,))
        return _m("get")(self, name_or_index)

    at = _m("at")
    cardinality = _prop("cardinality")

    @property
    def flatten(self):
        raise NotImplementedError("not supported yet: Expression.flatten (write the fields with get(...))")


def _summary(j):
    if "col" in j:
        return j["col"]
    if "lit" in j:
        return repr(j["lit"])
    if "m" in j:
        return "%s(%s)" % (j["m"], ", ".join([_summary(j["on"]) if isinstance(j["on"], dict) else repr(j["on"])]
                                            + [_summary(a) if isinstance(a, dict) else repr(a)
                                               for a in j.get("args", [])]))
    if "s" in j:
        return "%s(%s)" % (j["s"], ", ".join(_summary(a) if isinstance(a, dict) else repr(a)
                                             for a in j.get("args", [])))
    if "call" in j:
        return j["call"]
    return str(j)
