"""PyFlink's ``pyflink.datastream.connectors.rabbitmq``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('the RabbitMQ source and sink; the engine has no RabbitMQ connector')

__getattr__ = unsupported_module(__name__, WHAT)
