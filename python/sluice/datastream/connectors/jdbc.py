"""PyFlink's ``pyflink.datastream.connectors.jdbc``: not supported yet (``WHAT`` says why); importing a name
from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = ('JdbcSink of the DataStream API; write with the SQL JDBC connector of a StreamTableEnvironment')

__getattr__ = unsupported_module(__name__, WHAT)
