"""PyFlink's ``pyflink.datastream.connectors.pubsub``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('the Google Pub/Sub source and sink; the engine has no Pub/Sub connector')

__getattr__ = unsupported_module(__name__, WHAT)
