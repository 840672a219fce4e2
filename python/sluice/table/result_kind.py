"""PyFlink's ``pyflink.table.result_kind``."""

from sluice.table.table_result import ResultKind

__all__ = ["ResultKind"]
