"""Common classes of the Python API (PyFlink's ``pyflink.common``)."""

from sluice.common.configuration import Configuration
from sluice.common.restart_strategy import RestartStrategies, RestartStrategyConfiguration
from sluice.common.time import Duration, Instant, Time
from sluice.common.typeinfo import Types, TypeInformation
from sluice.common.types import Row, RowKind
from sluice.common.watermark_strategy import TimestampAssigner, WatermarkStrategy
from sluice.common.serialization import (ByteArraySchema, DeserializationSchema, Encoder,
                                       RowFieldExtractorSchema, SerializationSchema, SimpleStringSchema)


__all__ = ['Configuration', 'Row', 'RowKind', 'Types', 'TypeInformation', 'WatermarkStrategy', 'TimestampAssigner',
           'Duration', 'Time', 'Instant', 'Encoder', 'SimpleStringSchema', 'SerializationSchema',
           'DeserializationSchema', 'ByteArraySchema', 'RowFieldExtractorSchema', 'RestartStrategies',
           'RestartStrategyConfiguration']


def __getattr__(name):
    """PyFlink's ``pyflink.common`` also holds the job classes, which live with the environments here."""
    if name in ("JobClient", "JobExecutionResult", "ExecutionConfig"):
        from sluice.datastream import stream_execution_environment
        return getattr(stream_execution_environment, name)
    if name == "JobStatus":
        from sluice.table.table_result import JobStatus
        return JobStatus
    raise AttributeError("module 'sluice.common' has no attribute '%s'" % name)
