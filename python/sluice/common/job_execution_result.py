"""PyFlink's ``pyflink.common.job_execution_result``."""

from sluice.datastream.stream_execution_environment import JobExecutionResult

__all__ = ["JobExecutionResult"]
