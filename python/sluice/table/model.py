"""PyFlink's ``pyflink.table.model``: not supported yet (``WHAT`` says why);
importing a name from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = 'models (CREATE MODEL, ML_PREDICT): the engine has none'

__getattr__ = unsupported_module(__name__, WHAT)
