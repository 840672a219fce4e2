"""NumberSequenceSource: the numbers from ``start`` to ``end`` (inclusive), as LONG."""

from sluice.common.typeinfo import Types
from sluice.datastream.connectors.base import Source

__all__ = ['NumberSequenceSource']


class NumberSequenceSource(Source):
    def __init__(self, start, end):
        self._start = int(start)
        self._end = int(end)

    def _node(self):
        return {"kind": "sequence", "from": self._start, "to": self._end}

    def _produced_type(self):
        return Types.LONG()
