"""PyFlink's ``pyflink.table.explain_detail``."""

from sluice.table import ExplainDetail

__all__ = ["ExplainDetail"]
