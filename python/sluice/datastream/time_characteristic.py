"""PyFlink's ``pyflink.datastream.time_characteristic``."""

from sluice.datastream.stream_execution_environment import TimeCharacteristic

__all__ = ["TimeCharacteristic"]
