"""Expressions of the Table API (PyFlink's ``Expression``): trees the engine rebuilds as Java API expressions."""

import datetime
import decimal
from enum import Enum

__all__ = ['Expression', 'TimeIntervalUnit', 'TimePointUnit', 'JsonType', 'JsonExistsOnError',
           'JsonValueOnEmptyOrError', 'JsonQueryWrapper', 'JsonQueryOnEmptyOrError', 'JsonOnNull', 'to_arg']


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


class JsonType(Enum):
    """What ``is_json`` accepts: any JSON value, a scalar, an array or an object."""
    VALUE = 0
    SCALAR = 1
    ARRAY = 2
    OBJECT = 3


class JsonExistsOnError(Enum):
    """The result of ``json_exists`` when the path raises an error."""
    TRUE = 0
    FALSE = 1
    UNKNOWN = 2
    ERROR = 3


class JsonValueOnEmptyOrError(Enum):
    """What ``json_value`` gives for an empty path result or an error: NULL, an error, or a default value."""
    NULL = 0
    ERROR = 1
    DEFAULT = 2


class JsonQueryWrapper(Enum):
    """Whether ``json_query`` wraps its result into an array."""
    WITHOUT_ARRAY = 0
    CONDITIONAL_ARRAY = 1
    UNCONDITIONAL_ARRAY = 2


class JsonQueryOnEmptyOrError(Enum):
    """What ``json_query`` gives for an empty path result or an error."""
    NULL = 0
    EMPTY_ARRAY = 1
    EMPTY_OBJECT = 2
    ERROR = 3


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


def _f(sql_name, prop=False):
    """A SQL built-in function called with this expression as its first argument (``col('s').starts_with('a')`` is
    ``STARTSWITH(s, 'a')``)."""
    def op(self, *args):
        return Expression({"s": "call", "args": [sql_name, self._j] + [to_arg(a) for a in args]})
    op.__name__ = sql_name.lower()
    return property(op) if prop else op


def _given(*args):
    """The arguments up to the first optional one left out (None)."""
    out = []
    for a in args:
        if a is None:
            break
        out.append(a)
    return out


def _template(template, *args):
    """An expression of SQL text whose ``$i`` stand for the arguments (the engine renders them)."""
    return Expression({"tpl": template, "args": [to_arg(a) for a in args]})


