"""PyFlink's ``pyflink.datastream.connectors.cassandra``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('the Cassandra sink; the engine has no Cassandra connector')

__getattr__ = unsupported_module(__name__, WHAT)
