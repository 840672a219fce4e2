"""The Table API (PyFlink's ``Table`` and its grouped and windowed forms), backed by the engine's Java Table API
so a Python program plans exactly as the equivalent SQL."""

from sluice.java_gateway import get_gateway
from sluice.table._java_object import JavaObject, wrap
from sluice.table.columns import Columns
from sluice.table.expression import Expression
from sluice.table.table_schema import TableSchema

__all__ = ['Table', 'GroupedTable', 'GroupWindowedTable', 'WindowGroupedTable', 'OverWindowedTable',
           'AggregatedTable', 'TablePipeline']


class _TableLike(JavaObject):
    def __init__(self, handle, t_env):
        super().__init__(handle)
        self._t_env = t_env

    def _call(self, method, *args):
        return wrap(self._invoke(method, *args), self._t_env)


def _function_call(func, table, method):
    """The call expression of ``map``'s, ``flat_map``'s or ``join_lateral``'s argument: a call such as
    ``split(col('line')).alias('word')``, or a ``udf``/``udtf`` function itself (optionally with ``.alias``), which
    takes all the columns of ``table`` as one ``Row`` (as in PyFlink)."""
    if isinstance(func, Expression):
        return func
    from sluice.table.udf import UserDefinedFunctionWrapper
    if isinstance(func, UserDefinedFunctionWrapper):
        return _aggregate_call(func, table, method)
    raise TypeError("%s takes a Python function or its call, not %r" % (method, func))


def _aggregate_call(func, table, method):
    """The call expression of ``aggregate``'s or ``flat_aggregate``'s argument: a call such as
    ``top2(col('v')).alias('v', 'rank')``, or a ``udaf``/``udtaf`` function itself (optionally with ``.alias``),
    which takes all the columns of ``table`` as one argument (as in PyFlink)."""
    if isinstance(func, Expression):
        return func
    if isinstance(func, str):
        raise TypeError("%s takes an Expression such as top2(col('v')); string expressions were removed in "
                        "PyFlink 2.x" % method)
    if callable(func) and hasattr(func, "_packed"):
        from sluice.table.expressions import col
        if table is None:
            raise TypeError("%s takes a call such as top2(col('v')) here" % method)
        schema = table.get_schema()
        names = schema.get_field_names()
        packed = func._packed(names, [t.sql() for t in schema.get_field_data_types()])
        call = packed(*[col(n) for n in names])
        return call.alias(*func._alias_names) if func._alias_names else call
    raise TypeError("%s takes a table aggregate function call, not %r" % (method, func))


def _row_field_names(sql_type):
    """The field names of a ROW type's text (``ROW<`a` BIGINT, `b` STRING>``), or None for another type."""
    text = sql_type.strip()
    if text.endswith(" NOT NULL"):
        text = text[:-len(" NOT NULL")]
    if not (text.upper().startswith("ROW<") and text.endswith(">")):
        return None
    body, names, depth, start, quoted = text[4:-1], [], 0, 0, False
    for i, ch in enumerate(body + ","):
        if ch == "`":
            quoted = not quoted
        elif not quoted and ch in "<(":
            depth += 1
        elif not quoted and ch in ">)":
            depth -= 1
        elif not quoted and depth == 0 and ch == ",":
            field = body[start:i].strip()
            if field.startswith("`"):
                end = field.index("`", 1)
                while field[end + 1:end + 2] == "`":
                    end = field.index("`", end + 2)
                names.append(field[1:end].replace("``", "`"))
            elif field:
                names.append(field.split()[0])
            start = i + 1
    return names


class _RowAggregatedTable(object):
    """The result of ``aggregate`` with a function whose result is a ROW: the keys and one column per field,
    named by ``alias`` (or by the row's field names); ``select`` picks from them."""

    def __init__(self, expanded):
        self._expanded = expanded

    def select(self, *fields):
        _check_expressions(fields, "select")
        return self._expanded.select(*fields)


def _row_aggregate(grouped, keys, call, method):
    """``aggregate`` of a function with a ROW result (one column per field), computed as the aggregation of the
    row followed by a projection of its fields; None when the result is not a ROW (the engine then handles it)."""
    from sluice.table.expressions import col
    from sluice.util.exceptions import ValidationException
    j = call._j
    inner, names = (Expression(j["on"]), list(j["args"])) if j.get("m") == "as" else (call, [])
    if len(names) == 1:
        return None
    aggregated = grouped._call("select", *(list(keys) + [inner.alias("$agg")]))
    schema = aggregated.get_schema()
    fields = _row_field_names(schema.get_field_data_type("$agg").sql())
    if fields is None:
        if names:
            raise ValidationException("%s names %d columns %s but the function returns one value of type %s; a function "
                            "returning several columns has a ROW result type"
                            % (method, len(names), names, schema.get_field_data_type("$agg").sql()))
        return None
    if names and len(names) != len(fields):
        raise ValidationException("%s names %d columns %s but the function returns a ROW of %d fields %s"
                        % (method, len(names), names, len(fields), fields))
    key_names = schema.get_field_names()[:-1]
    projection = [col(k) for k in key_names] + [col("$agg").get(f).alias(n)
                                                for f, n in zip(fields, names or fields)]
    return _RowAggregatedTable(aggregated.select(*projection))


