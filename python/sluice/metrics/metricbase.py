"""Metrics of Python functions (PyFlink's ``pyflink.metrics``).

``function_context.get_metric_group()`` (``open()`` of a Table API function) and
``runtime_context.get_metrics_group()`` (``open()`` of a DataStream function) give a :class:`MetricGroup`; its
counters, gauges, meters and distributions become metrics of the operator instance that runs the function in the
engine (readable wherever the job's metrics are). The worker reports what changed to the engine with each answer.
"""

import json
import threading

__all__ = ['MetricGroup', 'Metric', 'Counter', 'Meter', 'Distribution']


class Metric(object):
    """Base class of the metrics a :class:`MetricGroup` makes."""
    pass


class Counter(Metric):
    """A count that goes up and down."""

    def __init__(self, registry):
        self._registry = registry
        self._count = 0
        self._reported = None

    def inc(self, n=1):
        with self._registry.lock:
            self._count += n
            self._registry.dirty = True

    def dec(self, n=1):
        self.inc(-n)

    def get_count(self):
        return self._count

    def _take(self):
        delta = self._count - (self._reported or 0)
        if self._reported is not None and not delta:
            return None
        self._reported = self._count
        return delta


class Meter(Metric):
    """Events and their rate (per second over ``time_span_in_seconds``, computed by the engine)."""

    def __init__(self, registry, time_span_in_seconds):
        self._registry = registry
        self._span = int(time_span_in_seconds)
        self._count = 0
        self._reported = None

    def mark_event(self, value=1):
        with self._registry.lock:
            self._count += value
            self._registry.dirty = True

    def get_count(self):
        return self._count

    def _take(self):
        delta = self._count - (self._reported or 0)
        if self._reported is not None and not delta:
            return None
        self._reported = self._count
        return [delta, self._span]


class Distribution(Metric):
    """Count, sum, minimum and maximum of the (integer) values it is updated with."""

    def __init__(self, registry):
        self._registry = registry
        self._pending = [0, 0, 0, 0]

    def update(self, value):
        value = int(value)
        with self._registry.lock:
            p = self._pending
            if p is None or p[0] == 0:
                self._pending = [1, value, value, value]
            else:
                p[0] += 1
                p[1] += value
                p[2] = min(p[2], value)
                p[3] = max(p[3], value)
            self._registry.dirty = True

    def _take(self):
        p, self._pending = self._pending, None
        return p


class _Gauge(Metric):
    def __init__(self, obj):
        self._obj = obj
        self._last = object()

    def _take(self):
        value = self._obj()
        if value is not None and not isinstance(value, (int, float)):
            value = float(value)
        if value == self._last:
            return None
        self._last = value
        return value


class MetricGroup(object):
    """A group of metrics: ``counter``, ``gauge``, ``meter``, ``distribution`` and nested groups (``add_group``)."""

    def __init__(self, registry=None, scope=(), pairs=()):
        self._registry = registry if registry is not None else _Registry()
        self._scope = tuple(scope)
        # the positions in the scope where a key/value group's key is (its value follows)
        self._pairs = tuple(pairs)

    def add_group(self, name, extra=None):
        """A child group ``name``; with ``extra`` the key/value group ``name`` -> ``extra`` (two levels in the
        identifier; reporters name the metrics by ``name`` and make ``extra`` the value of a label ``name``)."""
        if not name:
            raise ValueError("A metric group needs a non-empty name.")
        scope = self._scope + (str(name),)
        pairs = self._pairs
        if extra is not None:
            pairs += (len(self._scope),)
            scope += (str(extra),)
        return MetricGroup(self._registry, scope, pairs)

    def counter(self, name):
        return self._registry.register(self._scope, self._pairs, name, "c", lambda: Counter(self._registry))

    def gauge(self, name, obj):
        """Registers ``obj``, a callable returning a number, as the gauge ``name``."""
        if not callable(obj):
            raise TypeError("A gauge needs a callable returning its value, not %r" % (obj,))
        return self._registry.register(self._scope, self._pairs, name, "g", lambda: _Gauge(obj), replace=True)

    def meter(self, name, time_span_in_seconds=60):
        return self._registry.register(self._scope, self._pairs, name, "m",
                                       lambda: Meter(self._registry, time_span_in_seconds))

    def distribution(self, name):
        return self._registry.register(self._scope, self._pairs, name, "d", lambda: Distribution(self._registry))

    def get_scope_components(self):
        return list(self._scope)

    def get_metric_identifier(self, metric_name):
        return ".".join(self._scope + (metric_name,))


class _Registry(object):
    """The metrics of one worker; ``report()`` gives what changed since the last report."""

    def __init__(self):
        self.lock = threading.RLock()
        self.dirty = False
        self._metrics = {}

    def register(self, scope, pairs, name, kind, make, replace=False):
        if not name:
            raise ValueError("A metric needs a non-empty name.")
        key = (scope, str(name))
        with self.lock:
            old = self._metrics.get(key)
            if old is not None:
                if old[0] != kind:
                    raise ValueError("The metric '%s' is registered already as another kind of metric."
                                     % ".".join(scope + (name,)))
                if not replace:
                    return old[1]
            metric = make()
            self._metrics[key] = (kind, metric, tuple(pairs))
            self.dirty = True
            return metric

    def report(self):
        """The JSON payload of a metrics frame, or None when nothing changed."""
        with self.lock:
            has_gauges = any(entry[0] == "g" for entry in self._metrics.values())
            if not self.dirty and not has_gauges:
                return None
            self.dirty = False
            entries = []
            for (scope, name), (kind, metric, pairs) in self._metrics.items():
                value = metric._take()
                if value is not None:
                    entries.append([kind, list(scope), name, value, list(pairs)])
        if not entries:
            return None
        return json.dumps(entries).encode("utf-8")


_worker_registry = None


def worker_metric_group():
    """The root metric group of this worker process (one per worker: one operator instance's functions)."""
    global _worker_registry
    if _worker_registry is None:
        _worker_registry = _Registry()
    return MetricGroup(_worker_registry)


def worker_report():
    """The metrics frame payload of this worker's changes, or None."""
    return None if _worker_registry is None else _worker_registry.report()
