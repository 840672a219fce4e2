"""PyFlink's ``pyflink.common.job_client``: the ``JobClient`` of a job that runs."""

from sluice.table.table_result import JobClient

__all__ = ["JobClient"]