def _check_expressions(args, method):
    for a in args:
        if isinstance(a, str):
            raise TypeError("%s takes Expressions such as col('%s'); string expressions were removed in PyFlink 2.x"
                            % (method, a))


class Table(_TableLike):
    """A table: a pipeline of relational operations, planned when it is executed.

    Example::

        >>> tab = t_env.from_elements([(1, 'Hi'), (2, 'Hello')], ['a', 'b'])
        >>> tab.select(col('a') + 1, col('b')).filter(col('a') > 1).execute().print()
    """

    def __getattr__(self, name):
        """``table.a``: the column ``a`` as an expression, as in PyFlink (``t.group_by(t.c).select(t.a)``)."""
        if name.startswith("_"):
            raise AttributeError(name)
        names = self.get_schema().get_field_names()
        if name not in names:
            raise AttributeError("The current table has no column named '%s', available columns: [%s]"
                                 % (name, ", ".join(names)))
        from sluice.table.expressions import col
        return col(name)

    def select(self, *fields):
        _check_expressions(fields, "select")
        return self._call("select", *fields)

    def alias(self, field, *fields):
        return self._call("as", field, *fields)

    def filter(self, predicate):
        return self._call("filter", predicate)

    def where(self, predicate):
        return self._call("where", predicate)

    def group_by(self, *fields):
        _check_expressions(fields, "group_by")
        grouped = self._call("groupBy", *fields)
        grouped._source = self
        grouped._keys = list(fields)
        return grouped

    def distinct(self):
        return self._call("distinct")

    def join(self, right, join_predicate=None):
        if join_predicate is None:
            return self._call("join", right)
        return self._call("join", right, join_predicate)

    def left_outer_join(self, right, join_predicate=None):
        if join_predicate is None:
            return self._call("leftOuterJoin", right)
        return self._call("leftOuterJoin", right, join_predicate)

    def right_outer_join(self, right, join_predicate):
        return self._call("rightOuterJoin", right, join_predicate)

    def full_outer_join(self, right, join_predicate):
        return self._call("fullOuterJoin", right, join_predicate)

    def join_lateral(self, table_function_call, join_predicate=None):
        table_function_call = _function_call(table_function_call, self, "join_lateral")
        if join_predicate is None:
            return self._call("joinLateral", table_function_call)
        return self._call("joinLateral", table_function_call, join_predicate)

    def left_outer_join_lateral(self, table_function_call, join_predicate=None):
        table_function_call = _function_call(table_function_call, self, "left_outer_join_lateral")
        if join_predicate is None:
            return self._call("leftOuterJoinLateral", table_function_call)
        return self._call("leftOuterJoinLateral", table_function_call, join_predicate)

    def minus(self, right):
        return self._call("minus", right)

    def minus_all(self, right):
        return self._call("minusAll", right)

    def union(self, right):
        return self._call("union", right)

    def union_all(self, right):
        return self._call("unionAll", right)

    def intersect(self, right):
        return self._call("intersect", right)

    def intersect_all(self, right):
        return self._call("intersectAll", right)

    def order_by(self, *fields):
        _check_expressions(fields, "order_by")
        return self._call("orderBy", *fields)

    def offset(self, offset):
        return self._call("offset", offset)

    def fetch(self, fetch):
        return self._call("fetch", fetch)

    def limit(self, fetch, offset=0):
        if offset:
            return self.offset(offset).fetch(fetch)
        return self._call("limit", fetch)

    def window(self, window):
        """A group window (``Tumble``/``Slide``/``Session`` ... ``.alias('w')``) or an over window."""
        windowed = self._call("window", window)
        windowed._source = self
        return windowed

    def over_window(self, *over_windows):
        return self._call("window", *over_windows)

    def add_columns(self, *fields):
        return self._call("addColumns", *fields)

    def add_or_replace_columns(self, *fields):
        return self._call("addOrReplaceColumns", *fields)

    def rename_columns(self, *fields):
        return self._call("renameColumns", *fields)

    def drop_columns(self, *fields):
        return self._call("dropColumns", *fields)

    def map(self, func):
        """A scalar function applied to every row: ``map(f(col('a'), col('b')))``, or ``map(f)`` with every column
        as one ``Row`` argument (a ``pandas.DataFrame`` for a pandas function); a ROW result becomes columns."""
        return self._call("map", _function_call(func, self, "map"))

    def flat_map(self, func):
        """A table function applied to every row: ``flat_map(split(col('line')))``, or ``flat_map(split)`` with every
        column as one ``Row`` argument."""
        return self._call("flatMap", _function_call(func, self, "flat_map"))

    def aggregate(self, func):
        """Aggregates the whole table with an aggregate function whose result may be a ROW, one column per field:
        ``aggregate(f(col('a')).alias('x', 'y'))``, or ``aggregate(f.alias('x', 'y'))`` with every column as one
        ``Row`` argument (a ``pandas.DataFrame`` for a pandas function); follow it with ``select``."""
        call = _aggregate_call(func, self, "aggregate")
        return _row_aggregate(self, [], call, "aggregate") or self._call("aggregate", call)

    def flat_aggregate(self, func):
        """Applies a table aggregate function (``udtaf``) to the whole table: ``flat_aggregate(top2(col('v'))
        .alias('v', 'rank'))``, or ``flat_aggregate(top2)`` with every column as argument; follow it with ``select``.
        In streaming mode a change retracts (``-D``) the rows emitted before."""
        return self._call("flatAggregate", _aggregate_call(func, self, "flat_aggregate"))

    def to_pandas(self):
        """Executes the table and returns its rows as a ``pandas.DataFrame`` (a changelog is applied first, so
        the frame is the final table). Integer columns with NULLs become floats with NaN, as pandas does."""
        import pandas  # noqa: F401  (fail early without pandas)
        batch = not self._t_env._settings.is_streaming_mode()
        value, _, buffers = get_gateway().request("to_pandas", h=self._j_handle, env=self._t_env._j_handle,
                                                  batch=batch)
        return Columns(value, buffers).to_pandas()

    def get_schema(self):
        value, _, _ = get_gateway().request("schema", h=self._j_handle)
        return TableSchema._from_reply(value)

    def get_resolved_schema(self):
        return self.get_schema()

    def print_schema(self):
        print(str(self.get_schema()))

    def execute_insert(self, table_path_or_descriptor, overwrite=False):
        """Writes this table into the table at a path, or into a new anonymous table a ``TableDescriptor``
        describes; ``overwrite`` as SQL's ``INSERT OVERWRITE`` (batch mode)."""
        return self._call("executeInsert", table_path_or_descriptor, bool(overwrite))

    def insert_into(self, table_path_or_descriptor, overwrite=False):
        """A pipeline writing this table into the table at a path or into a new anonymous table a
        ``TableDescriptor`` describes; ``overwrite`` as SQL's ``INSERT OVERWRITE`` (batch mode)."""
        return self._call("insertInto", table_path_or_descriptor, bool(overwrite))

    def execute(self):
        return self._call("execute")

    def explain(self, *extra_details):
        return self._invoke("explain", *extra_details)

    def __str__(self):
        """The name under which the table can be used in SQL text (it registers itself, as in PyFlink)."""
        return self._invoke("toString")


