"""The unified sources and sinks of the Python DataStream API (``from_source``, ``sink_to``).

``Source("com.example.MySource")`` and ``Sink("com.example.MySink")`` name a Java class with a public no-argument
constructor that implements Sluice's Source API (``io.sluice.api.connector.source.Source``, Flink's) or its sink API
(``io.sluice.api.connector.sink2.Sink``), found on the engine's class path (``SLUICE_GATEWAY_CLASSPATH``), as
PyFlink's ``Source``/``Sink`` take a Java class name. The connectors of ``sluice.datastream.connectors`` are
subclasses.
"""

from enum import Enum


def _java_class(value, what):
    if value is None:
        return None
    if not isinstance(value, str):
        raise NotImplementedError("not supported yet: a Java %s object from Python (name its class instead: "
                                  "%s(\"com.example.MyClass\"))" % (what, what))
    return value


class Source(object):
    """A source the engine runs: a connector of this package, or a Java Source class by name."""

    def __init__(self, source=None):
        self._java_class = _java_class(source, "Source")

    def _node(self):
        if getattr(self, "_java_class", None):
            return {"kind": "java_source", "class": self._java_class}
        raise NotImplementedError

    def _produced_type(self):
        return None


class Sink(object):
    """A sink the engine runs: a connector of this package, or a Java Sink class by name."""

    def __init__(self, sink=None):
        self._java_class = _java_class(sink, "Sink")

    def _spec(self):
        if getattr(self, "_java_class", None):
            return {"kind": "java_sink", "class": self._java_class}
        raise NotImplementedError


class DeliveryGuarantee(Enum):
    """What a sink promises across failures and restarts: ``EXACTLY_ONCE`` (Kafka: transactions committed with the
    checkpoints), ``AT_LEAST_ONCE`` (flushed at checkpoints), ``NONE``."""

    EXACTLY_ONCE = 0
    AT_LEAST_ONCE = 1
    NONE = 2
