"""PyFlink's ``pyflink.table.plan_reference``."""

from sluice.table.compiled_plan import PlanReference

__all__ = ["PlanReference"]
