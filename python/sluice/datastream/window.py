"""Time windows of the Python DataStream API (PyFlink's ``pyflink.datastream.window``).

``KeyedStream.window(assigner)`` groups each key's records by window; the window's contents are kept in keyed state
and the window fires on a timer at its end (event time: when the watermark passes it; records of windows already
fired are late and dropped).
"""

from sluice.common.time import Time

__all__ = ['TimeWindow', 'TumblingEventTimeWindows', 'TumblingProcessingTimeWindows', 'SlidingEventTimeWindows',
           'SlidingProcessingTimeWindows', 'CountWindow', 'GlobalWindows', 'EventTimeSessionWindows',
           'ProcessingTimeSessionWindows', 'CountTumblingWindowAssigner', 'CountSlidingWindowAssigner',
           'WindowAssigner', 'Trigger']


class TimeWindow(object):
    """The window [start, end) in milliseconds."""

    def __init__(self, start, end):
        self.start = start
        self.end = end

    def max_timestamp(self):
        return self.end - 1

    def intersects(self, other):
        return self.start <= other.end and self.end >= other.start

    def cover(self, other):
        return TimeWindow(min(self.start, other.start), max(self.end, other.end))

    @staticmethod
    def get_window_start_with_offset(timestamp, offset, window_size):
        return timestamp - (timestamp - offset + window_size) % window_size

    def __eq__(self, other):
        return isinstance(other, TimeWindow) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self):
        return hash((self.start, self.end))

    def __lt__(self, other):
        return (self.start, self.end) < (other.start, other.end)

    def __repr__(self):
        return "TimeWindow(start=%d, end=%d)" % (self.start, self.end)


def _ms(t):
    return t.to_milliseconds() if hasattr(t, "to_milliseconds") else int(t)


class WindowAssigner(object):
    """Assigns a record (with its timestamp) to windows."""

    def __init__(self, size, slide, offset, event_time):
        self._size = size
        self._slide = slide
        self._offset = offset
        self._event_time = event_time

    def assign_windows(self, timestamp):
        last_start = TimeWindow.get_window_start_with_offset(timestamp, self._offset, self._slide)
        windows = []
        start = last_start
        while start > timestamp - self._size:
            windows.append(TimeWindow(start, start + self._size))
            start -= self._slide
        return windows

    def is_event_time(self):
        return self._event_time


class TumblingEventTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, offset=None):
        return TumblingEventTimeWindows(_ms(size), _ms(size), _ms(offset) if offset is not None else 0, True)


class TumblingProcessingTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, offset=None):
        return TumblingProcessingTimeWindows(_ms(size), _ms(size), _ms(offset) if offset is not None else 0, False)


class SlidingEventTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, slide, offset=None):
        return SlidingEventTimeWindows(_ms(size), _ms(slide), _ms(offset) if offset is not None else 0, True)


class SlidingProcessingTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, slide, offset=None):
        return SlidingProcessingTimeWindows(_ms(size), _ms(slide), _ms(offset) if offset is not None else 0, False)


class _NotYetAssigner(object):
    _what = "this window assigner"

    @classmethod
    def of(cls, *args, **kwargs):
        raise NotImplementedError("not supported yet: %s in the Python DataStream API" % cls._what)

    @classmethod
    def with_gap(cls, *args, **kwargs):
        raise NotImplementedError("not supported yet: %s in the Python DataStream API" % cls._what)

    @classmethod
    def with_dynamic_gap(cls, *args, **kwargs):
        raise NotImplementedError("not supported yet: %s in the Python DataStream API" % cls._what)

    @classmethod
    def create(cls, *args, **kwargs):
        raise NotImplementedError("not supported yet: %s in the Python DataStream API" % cls._what)


class EventTimeSessionWindows(_NotYetAssigner):
    _what = "session windows"


class ProcessingTimeSessionWindows(_NotYetAssigner):
    _what = "session windows"


class GlobalWindows(_NotYetAssigner):
    _what = "global windows"


class CountTumblingWindowAssigner(_NotYetAssigner):
    _what = "count windows"


class CountSlidingWindowAssigner(_NotYetAssigner):
    _what = "count windows"


class CountWindow(object):
    def __init__(self, id):
        raise NotImplementedError("not supported yet: count windows in the Python DataStream API")


class Trigger(object):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: custom window triggers in the Python DataStream API")


__all__.append('Time')
