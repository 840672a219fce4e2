"""PyFlink's ``pyflink.table.table_pipeline``."""

from sluice.table.table import TablePipeline

__all__ = ["TablePipeline"]
