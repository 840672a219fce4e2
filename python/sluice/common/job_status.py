"""PyFlink's ``pyflink.common.job_status``."""

from sluice.table.table_result import JobStatus

__all__ = ["JobStatus"]
