"""PyFlink's ``pyflink.datastream.execution_mode``."""

from sluice.datastream.stream_execution_environment import RuntimeExecutionMode

__all__ = ["RuntimeExecutionMode"]
