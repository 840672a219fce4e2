"""PyFlink's ``pyflink.datastream.time_domain``."""

from sluice.datastream.functions import TimeDomain

__all__ = ["TimeDomain"]
