"""Common classes of the Python API (PyFlink's ``pyflink.common``)."""

from sluice.common.configuration import Configuration
from sluice.common.time import Duration, Instant, Time
from sluice.common.typeinfo import Types, TypeInformation
from sluice.common.types import Row, RowKind
from sluice.common.watermark_strategy import TimestampAssigner, WatermarkStrategy
from sluice.common.serialization import Encoder, SimpleStringSchema


class _NotYet(object):
    def __init__(self, what):
        self._what = what

    def __getattr__(self, item):
        if item.startswith("__"):
            raise AttributeError(item)
        raise NotImplementedError("not supported yet: %s.%s" % (self._what, item))

    def __call__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: %s" % self._what)


__all__ = ['Configuration', 'Row', 'RowKind', 'Types', 'TypeInformation', 'WatermarkStrategy', 'TimestampAssigner',
           'Duration', 'Time', 'Instant', 'Encoder', 'SimpleStringSchema']
