"""PyFlink's ``pyflink.table.schema``."""

from sluice.table.descriptors import Schema

__all__ = ["Schema"]
