"""Formats of the Python DataStream API's connectors (PyFlink's ``pyflink.datastream.formats``): JSON rows
(``sluice.datastream.formats.json``)."""
