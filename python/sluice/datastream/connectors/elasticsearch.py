"""PyFlink's ``pyflink.datastream.connectors.elasticsearch``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('the Elasticsearch sinks; the engine has no Elasticsearch connector')

__getattr__ = unsupported_module(__name__, WHAT)