class GroupedTable(_TableLike):
    """A table grouped by keys; ``select`` aggregates per group."""

    _source = None
    _keys = ()

    def select(self, *fields):
        _check_expressions(fields, "select")
        return self._call("select", *fields)

    def aggregate(self, func):
        """An aggregate function per group, ``aggregate(f(col('a')).alias('x', 'y'))`` or ``aggregate(f.alias(
        'x', 'y'))`` with every column as one argument; the result has the keys and the function's columns."""
        call = _aggregate_call(func, self._source, "aggregate")
        return _row_aggregate(self, self._keys, call, "aggregate") or self._call("aggregate", call)

    def flat_aggregate(self, func):
        """Applies a table aggregate function (``udtaf``) per group: the result has the group keys followed by the
        function's columns; ``flat_aggregate(top2)`` passes every column of the table as arguments."""
        return self._call("flatAggregate", _aggregate_call(func, self._source, "flat_aggregate"))


class GroupWindowedTable(_TableLike):
    """A table with a group window; ``group_by`` must name the window alias."""

    _source = None

    def group_by(self, *fields):
        _check_expressions(fields, "group_by")
        grouped = self._call("groupBy", *fields)
        grouped._source = self._source
        return grouped


class WindowGroupedTable(_TableLike):
    """A table grouped by a group window and keys: ``select``, ``aggregate`` and ``flat_aggregate`` compute per
    window and key, and may use the window's ``start``, ``end`` and ``rowtime`` (``col('w').start``)."""

    _source = None

    def select(self, *fields):
        _check_expressions(fields, "select")
        return self._call("select", *fields)

    def aggregate(self, func):
        """An aggregate function per window and key, ``aggregate(f(col('v')).alias('x'))`` (a Python ``udaf``,
        general or pandas, or a registered function); follow it with ``select`` of the keys, the result columns
        and the window properties."""
        return self._call("aggregate", _aggregate_call(func, self._source, "aggregate"))

    def flat_aggregate(self, func):
        """A table aggregate function (``udtaf``) per window and key: the result has the keys, the function's
        columns and the window properties for a following ``select``; ``flat_aggregate(top2)`` passes every
        column of the table as arguments."""
        return self._call("flatAggregate", _aggregate_call(func, self._source, "flat_aggregate"))


class OverWindowedTable(_TableLike):
    def select(self, *fields):
        _check_expressions(fields, "select")
        return self._call("select", *fields)


class AggregatedTable(_TableLike):
    def select(self, *fields):
        return self._call("select", *fields)


class TablePipeline(_TableLike):
    def execute(self):
        return self._call("execute")

    def explain(self, *extra_details):
        return self._invoke("explain", *extra_details)
