"""PyFlink's ``pyflink.datastream.checkpoint_config``."""

from sluice.datastream.stream_execution_environment import CheckpointConfig

__all__ = ["CheckpointConfig"]
