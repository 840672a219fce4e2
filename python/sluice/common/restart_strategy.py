"""PyFlink's ``pyflink.common.restart_strategy``: not supported yet (``WHAT`` says why);
importing a name from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

WHAT = "RestartStrategies objects; set 'restart-strategy.type' in the Configuration"

__getattr__ = unsupported_module(__name__, WHAT)
