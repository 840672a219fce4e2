"""PyFlink's ``pyflink.datastream.connectors.kinesis``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('the Kinesis source and sinks; the engine has no Kinesis connector')

__getattr__ = unsupported_module(__name__, WHAT)
