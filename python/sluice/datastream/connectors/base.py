"""The unified sources the Python DataStream API reads with ``from_source``."""


class Source(object):
    """A source the engine runs; ``_node`` describes it to the engine."""

    def _node(self):
        raise NotImplementedError

    def _produced_type(self):
        return None
