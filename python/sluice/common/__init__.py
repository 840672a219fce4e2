"""Common classes of the Python API (PyFlink's ``pyflink.common``)."""

from sluice.common.configuration import Configuration
from sluice.common.time import Duration, Instant, Time
from sluice.common.typeinfo import Types, TypeInformation
from sluice.common.types import Row, RowKind
from sluice.common.watermark_strategy import TimestampAssigner, WatermarkStrategy
from sluice.common.serialization import Encoder, SimpleStringSchema


__all__ = ['Configuration', 'Row', 'RowKind', 'Types', 'TypeInformation', 'WatermarkStrategy', 'TimestampAssigner',
           'Duration', 'Time', 'Instant', 'Encoder', 'SimpleStringSchema']
