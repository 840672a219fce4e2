"""PyFlink's ``pyflink.datastream.state_backend``: not supported yet (``WHAT`` says why);
importing a name from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = "state backend objects; set 'state.backend.type' (hashmap or rocksdb) in the Configuration"

__getattr__ = unsupported_module(__name__, WHAT)
