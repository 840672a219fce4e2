"""PyFlink's ``pyflink.datastream.timerservice``."""

from sluice.datastream.functions import TimerService

__all__ = ["TimerService"]
