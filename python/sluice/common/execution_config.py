"""PyFlink's ``pyflink.common.execution_config``."""

from sluice.datastream.stream_execution_environment import ExecutionConfig

__all__ = ["ExecutionConfig"]
