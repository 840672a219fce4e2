"""Formats of the Python DataStream API's connectors (PyFlink's ``pyflink.datastream.formats``): JSON rows
(``sluice.datastream.formats.json``), CSV rows (``sluice.datastream.formats.csv``) and Avro rows
(``sluice.datastream.formats.avro``)."""
