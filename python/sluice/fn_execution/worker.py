"""A Python worker: runs one user-defined function for the engine.

The engine starts ``python -m sluice.fn_execution.worker`` and talks to it over stdin/stdout with length-prefixed
frames (see the gateway's PythonWorker and ValueCodec): ``I`` + the job parameters (int32 length, JSON) + the
cloudpickled function, then ``C`` + tagged
arguments per call. The accumulators of an aggregate function live in the worker under numbers the engine gives them
(see ``_Accumulators``): ``n``/``l``/``a``/``x``/``f`` create one, load one from its pickle, accumulate and retract a
row, and forget some (no answer: a failure is answered to the next frame that has one); ``v`` answers an
accumulator's value, ``w`` the rows a table aggregate function's ``emit_value`` gives (as a table function's), ``p``
its pickle. A DataStream function starts with ``D`` and gets its records in ``P`` frames instead (see
``datastream_runner.py``). Each answer is ``R`` + a tagged value or ``E`` + the traceback. The worker exits at the end
of its stdin. Before an answer the worker sends ``M`` + JSON when its functions' metrics changed (see
``sluice.metrics.metricbase``).
"""

import struct
import sys
import traceback

from sluice.fn_execution.tagged import Reader as _Reader, encode as _encode, read_exact as _read_exact


class _Function(object):
    """The function of one worker, row-at-a-time or pandas."""

    def __init__(self, spec, job_parameters=None):
        from sluice.table.udf import FunctionContext, UserDefinedFunction
        f = spec["func"]
        self.name = spec["name"]
        self.pandas = spec["func_type"] == "pandas"
        self.result_type = spec["result_type"]
        self.instance = f if isinstance(f, UserDefinedFunction) else None
        fields = spec.get("row_fields")
        if spec.get("kind") == "aggregate":
            if self.pandas:
                self.aggregate = _PandasAggregate(f, fields)
            else:
                self.aggregate = _RowPacking(f, fields) if fields else f
        elif spec.get("kind") == "table_aggregate":
            self.aggregate = _RowPacking(f, fields) if fields else f
        self.call = getattr(f, "eval", None) if self.instance is not None else f
        if fields and spec.get("kind") in ("scalar", "table"):
            self.call = _packing(self.call, fields, self.pandas)
        if self.instance is not None:
            from sluice.metrics.metricbase import worker_metric_group
            self.instance.open(FunctionContext(job_parameters, worker_metric_group()))

    def __call__(self, args):
        if not self.pandas:
            return self.call(*args)
        import pandas as pd
        result = _rows_of_frame(self.call(*[pd.Series([a]) for a in args]))
        if isinstance(result, pd.Series):
            if len(result) != 1:
                raise ValueError("The pandas function '%s' returned %d values for %d rows"
                                 % (self.name, len(result), 1))
            return result.iloc[0]
        return result

    def batch(self, columns, n):
        """Results of ``n`` rows given argument columns (Columns objects of one column each)."""
        if self.pandas:
            import pandas as pd
            series = [pd.Series(c.pandas_column(0)) for c in columns]
            result = _rows_of_frame(self.call(*series))
            if not isinstance(result, pd.Series):
                result = pd.Series(result) if hasattr(result, "__len__") and not isinstance(result, str) \
                    else pd.Series([result] * n)
            if len(result) != n:
                raise ValueError("The pandas function '%s' returned %d values for %d rows"
                                 % (self.name, len(result), n))
            return result.reset_index(drop=True)
        values = [c.python_column(0) for c in columns]
        call = self.call
        if not values:
            return [call() for _ in range(n)]
        return [call(*args) for args in zip(*values)]

    def close(self):
        if self.instance is not None:
            self.instance.close()


def _rows_of_frame(result):
    """A pandas function's result: a DataFrame (the columns of a ROW result) becomes a Series of row tuples."""
    import pandas as pd
    if isinstance(result, pd.DataFrame):
        return pd.Series(list(result.itertuples(index=False, name=None)), dtype=object)
    return result


def _packing(call, fields, pandas):
    """``call`` taking every column of a table as one named Row (a pandas.DataFrame for a pandas function)."""
    if pandas:
        def packed(*series):
            import pandas as pd
            return call(pd.DataFrame(dict(zip(fields, series)), columns=fields))
    else:
        from sluice.common import Row

        def packed(*args):
            row = Row(*args)
            row.set_field_names(fields)
            return call(row)
    return packed


def _batch(function, frame):
    from sluice.table.columns import Columns, encode_series, encode_values, kind_of
    r = _Reader(frame)
    r.pos = 1
    n = r.take(">i")
    argc = r.take(">h")
    columns = []
    for _ in range(argc):
        name_len = r.take(">b")
        kind = bytes(frame[r.pos:r.pos + name_len]).decode("ascii")
        r.pos += name_len
        count = r.take(">h")
        buffers = [r.bytes() for _ in range(count)]
        columns.append(Columns.single(kind, buffers, n))
    result = function.batch(columns, n)
    kind = kind_of(function.result_type)
    if function.pandas:
        buffers = encode_series(kind, result)
    else:
        buffers = encode_values(kind, result)
    parts = [b"R", struct.pack(">h", len(buffers))]
    for b in buffers:
        data = b.tobytes() if hasattr(b, "tobytes") else bytes(b)
        parts.append(struct.pack(">i", len(data)))
        parts.append(data)
    return b"".join(parts)


