"""DataGeneratorSource: ``count`` records made by a Python function of their index (0, 1, ...), optionally at a
limited rate, in the shape of Flink's Java ``DataGeneratorSource``. The engine generates the indexes (a checkpointed
source position) and the function runs in a Python worker."""

from sluice.datastream.connectors.base import Source

__all__ = ['DataGeneratorSource', 'GeneratorFunction', 'RateLimiterStrategy']


class GeneratorFunction(object):
    """Makes the record of an index."""

    def map(self, value):
        raise NotImplementedError


class RateLimiterStrategy(object):
    def __init__(self, per_second):
        self._per_second = per_second

    @staticmethod
    def per_second(records_per_second):
        return RateLimiterStrategy(float(records_per_second))

    @staticmethod
    def no_op():
        return RateLimiterStrategy(None)


class DataGeneratorSource(Source):
    def __init__(self, generator_function, count, rate_limiter_strategy=None, type_info=None):
        if count < 0:
            raise ValueError("count must not be negative")
        self._generator = generator_function
        self._count = int(count)
        self._rate = rate_limiter_strategy
        self._type_info = type_info

    def _node(self):
        node = {"kind": "datagen", "count": self._count}
        if self._rate is not None and self._rate._per_second is not None:
            node["per_second"] = self._rate._per_second
        return node

    def _produced_type(self):
        return self._type_info

    def _after(self, stream, type_info):
        """The generated records: the generator function applied to the engine's indexes."""
        g = self._generator
        return stream.map(g.map if isinstance(g, GeneratorFunction) else g, type_info)
