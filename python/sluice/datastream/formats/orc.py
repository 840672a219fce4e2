"""PyFlink's ``pyflink.datastream.formats.orc``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ("the ORC file formats of the DataStream API's FileSink: the engine has no ORC format, since the Java ORC "
        "library reads and writes through Hadoop's file system, which the engine does not include")

__getattr__ = unsupported_module(__name__, WHAT)
