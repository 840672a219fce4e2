"""Metrics of Python functions (PyFlink's ``pyflink.metrics``)."""

from sluice.metrics.metricbase import Counter, Distribution, Meter, Metric, MetricGroup

__all__ = ['MetricGroup', 'Metric', 'Counter', 'Meter', 'Distribution']
