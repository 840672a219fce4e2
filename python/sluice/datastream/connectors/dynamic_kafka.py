"""PyFlink's ``pyflink.datastream.connectors.dynamic_kafka``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('the dynamic Kafka source; use KafkaSource of sluice.datastream.connectors.kafka')

__getattr__ = unsupported_module(__name__, WHAT)
