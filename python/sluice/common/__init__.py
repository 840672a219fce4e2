"""Common classes of the Python API (PyFlink's ``pyflink.common``)."""

from sluice.common.configuration import Configuration
from sluice.common.types import Row, RowKind


class _NotYet(object):
    def __init__(self, what):
        self._what = what

    def __getattr__(self, item):
        if item.startswith("__"):
            raise AttributeError(item)
        raise NotImplementedError("not supported yet: %s.%s (the Python DataStream API)" % (self._what, item))

    def __call__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: %s (the Python DataStream API)" % self._what)


Types = _NotYet("Types")
WatermarkStrategy = _NotYet("WatermarkStrategy")

__all__ = ['Configuration', 'Row', 'RowKind', 'Types', 'WatermarkStrategy']
