"""PyFlink's ``pyflink.datastream.formats.parquet``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ("the Parquet file formats of the DataStream API's FileSource and FileSink")

__getattr__ = unsupported_module(__name__, WHAT)