class _Accumulators(object):
    """Accumulators that live in the worker, by the number the engine gave each: an OVER window's frame steps then
    send only the row that enters or leaves, not the whole accumulator."""

    ANSWERED = (b"v", b"w", b"p")

    def __init__(self):
        self.live = {}

    def step(self, function, kind, frame):
        """Runs one frame; returns its answer, or None for the frames that have none."""
        import pickle
        r = _Reader(frame)
        r.pos = 1
        if kind == b"f":
            for _ in range(r.take(">i")):
                self.live.pop(r.take(">i"), None)
            return None
        handle = r.take(">i")
        agg = function.aggregate
        if kind == b"n":
            self.live[handle] = agg.create_accumulator()
        elif kind == b"l":
            acc = pickle.loads(r.bytes())
            self.live[handle] = agg.restored(acc) if hasattr(agg, "restored") else acc
        elif kind in (b"a", b"x"):
            argc = r.take(">h")
            args = [r.value() for _ in range(argc)]
            (agg.accumulate if kind == b"a" else agg.retract)(self.live[handle], *args)
        elif kind == b"v":
            return b"R" + _encode(agg.get_value(self.live[handle]))
        elif kind == b"w":
            return _table_rows(agg.emit_value(self.live[handle]))
        elif kind == b"p":
            import cloudpickle
            return b"R" + _encode(cloudpickle.dumps(self.live[handle]))
        return None


class _PandasAggregate(object):
    """A pandas aggregate function as an accumulator of its inputs (``FrameRows``): get_value calls it with
    pandas.Series (or, called with every column of a table, with one pandas.DataFrame of those columns)."""

    def __init__(self, f, fields=None):
        self.f = f
        self.fields = fields

    def create_accumulator(self):
        from sluice.fn_execution.frame_rows import FrameRows
        return FrameRows()

    def restored(self, acc):
        """A restored accumulator; one of a checkpoint written before FrameRows is a list of argument tuples."""
        if isinstance(acc, list):
            rows = self.create_accumulator()
            for args in acc:
                rows.add(tuple(args))
            return rows
        return acc

    def accumulate(self, acc, *args):
        acc.add(args)

    def retract(self, acc, *args):
        acc.remove(args)

    def get_value(self, acc):
        import pandas as pd
        if not len(acc):
            return None
        series = acc.series()
        if self.fields:
            return self.f(pd.DataFrame(dict(zip(self.fields, series)), columns=self.fields))
        return self.f(*series)


class _RowPacking(object):
    """An aggregate or table aggregate function called with every column of a table: its methods get them as one
    named Row."""

    def __init__(self, f, fields):
        self.f = f
        self.fields = fields

    def _row(self, args):
        from sluice.common import Row
        row = Row(*args)
        row.set_field_names(self.fields)
        return row

    def create_accumulator(self):
        return self.f.create_accumulator()

    def accumulate(self, acc, *args):
        self.f.accumulate(acc, self._row(args))

    def retract(self, acc, *args):
        self.f.retract(acc, self._row(args))

    def emit_value(self, acc):
        return self.f.emit_value(acc)

    def get_value(self, acc):
        return self.f.get_value(acc)


def _table_rows(result):
    """The answer of a table function call: the row count, then each row's tagged values."""
    rows = []
    if result is not None:
        for item in result:
            if item is None:
                continue
            if isinstance(item, (tuple, list)) or hasattr(item, "get_row_kind"):
                rows.append(b"".join(_encode(v) for v in item))
            else:
                rows.append(_encode(item))
    return b"R" + struct.pack(">i", len(rows)) + b"".join(rows)


def _error_frame():
    text = traceback.format_exc().encode("utf-8")
    return b"E" + struct.pack(">i", len(text)) + text


def main():
    from sluice.metrics.metricbase import worker_report
    stdin = sys.stdin.buffer
    stdout = sys.stdout.buffer
    # the function's own prints must not corrupt the protocol: they go to stderr
    sys.stdout = sys.stderr
    function = None
    accumulators = _Accumulators()
    failure = None
    while True:
        head = _read_exact(stdin, 4)
        if head is None:
            break
        (n,) = struct.unpack(">i", head)
        frame = _read_exact(stdin, n)
        if frame is None:
            break
        kind = frame[:1]
        try:
            if kind == b"D":
                from sluice.fn_execution.datastream_runner import open_runner
                function, answer = open_runner(frame)
            elif kind == b"P":
                answer = function.process(frame)
            elif kind == b"I":
                import cloudpickle
                import json
                (plen,) = struct.unpack_from(">i", frame, 1)
                parameters = json.loads(frame[5:5 + plen].decode("utf-8"))
                function = _Function(cloudpickle.loads(frame[5 + plen:]), parameters)
                answer = b"R\x00"
            elif kind == b"B":
                answer = _batch(function, frame)
            elif kind in (b"n", b"l", b"a", b"x", b"f", b"v", b"w", b"p"):
                answer = accumulators.step(function, kind, frame)
                if answer is None:
                    continue
            elif kind == b"T":
                r = _Reader(frame)
                r.pos = 1
                argc = r.take(">h")
                answer = _table_rows(function([r.value() for _ in range(argc)]))
            else:
                r = _Reader(frame)
                r.pos = 1
                argc = r.take(">h")
                args = [r.value() for _ in range(argc)]
                answer = b"R" + _encode(function(args))
        except BaseException:
            answer = _error_frame()
            if kind in (b"n", b"l", b"a", b"x", b"f"):
                # no answer is awaited: the next frame that has one reports the first failure
                failure = failure or answer
                continue
        if failure is not None:
            answer, failure = failure, None
        metrics = worker_report()
        if metrics is not None:
            stdout.write(struct.pack(">i", len(metrics) + 1) + b"M" + metrics)
        stdout.write(struct.pack(">i", len(answer)) + answer)
        stdout.flush()
    if function is not None:
        function.close()


if __name__ == "__main__":
    main()
