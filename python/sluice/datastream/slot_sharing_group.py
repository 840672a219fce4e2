"""PyFlink's ``pyflink.datastream.slot_sharing_group``: not supported yet (``WHAT`` says why);
importing a name from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = 'fine-grained resources of slot sharing groups; the engine runs a job in one process'

__getattr__ = unsupported_module(__name__, WHAT)
