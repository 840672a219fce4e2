"""PyFlink's ``pyflink.datastream.connectors.hybrid_source``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('HybridSource; read the sources one after the other in separate jobs')

__getattr__ = unsupported_module(__name__, WHAT)
