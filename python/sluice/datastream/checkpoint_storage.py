"""PyFlink's ``pyflink.datastream.checkpoint_storage``: not supported yet (``WHAT`` says why);
importing a name from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = "checkpoint storage objects; set 'execution.checkpointing.dir' in the Configuration"

__getattr__ = unsupported_module(__name__, WHAT)
