"""PyFlink's ``pyflink.table.sql_dialect``."""

from sluice.table import SqlDialect

__all__ = ["SqlDialect"]
