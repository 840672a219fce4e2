"""PyFlink's ``pyflink.table.table_descriptor``."""

from sluice.table.descriptors import FormatDescriptor, TableDescriptor

__all__ = ["TableDescriptor", "FormatDescriptor"]
