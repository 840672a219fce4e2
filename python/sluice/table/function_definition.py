"""PyFlink's ``pyflink.table.function_definition``: not supported yet (``WHAT`` says why);
importing a name from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = 'function definitions of process table functions: the engine has none'

__getattr__ = unsupported_module(__name__, WHAT)
