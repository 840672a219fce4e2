"""PyFlink's ``pyflink.datastream.checkpointing_mode``."""

from sluice.datastream.stream_execution_environment import CheckpointingMode

__all__ = ["CheckpointingMode"]
