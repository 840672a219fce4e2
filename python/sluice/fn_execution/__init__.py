"""Execution of Python functions in worker processes the engine starts."""