def _engine_lacks(name, sql):
    def op(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: Expression.%s (the engine has no %s function)" % (name, sql))
    op.__name__ = name
    return op


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

    def __abs__(self):
        return self.abs

    def __getattr__(self, name):
        """``col('r').name``: the field ``name`` of a ROW value, as ``get(name)``."""
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get(name)

    def __getitem__(self, index):
        """``col('a')[1]``: an element of an ARRAY (counted from 1) or the value of a MAP key, as ``at(index)``."""
        return self.at(index)

    def __iter__(self):
        # without this, Python would iterate over __getitem__(0), __getitem__(1), ... without end
        raise TypeError("A Table API expression is not iterable")

    def __bool__(self):
        raise TypeError("A Table API expression has no truth value; use & | ~ instead of and/or/not")

    # naming and ordering
    def alias(self, name, *extra_names):
        return Expression({"m": "as", "on": self._j, "args": [name] + list(extra_names)})

    asc = _prop("asc")
    desc = _prop("desc")

    # NULLs before (after) every value: ascending unless already .asc/.desc (SQL's NULLS FIRST/LAST)
    nulls_first = _prop("nullsFirst")
    nulls_last = _prop("nullsLast")

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
    def ltrim(self, trim_str=None):
        """This string without the leading characters of ``trim_str`` (whitespace by default)."""
        return _f("LTRIM")(self, *_given(trim_str))

    def rtrim(self, trim_str=None):
        """This string without the trailing characters of ``trim_str`` (whitespace by default)."""
        return _f("RTRIM")(self, *_given(trim_str))
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
    sha224 = _f("SHA224", prop=True)
    sha384 = _f("SHA384", prop=True)
    sha512 = _f("SHA512", prop=True)
    sha2 = _f("SHA2")
    unhex = _f("UNHEX", prop=True)
    starts_with = _f("STARTSWITH")
    ends_with = _f("ENDSWITH")
    translate = _f("TRANSLATE")
    regexp_count = _f("REGEXP_COUNT")
    regexp_instr = _f("REGEXP_INSTR")
    regexp_substr = _f("REGEXP_SUBSTR")
    decode = _f("DECODE")
    encode = _f("ENCODE")
    instr = _f("INSTR")
    url_decode = _f("URL_DECODE")
    url_encode = _f("URL_ENCODE")
    printf = _f("PRINTF")
    split = _f("SPLIT")

    def concat(self, other):
        """This string followed by ``other``."""
        return Expression({"s": "concat", "args": [self._j, to_arg(other)]})

    def regexp_extract_all(self, regex, extract_index=None):
        """Every substring matching ``regex``, the group ``extract_index`` (default 1) of each match."""
        return _f("REGEXP_EXTRACT_ALL")(self, *_given(regex, extract_index))

    def locate(self, s, pos=None):
        """The position (from 1) of this string in ``s`` (searching from ``pos``), 0 when absent."""
        return _f("LOCATE")(self, *_given(s, pos))

    def parse_url(self, part_to_extract, key=None):
        """A part of this URL (``'HOST'``, ``'PATH'``, ``'QUERY'``, ...; with ``key`` one query parameter)."""
        return _f("PARSE_URL")(self, *_given(part_to_extract, key))

    def btrim(self, trim_str=None):
        """This string without the leading and trailing characters of ``trim_str`` (whitespace by default)."""
        return _f("BTRIM")(self, *_given(trim_str))

    def str_to_map(self, list_delimiter=None, key_value_delimiter=None):
        """A MAP of the key/value pairs of this string (pairs split by ``list_delimiter``, ',' by default; key from
        value by ``key_value_delimiter``, '=' by default)."""
        if list_delimiter is None or key_value_delimiter is None:
            return _f("STR_TO_MAP")(self)
        return _f("STR_TO_MAP")(self, list_delimiter, key_value_delimiter)

    def elt(self, expr, *exprs):
        """Of the expressions after it, the one this index (from 1) names; NULL when out of range."""
        return _f("ELT")(self, expr, *exprs)

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

    def floor(self, time_interval_unit=None):
        """The largest integer not above this number, or with a ``TimeIntervalUnit`` this time point rounded down
        to the unit."""
        if time_interval_unit is None:
            return _m("floor")(self)
        return _m("floor")(self, time_interval_unit)

    def ceil(self, time_interval_unit=None):
        """The smallest integer not below this number, or with a ``TimeIntervalUnit`` this time point rounded up
        to the unit."""
        if time_interval_unit is None:
            return _m("ceil")(self)
        return _m("ceil")(self, time_interval_unit)

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
    array_agg = _prop("arrayAgg")

    def percentile(self, percentage, frequency=None):
        """The exact percentile (linear interpolation) of this value at ``percentage`` (0.0 to 1.0, or an array of
        them), each row counted ``frequency`` times (default 1)."""
        return _f("PERCENTILE")(self, *_given(percentage, frequency))

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
    element = _f("ELEMENT", prop=True)
    flatten = _prop("flatten")

    # arrays and maps
    array_append = _f("ARRAY_APPEND")
    array_contains = _f("ARRAY_CONTAINS")
    array_distinct = _f("ARRAY_DISTINCT")
    array_position = _f("ARRAY_POSITION")
    array_prepend = _f("ARRAY_PREPEND")
    array_remove = _f("ARRAY_REMOVE")
    array_reverse = _f("ARRAY_REVERSE")
    array_union = _f("ARRAY_UNION")
    array_concat = _f("ARRAY_CONCAT")
    array_max = _f("ARRAY_MAX")
    array_min = _f("ARRAY_MIN")
    array_except = _f("ARRAY_EXCEPT")
    array_intersect = _f("ARRAY_INTERSECT")
    map_keys = _f("MAP_KEYS", prop=True)
    map_values = _f("MAP_VALUES", prop=True)
    map_entries = _f("MAP_ENTRIES", prop=True)
    map_union = _f("MAP_UNION")

    def array_slice(self, start_offset, end_offset=None):
        """The elements from ``start_offset`` to ``end_offset`` (inclusive, from 1; negative from the end)."""
        return _f("ARRAY_SLICE")(self, *_given(start_offset, end_offset))

    def array_sort(self, ascending_order=None, null_first=None):
        """The array sorted, ascending with NULLs first unless told otherwise."""
        if ascending_order is None and null_first is not None:
            ascending_order = True
        return _f("ARRAY_SORT")(self, *_given(ascending_order, null_first))

    def array_join(self, delimiter, null_replacement=None):
        """The string elements joined by ``delimiter``; NULL elements left out or replaced."""
        return _f("ARRAY_JOIN")(self, *_given(delimiter, null_replacement))

    # JSON
    json_quote = _f("JSON_QUOTE")
    json_unquote = _f("JSON_UNQUOTE")

    def is_json(self, json_type=None):
        """Whether this string is valid JSON (of ``json_type``: a ``JsonType``, any value by default)."""
        if json_type is None:
            return _template("$0 IS JSON", self)
        return _template("$0 IS JSON " + _enum(json_type, JsonType).name, self)

    def json_exists(self, path, on_error=None):
        """Whether the JSON string has a value at ``path``; ``on_error`` (a ``JsonExistsOnError``) is the result
        when the path raises an error."""
        if on_error is None:
            return _template("JSON_EXISTS($0, $1)", self, path)
        return _template("JSON_EXISTS($0, $1 %s ON ERROR)" % _enum(on_error, JsonExistsOnError).name, self, path)

    def json_value(self, path, returning_type=None, on_empty=JsonValueOnEmptyOrError.NULL, default_on_empty=None,
                   on_error=JsonValueOnEmptyOrError.NULL, default_on_error=None):
        """The scalar at ``path`` of the JSON string, as ``returning_type`` (STRING by default); ``on_empty`` and
        ``on_error`` (``JsonValueOnEmptyOrError``) choose NULL, an error or the given default."""
        args = [self, path]
        text = "JSON_VALUE($0, $1"
        if returning_type is not None:
            text += " RETURNING " + returning_type.sql()
        for behaviour, default, when in ((on_empty, default_on_empty, "EMPTY"), (on_error, default_on_error,
                                                                                   "ERROR")):
            behaviour = _enum(behaviour, JsonValueOnEmptyOrError)
            if behaviour is JsonValueOnEmptyOrError.DEFAULT:
                text += " DEFAULT $%d ON %s" % (len(args), when)
                args.append(default)
            else:
                text += " %s ON %s" % (behaviour.name, when)
        return _template(text + ")", *args)

    def json_query(self, path, wrapping_behavior=JsonQueryWrapper.WITHOUT_ARRAY,
                   on_empty=JsonQueryOnEmptyOrError.NULL, on_error=JsonQueryOnEmptyOrError.NULL):
        """The JSON value at ``path`` of the JSON string as a string, wrapped into an array as
        ``wrapping_behavior`` says; ``on_empty``/``on_error`` choose NULL, an empty array or object, or an error."""
        wrapper = {JsonQueryWrapper.WITHOUT_ARRAY: "WITHOUT ARRAY WRAPPER",
                   JsonQueryWrapper.CONDITIONAL_ARRAY: "WITH CONDITIONAL ARRAY WRAPPER",
                   JsonQueryWrapper.UNCONDITIONAL_ARRAY: "WITH UNCONDITIONAL ARRAY WRAPPER"}[
            _enum(wrapping_behavior, JsonQueryWrapper)]
        empty = _enum(on_empty, JsonQueryOnEmptyOrError).name.replace("_", " ")
        error = _enum(on_error, JsonQueryOnEmptyOrError).name.replace("_", " ")
        return _template("JSON_QUERY($0, $1 %s %s ON EMPTY %s ON ERROR)" % (wrapper, empty, error), self, path)

    inet_aton = _f("INET_ATON")
    inet_ntoa = _f("INET_NTOA")

    def object_update(self, *key_values):
        """The structured object (a ROW with named fields) with the named fields set to new values
        (``OBJECT_UPDATE``): ``col('user').object_update('name', 'Alice')``."""
        if not key_values or len(key_values) % 2:
            raise ValueError("object_update takes key/value pairs, not %d arguments" % len(key_values))
        return Expression({"s": "call", "args": ["OBJECT_UPDATE", self._j] + [to_arg(a) for a in key_values]})

    def as_argument(self, name):
        """This expression as the argument ``name`` of a user-defined function call (SQL's ``f(name => value)``)."""
        if not isinstance(name, str) or not name or "$" in name:
            raise ValueError("invalid argument name %r" % (name,))
        return _template("`%s` => $0" % name.replace("`", "``"), self)

    # not in the engine yet
    bitmap_build = _engine_lacks("bitmap_build", "BITMAP_BUILD")


def _enum(value, cls):
    if not isinstance(value, cls):
        raise TypeError("expected a %s, not %r" % (cls.__name__, value))
    return value


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
