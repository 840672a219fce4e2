"""Python user-defined functions (PyFlink's ``pyflink.table.udf``).

``@udf(result_type=...)`` makes a scalar function called once per row; ``@udf(..., func_type="pandas")`` makes a
vectorized function that receives and returns ``pandas.Series``. Both are usable from SQL (after
``create_temporary_system_function``) and from the Table API (``my_udf(col('a'))`` or ``call(my_udf, ...)``).
``@udtf(result_types=[...])`` makes a table function for ``join_lateral`` and SQL's ``LATERAL TABLE(...)``;
``udaf`` an aggregate function, ``udtaf`` a table aggregate function for ``flat_aggregate``. The
function is shipped with cloudpickle to Python worker processes that the engine starts; an exception inside it fails
the job with the Python traceback in the error message.
"""

import inspect

from sluice.table.expression import Expression, to_arg
from sluice.table.types import DataType, DataTypes, RowType

__all__ = ['FunctionContext', 'UserDefinedFunction', 'ScalarFunction', 'TableFunction', 'AggregateFunction',
           'TableAggregateFunction', 'udf', 'udtf', 'udaf', 'udtaf', 'UserDefinedFunctionWrapper',
           'TableFunctionWrapper', 'AggregateFunctionWrapper', 'TableAggregateFunctionWrapper']



class FunctionContext(object):
    """What ``open()`` of a function receives: job parameters (the session's options and
    ``pipeline.global-job-parameters``) and the metric group of the operator instance running the function."""

    def __init__(self, job_parameters=None, metric_group=None):
        self._job_parameters = dict(job_parameters or {})
        self._metric_group = metric_group

    def get_job_parameter(self, key, default_value):
        return self._job_parameters.get(key, default_value)

    def get_metric_group(self):
        """A :class:`sluice.metrics.MetricGroup`: counters, gauges, meters and distributions registered there are
        metrics of the operator instance that runs the function."""
        if self._metric_group is None:
            from sluice.metrics import MetricGroup
            self._metric_group = MetricGroup()
        return self._metric_group


class UserDefinedFunction(object):
    """Base class of user-defined functions with ``open``/``close`` life-cycle methods."""

    def open(self, function_context):
        pass

    def close(self):
        pass

    def is_deterministic(self):
        return True


class ScalarFunction(UserDefinedFunction):
    """A scalar function: subclasses define ``eval(self, *args)``."""

    def eval(self, *args):
        raise NotImplementedError("ScalarFunction.eval must be overridden")


class TableFunction(UserDefinedFunction):
    """A table function: subclasses define ``eval(self, *args)`` returning or yielding rows."""

    def eval(self, *args):
        raise NotImplementedError("TableFunction.eval must be overridden")


class AggregateFunction(UserDefinedFunction):
    """An aggregate function: ``create_accumulator``, ``accumulate(acc, *args)``, ``retract(acc, *args)`` (for
    updating input), ``get_value(acc)``; ``get_result_type`` gives the result type when ``udaf`` has none."""

    def create_accumulator(self):
        raise NotImplementedError("AggregateFunction.create_accumulator must be overridden")

    def accumulate(self, accumulator, *args):
        raise NotImplementedError("AggregateFunction.accumulate must be overridden")

    def retract(self, accumulator, *args):
        raise NotImplementedError("not supported yet: retract of this aggregate function")

    def get_value(self, accumulator):
        raise NotImplementedError("AggregateFunction.get_value must be overridden")

    def get_result_type(self):
        return None

    def get_accumulator_type(self):
        return None


class TableAggregateFunction(UserDefinedFunction):
    """A table aggregate function (``flat_aggregate``): ``create_accumulator``, ``accumulate(acc, *args)``,
    ``retract(acc, *args)`` (for updating input) and ``emit_value(acc)``, which returns or yields the group's rows
    (``Row``s, tuples, or single values for one column); ``get_result_type`` gives the row type when ``udtaf`` has
    none."""

    def create_accumulator(self):
        raise NotImplementedError("TableAggregateFunction.create_accumulator must be overridden")

    def accumulate(self, accumulator, *args):
        raise NotImplementedError("TableAggregateFunction.accumulate must be overridden")

    def retract(self, accumulator, *args):
        raise NotImplementedError("not supported yet: retract of this table aggregate function")

    def emit_value(self, accumulator):
        raise NotImplementedError("TableAggregateFunction.emit_value must be overridden")

    def get_result_type(self):
        return None

    def get_accumulator_type(self):
        return None


