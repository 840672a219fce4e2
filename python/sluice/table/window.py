"""Group and over windows of the Table API (PyFlink's ``Tumble``, ``Slide``, ``Session``, ``Over``)."""

from sluice.table.expression import to_arg

__all__ = ['Tumble', 'Slide', 'Session', 'Over', 'GroupWindow', 'OverWindow']


class _Window(object):
    """A window definition: a chain of calls the engine replays on its Java window builders."""

    def __init__(self, j):
        self._j = j

    def _then(self, cls, method, *args):
        return cls({"m": method, "on": self._j, "args": [to_arg(a) for a in args]})


class GroupWindow(_Window):
    """A complete group window (``... .alias('w')``)."""


class OverWindow(_Window):
    """A complete over window (``... .alias('w')``)."""


class _Aliasable(_Window):
    _result = GroupWindow

    def alias(self, alias):
        return self._then(self._result, "as", alias)


class _OnTime(_Window):
    _next = None

    def on(self, time_field):
        return self._then(self._next, "on", time_field)


class TumbleWithSizeOnTimeWithAlias(GroupWindow):
    pass


class TumbleWithSizeOnTime(_Aliasable):
    pass


class TumbleWithSize(_OnTime):
    _next = TumbleWithSizeOnTime


class Tumble(object):
    """``Tumble.over(lit(10).minutes).on(col('rowtime')).alias('w')``."""

    @staticmethod
    def over(size):
        return TumbleWithSize({"s": "Tumble.over", "args": [to_arg(size)]})


class SlideWithSizeAndSlideOnTime(_Aliasable):
    pass


class SlideWithSizeAndSlide(_OnTime):
    _next = SlideWithSizeAndSlideOnTime


class SlideWithSize(_Window):
    def every(self, slide):
        return self._then(SlideWithSizeAndSlide, "every", slide)


class Slide(object):
    """``Slide.over(lit(10).minutes).every(lit(5).minutes).on(col('rowtime')).alias('w')``."""

    @staticmethod
    def over(size):
        return SlideWithSize({"s": "Slide.over", "args": [to_arg(size)]})


class SessionWithGapOnTime(_Aliasable):
    pass


class SessionWithGap(_OnTime):
    _next = SessionWithGapOnTime


class Session(object):
    """``Session.with_gap(lit(10).minutes).on(col('rowtime')).alias('w')``."""

    @staticmethod
    def with_gap(gap):
        return SessionWithGap({"s": "Session.withGap", "args": [to_arg(gap)]})


class _OverAliasable(_Window):
    def alias(self, alias):
        return self._then(OverWindow, "as", alias)


class OverWindowPartitionedOrderedPreceding(_OverAliasable):
    def following(self, following):
        return self._then(OverWindowPartitionedOrderedPreceding, "following", following)


class OverWindowPartitionedOrdered(_OverAliasable):
    def preceding(self, preceding):
        return self._then(OverWindowPartitionedOrderedPreceding, "preceding", preceding)


class OverWindowPartitioned(_Window):
    def order_by(self, order_by):
        return self._then(OverWindowPartitionedOrdered, "orderBy", order_by)


class Over(object):
    """``Over.partition_by(col('a')).order_by(col('rowtime')).preceding(UNBOUNDED_RANGE).alias('w')``."""

    @staticmethod
    def order_by(order_by):
        return OverWindowPartitionedOrdered({"s": "Over.orderBy", "args": [to_arg(order_by)]})

    @staticmethod
    def partition_by(*partition_by):
        return OverWindowPartitioned({"s": "Over.partitionBy", "args": [to_arg(p) for p in partition_by]})
