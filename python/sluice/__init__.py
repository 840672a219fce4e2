"""Sluice's Python API, in the shape of PyFlink.

A PyFlink program runs on Sluice after renaming the module ``pyflink`` to ``sluice``::

    from sluice.table import EnvironmentSettings, TableEnvironment
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())

The engine runs in a JVM that this package starts on first use (see ``sluice.java_gateway``) and that exits with the
Python process.
"""

__version__ = "0.1.0"