def _sql_type(t, what):
    if t is None:
        raise TypeError("%s is required for a Python function" % what)
    if isinstance(t, DataType):
        return t.sql()
    if isinstance(t, str):
        return t
    raise TypeError("%s must be a DataType or SQL type text, not %r" % (what, t))


class UserDefinedFunctionWrapper(object):
    """A Python function with its SQL types; calling it with expressions makes a Table API call expression."""

    _kind = "scalar"
    _row_fields = None  # the column names when the function takes every column of a table as one argument
    _alias_names = None  # the result column names given with alias()

    def __init__(self, func, input_types, result_type, func_type, deterministic, name):
        if func_type not in ("general", "pandas"):
            raise ValueError("func_type must be 'general' or 'pandas', not %r" % (func_type,))
        self._func = func
        self._input_types = None if input_types is None else [
            _sql_type(t, "input_types") for t in (input_types if isinstance(input_types, (list, tuple))
                                                  else [input_types])]
        self._result_type = _sql_type(result_type, "result_type")
        self._func_type = func_type
        self._deterministic = deterministic if deterministic is not None else (
            func.is_deterministic() if isinstance(func, UserDefinedFunction) else True)
        self._name = name or getattr(func, "__name__", None) or type(func).__name__
        self._handles = {}

    def _arity(self):
        if self._row_fields is not None:
            return len(self._row_fields)
        target = self._func.eval if isinstance(self._func, UserDefinedFunction) else self._func
        try:
            params = inspect.signature(target).parameters.values()
        except (TypeError, ValueError):
            return -1
        if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
            return -1
        return len([p for p in params if p.default is p.empty])

    def _payload(self):
        import cloudpickle
        return cloudpickle.dumps({"func": self._func, "func_type": self._func_type, "name": self._name,
                                  "result_type": self._result_type, "kind": self._kind,
                                  "row_fields": self._row_fields})

    def alias(self, *names):
        """Names the result columns when the function itself is passed to ``map``, ``flat_map``, ``join_lateral``,
        ``aggregate`` or ``flat_aggregate`` (it then takes every column of the table as one ``Row``):
        ``flat_map(split.alias('word'))``."""
        copy = self._copy()
        copy._alias_names = list(names)
        return copy

    def _copy(self):
        import copy
        c = copy.copy(self)
        c._handles = {}
        return c

    def _packed(self, field_names, field_types):
        """This function taking every column of a table as one argument (PyFlink's ``map(f)``, ``aggregate(f)``,
        ...): the engine passes the columns, the worker packs them into a named ``Row`` (a ``pandas.DataFrame`` for
        a pandas function)."""
        c = self._copy()
        c._row_fields = list(field_names)
        c._input_types = list(field_types)
        return c

    def _request_fields(self, gateway, name, arity=None):
        return dict(name=name, result_type=self._result_type, input_types=self._input_types,
                    arity=self._arity() if arity is None else arity,
                    python=gateway.python_executable, python_path=gateway.python_path,
                    deterministic=self._deterministic, func_type=self._func_type, kind=self._kind)

    def _register(self, env_handle, name, temporary=False):
        from sluice.java_gateway import get_gateway
        gateway = get_gateway()
        fields = self._request_fields(gateway, name)
        fields["temporary"] = temporary
        gateway.request("register_function", buffers=[self._payload()], env=env_handle, **fields)

    def _instance(self, call_arity=None):
        """A handle to an engine-side instance of this function, for inline Table API calls. A function of
        variable arguments (``*args``) without ``input_types`` gets one instance per number of arguments it is
        called with."""
        arity = None
        if self._input_types is None and call_arity is not None and self._arity() < 0:
            arity = call_arity
        if arity not in self._handles:
            from sluice.java_gateway import get_gateway
            gateway = get_gateway()
            value, _, _ = gateway.request("make_function", buffers=[self._payload()],
                                          **self._request_fields(gateway, self._name, arity))
            self._handles[arity] = value["h"]
        return self._handles[arity]

    def __call__(self, *args):
        return Expression({"s": "call", "args": [{"h": self._instance(len(args))}] + [to_arg(a) for a in args]})


def udf(f=None, input_types=None, result_type=None, deterministic=None, name=None, func_type="general",
        udf_type=None):
    """Makes a Python scalar function; use as ``udf(f, result_type=...)`` or as a decorator ``@udf(...)``."""
    if udf_type is not None:
        func_type = udf_type
    if f is None:
        return lambda g: UserDefinedFunctionWrapper(g, input_types, result_type, func_type, deterministic, name)
    return UserDefinedFunctionWrapper(f, input_types, result_type, func_type, deterministic, name)


class TableFunctionWrapper(UserDefinedFunctionWrapper):
    """A Python table function: for each input row it returns (or yields) any number of rows."""

    _kind = "table"

    def __init__(self, func, input_types, result_types, func_type, deterministic, name):
        if func_type != "general":
            raise NotImplementedError("not supported yet: vectorized (pandas) Python table functions")
        if result_types is None:
            raise TypeError("result_types is required for a Python table function")
        if isinstance(result_types, RowType):
            row = "ROW<%s>" % ", ".join("`%s` %s" % (f.name, f.data_type.sql()) for f in result_types.fields)
        else:
            types = result_types if isinstance(result_types, (list, tuple)) else [result_types]
            row = "ROW<%s>" % ", ".join("`f%d` %s" % (i, _sql_type(t, "result_types")) for i, t in enumerate(types))
        super().__init__(func, input_types, DataTypes.STRING(), func_type, deterministic, name)
        self._result_type = row


def udtf(f=None, input_types=None, result_types=None, deterministic=None, name=None, func_type="general"):
    """Makes a Python table function; ``udtf(f, result_types=[...])`` or the decorator ``@udtf(result_types=...)``.
    The function returns or yields rows (tuples, lists, ``Row``s, or single values for one column)."""
    if f is None:
        return lambda g: TableFunctionWrapper(g, input_types, result_types, func_type, deterministic, name)
    return TableFunctionWrapper(f, input_types, result_types, func_type, deterministic, name)


class AggregateFunctionWrapper(UserDefinedFunctionWrapper):
    """A Python aggregate function: an ``AggregateFunction`` (``create_accumulator``, ``accumulate``, ``retract``,
    ``get_value``) or, with ``func_type="pandas"``, a function of ``pandas.Series`` returning one value."""

    _kind = "aggregate"

    def __init__(self, func, input_types, result_type, func_type, deterministic, name):
        if result_type is None and isinstance(func, AggregateFunction):
            result_type = func.get_result_type()
        super().__init__(func, input_types, result_type, func_type, deterministic, name)

    def _arity(self):
        if isinstance(self._func, (AggregateFunction, TableAggregateFunction)):
            try:
                params = list(inspect.signature(self._func.accumulate).parameters.values())[1:]
            except (TypeError, ValueError):
                return -1
            if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
                return -1
            return len(params)
        return super()._arity()


def udaf(f=None, input_types=None, result_type=None, accumulator_type=None, deterministic=None, name=None,
         func_type="general"):
    """Makes a Python aggregate function for ``group_by(...).select`` and SQL's ``GROUP BY``."""
    if f is None:
        return lambda g: AggregateFunctionWrapper(g, input_types, result_type, func_type, deterministic, name)
    return AggregateFunctionWrapper(f, input_types, result_type, func_type, deterministic, name)


class TableAggregateFunctionWrapper(AggregateFunctionWrapper):
    """A Python table aggregate function: a ``TableAggregateFunction`` whose ``emit_value`` gives each group's rows.
    Its result type is a ROW type (or one type: a single column ``f0``)."""

    _kind = "table_aggregate"

    def __init__(self, func, input_types, result_type, func_type, deterministic, name):
        if func_type != "general":
            # as PyFlink: table aggregate functions are row-based only
            raise ValueError("The func_type must be 'general', got %s." % func_type)
        if not isinstance(func, TableAggregateFunction):
            raise TypeError("udtaf takes a TableAggregateFunction instance, not %r" % (func,))
        if result_type is None:
            result_type = func.get_result_type()
        if result_type is None:
            raise TypeError("result_type is required for a Python table aggregate function (udtaf(f, result_type="
                            "DataTypes.ROW([...])) or get_result_type())")
        if isinstance(result_type, RowType):
            row = "ROW<%s>" % ", ".join("`%s` %s" % (f.name, f.data_type.sql()) for f in result_type.fields)
        else:
            row = _sql_type(result_type, "result_type")
            if not row.upper().startswith("ROW"):
                row = "ROW<`f0` %s>" % row
        super().__init__(func, input_types, DataTypes.STRING(), func_type, deterministic, name)
        self._result_type = row


def udtaf(f=None, input_types=None, result_type=None, accumulator_type=None, deterministic=None, name=None,
          func_type="general"):
    """Makes a Python table aggregate function for ``flat_aggregate``; ``udtaf(Top2(), result_type=...)`` or the
    decorator ``@udtaf(result_type=...)`` on a ``TableAggregateFunction`` class instance."""
    if f is None:
        return lambda g: TableAggregateFunctionWrapper(g, input_types, result_type, func_type, deterministic, name)
    return TableAggregateFunctionWrapper(f, input_types, result_type, func_type, deterministic, name)
