"""Windows of the Python DataStream API (PyFlink's ``pyflink.datastream.window``).

``KeyedStream.window(assigner)`` (and ``DataStream.window_all``, ``count_window``) groups each key's records by
window. A window's contents, the state of its trigger and the timers it asked for are kept in the key's state in
the engine; a trigger decides when a window fires (emits its result) and when it is purged. Every assigner has
PyFlink's default trigger; ``WindowedStream.trigger(...)`` sets another, ``allowed_lateness(ms)`` keeps event-time
windows after they fired so late records fire them again, until the watermark passes their end plus the lateness.
``WindowedStream.evictor(...)`` removes elements of a firing window before and/or after its function runs (Flink's
evictors: ``CountEvictor``, ``TimeEvictor``, ``DeltaEvictor`` or an ``Evictor`` subclass); a window with an evictor
keeps every element (with its timestamp) until it is purged.
"""

from abc import ABC, abstractmethod
from enum import Enum

from sluice.common.time import Time

__all__ = ['Window', 'TimeWindow', 'CountWindow', 'GlobalWindow', 'WindowAssigner', 'MergingWindowAssigner',
           'TumblingEventTimeWindows', 'TumblingProcessingTimeWindows', 'SlidingEventTimeWindows',
           'SlidingProcessingTimeWindows', 'EventTimeSessionWindows', 'ProcessingTimeSessionWindows',
           'DynamicEventTimeSessionWindows', 'DynamicProcessingTimeSessionWindows', 'SessionWindowTimeGapExtractor',
           'GlobalWindows', 'CountTumblingWindowAssigner', 'CountSlidingWindowAssigner', 'Trigger', 'TriggerResult',
           'EventTimeTrigger', 'ProcessingTimeTrigger', 'ContinuousEventTimeTrigger',
           'ContinuousProcessingTimeTrigger', 'CountTrigger', 'PurgingTrigger', 'NeverTrigger', 'Evictor',
           'CountEvictor', 'TimeEvictor', 'DeltaEvictor', 'TimestampedValue']

_MAX_LONG = (1 << 63) - 1


class Window(ABC):
    """A group of records; ``max_timestamp()`` is the last time that belongs to it."""

    @abstractmethod
    def max_timestamp(self):
        pass


class TimeWindow(Window):
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


class CountWindow(Window):
    """The ``id``-th window of a count window assigner."""

    def __init__(self, id):
        self.id = id

    def max_timestamp(self):
        return _MAX_LONG

    def __eq__(self, other):
        return isinstance(other, CountWindow) and self.id == other.id

    def __hash__(self):
        return hash(("count", self.id))

    def __lt__(self, other):
        return self.id < other.id

    def __repr__(self):
        return "CountWindow(id=%d)" % self.id


class GlobalWindow(Window):
    """The one window of ``GlobalWindows``: it never ends; only a trigger fires it."""

    _instance = None

    @staticmethod
    def get():
        if GlobalWindow._instance is None:
            GlobalWindow._instance = GlobalWindow()
        return GlobalWindow._instance

    def max_timestamp(self):
        return _MAX_LONG

    def __eq__(self, other):
        return isinstance(other, GlobalWindow)

    def __hash__(self):
        return hash("global")

    def __lt__(self, other):
        return False

    def __repr__(self):
        return "GlobalWindow"


def _ms(t):
    return t.to_milliseconds() if hasattr(t, "to_milliseconds") else int(t)


# ---- triggers

class TriggerResult(Enum):
    """What a trigger asks for: nothing, fire the window, purge it, or both."""
    CONTINUE = (False, False)
    FIRE_AND_PURGE = (True, True)
    FIRE = (True, False)
    PURGE = (False, True)

    def is_fire(self):
        return self.value[0]

    def is_purge(self):
        return self.value[1]


class Trigger(ABC):
    """Decides when a window fires. ``on_element`` runs for every record added to a window, ``on_event_time`` and
    ``on_processing_time`` when a timer the trigger registered (``ctx.register_event_time_timer``) is due; each
    returns a ``TriggerResult``. ``ctx.get_partitioned_state(descriptor)`` is state of the window and key (for example
    a count); ``clear`` is called when the window is removed."""

    class TriggerContext(ABC):
        @abstractmethod
        def get_current_processing_time(self):
            pass

        @abstractmethod
        def get_current_watermark(self):
            pass

        @abstractmethod
        def register_processing_time_timer(self, time):
            pass

        @abstractmethod
        def register_event_time_timer(self, time):
            pass

        @abstractmethod
        def delete_processing_time_timer(self, time):
            pass

        @abstractmethod
        def delete_event_time_timer(self, time):
            pass

        @abstractmethod
        def get_partitioned_state(self, state_descriptor):
            pass

        def get_metric_group(self):
            raise NotImplementedError("not supported yet: metrics of triggers")

    class OnMergeContext(TriggerContext):
        @abstractmethod
        def merge_partitioned_state(self, state_descriptor):
            pass

    @abstractmethod
    def on_element(self, element, timestamp, window, ctx):
        pass

    @abstractmethod
    def on_processing_time(self, time, window, ctx):
        pass

    @abstractmethod
    def on_event_time(self, time, window, ctx):
        pass

    def can_merge(self):
        return False

    def on_merge(self, window, ctx):
        raise RuntimeError("This trigger does not support merging.")

    @abstractmethod
    def clear(self, window, ctx):
        pass


class EventTimeTrigger(Trigger):
    """Fires when the watermark passes the window's end (at once for a record that arrives after that)."""

    @staticmethod
    def create():
        return EventTimeTrigger()

    def on_element(self, element, timestamp, window, ctx):
        if window.max_timestamp() <= ctx.get_current_watermark():
            return TriggerResult.FIRE
        ctx.register_event_time_timer(window.max_timestamp())
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.FIRE if time == window.max_timestamp() else TriggerResult.CONTINUE

    def can_merge(self):
        return True

    def on_merge(self, window, ctx):
        if window.max_timestamp() > ctx.get_current_watermark():
            ctx.register_event_time_timer(window.max_timestamp())

    def clear(self, window, ctx):
        ctx.delete_event_time_timer(window.max_timestamp())


class ProcessingTimeTrigger(Trigger):
    """Fires when the processing time passes the window's end."""

    @staticmethod
    def create():
        return ProcessingTimeTrigger()

    def on_element(self, element, timestamp, window, ctx):
        ctx.register_processing_time_timer(window.max_timestamp())
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.FIRE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self):
        return True

    def on_merge(self, window, ctx):
        ctx.register_processing_time_timer(window.max_timestamp())

    def clear(self, window, ctx):
        ctx.delete_processing_time_timer(window.max_timestamp())


class _Sum(object):
    def reduce(self, a, b):
        return a + b


def _fire_state(name):
    from sluice.common.typeinfo import Types
    from sluice.datastream.state import ReducingStateDescriptor
    return ReducingStateDescriptor(name, _Sum().reduce, Types.LONG())


class ContinuousEventTimeTrigger(Trigger):
    """Fires every ``interval`` of event time while the window is open, and at its end."""

    def __init__(self, interval):
        self._interval = interval
        from sluice.common.typeinfo import Types
        from sluice.datastream.state import ReducingStateDescriptor
        self._state = ReducingStateDescriptor("fire-time", min, Types.LONG())

    @staticmethod
    def of(interval):
        return ContinuousEventTimeTrigger(_ms(interval))

    def on_element(self, element, timestamp, window, ctx):
        if window.max_timestamp() <= ctx.get_current_watermark():
            return TriggerResult.FIRE
        ctx.register_event_time_timer(window.max_timestamp())
        fire = ctx.get_partitioned_state(self._state)
        if fire.get() is None:
            start = timestamp - (timestamp % self._interval)
            fire.add(start + self._interval)
            ctx.register_event_time_timer(start + self._interval)
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        if time == window.max_timestamp():
            return TriggerResult.FIRE
        fire = ctx.get_partitioned_state(self._state)
        if fire.get() == time:
            fire.clear()
            fire.add(time + self._interval)
            ctx.register_event_time_timer(time + self._interval)
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self):
        return True

    def on_merge(self, window, ctx):
        ctx.merge_partitioned_state(self._state)
        fire = ctx.get_partitioned_state(self._state).get()
        if fire is not None:
            ctx.register_event_time_timer(fire)

    def clear(self, window, ctx):
        fire = ctx.get_partitioned_state(self._state)
        if fire.get() is not None:
            ctx.delete_event_time_timer(fire.get())
            fire.clear()


class ContinuousProcessingTimeTrigger(Trigger):
    """Fires every ``interval`` of processing time while the window is open."""

    def __init__(self, interval):
        self._interval = interval
        from sluice.common.typeinfo import Types
        from sluice.datastream.state import ReducingStateDescriptor
        self._state = ReducingStateDescriptor("fire-time", min, Types.LONG())

    @staticmethod
    def of(interval):
        return ContinuousProcessingTimeTrigger(_ms(interval))

    def on_element(self, element, timestamp, window, ctx):
        fire = ctx.get_partitioned_state(self._state)
        if fire.get() is None:
            now = ctx.get_current_processing_time()
            nxt = now - (now % self._interval) + self._interval
            fire.add(nxt)
            ctx.register_processing_time_timer(nxt)
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        fire = ctx.get_partitioned_state(self._state)
        if fire.get() == time:
            fire.clear()
            fire.add(time + self._interval)
            ctx.register_processing_time_timer(time + self._interval)
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self):
        return True

    def on_merge(self, window, ctx):
        ctx.merge_partitioned_state(self._state)
        fire = ctx.get_partitioned_state(self._state).get()
        if fire is not None:
            ctx.register_processing_time_timer(fire)

    def clear(self, window, ctx):
        fire = ctx.get_partitioned_state(self._state)
        if fire.get() is not None:
            ctx.delete_processing_time_timer(fire.get())
            fire.clear()


class CountTrigger(Trigger):
    """Fires when the window holds ``count`` more records than when it last fired."""

    def __init__(self, count):
        self._count = int(count)
        self._state = _fire_state("count")

    @staticmethod
    def of(count):
        return CountTrigger(count)

    def on_element(self, element, timestamp, window, ctx):
        state = ctx.get_partitioned_state(self._state)
        state.add(1)
        if state.get() >= self._count:
            state.clear()
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self):
        return True

    def on_merge(self, window, ctx):
        ctx.merge_partitioned_state(self._state)

    def clear(self, window, ctx):
        ctx.get_partitioned_state(self._state).clear()


class PurgingTrigger(Trigger):
    """Another trigger whose every firing also purges the window."""

    def __init__(self, nested_trigger):
        self._nested = nested_trigger

    @staticmethod
    def of(nested_trigger):
        return PurgingTrigger(nested_trigger)

    @staticmethod
    def _purging(result):
        return TriggerResult.FIRE_AND_PURGE if result.is_fire() else result

    def on_element(self, element, timestamp, window, ctx):
        return self._purging(self._nested.on_element(element, timestamp, window, ctx))

    def on_processing_time(self, time, window, ctx):
        return self._purging(self._nested.on_processing_time(time, window, ctx))

    def on_event_time(self, time, window, ctx):
        return self._purging(self._nested.on_event_time(time, window, ctx))

    def can_merge(self):
        return self._nested.can_merge()

    def on_merge(self, window, ctx):
        self._nested.on_merge(window, ctx)

    def clear(self, window, ctx):
        self._nested.clear(window, ctx)


class NeverTrigger(Trigger):
    """Never fires (the default trigger of ``GlobalWindows``)."""

    def on_element(self, element, timestamp, window, ctx):
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self):
        return True

    def on_merge(self, window, ctx):
        pass

    def clear(self, window, ctx):
        pass


# ---- assigners

class WindowAssigner(ABC):
    """Assigns a record (with its timestamp) to windows: ``assign_windows(element, timestamp, context)``."""

    class WindowAssignerContext(ABC):
        @abstractmethod
        def get_current_processing_time(self):
            pass

        def get_runtime_context(self):
            raise NotImplementedError("not supported yet: the runtime context of window assigners")

    @abstractmethod
    def assign_windows(self, element, timestamp, context):
        pass

    @abstractmethod
    def get_default_trigger(self, env):
        pass

    def get_window_serializer(self):
        return None

    @abstractmethod
    def is_event_time(self):
        pass


class MergingWindowAssigner(WindowAssigner):
    """An assigner whose windows merge when they overlap (session windows)."""

    def merge_windows(self, windows, callback):
        """Calls ``callback.merge(to_be_merged, merge_result)`` for each group of overlapping windows."""
        merged = []
        for w in sorted(windows):
            if merged and merged[-1][0].intersects(w):
                merged[-1] = (merged[-1][0].cover(w), merged[-1][1] + [w])
            else:
                merged.append((w, [w]))
        for result, group in merged:
            if len(group) > 1:
                callback.merge(group, result)


class _TimeWindows(WindowAssigner):
    def __init__(self, size, slide, offset, event_time):
        self._size = size
        self._slide = slide
        self._offset = offset
        self._event_time = event_time

    def assign_windows(self, element, timestamp, context):
        if not self._event_time:
            timestamp = context.get_current_processing_time()
        last_start = TimeWindow.get_window_start_with_offset(timestamp, self._offset, self._slide)
        windows = []
        start = last_start
        while start > timestamp - self._size:
            windows.append(TimeWindow(start, start + self._size))
            start -= self._slide
        return windows

    def get_default_trigger(self, env):
        return EventTimeTrigger() if self._event_time else ProcessingTimeTrigger()

    def is_event_time(self):
        return self._event_time


class TumblingEventTimeWindows(_TimeWindows):
    @staticmethod
    def of(size, offset=None):
        return TumblingEventTimeWindows(_ms(size), _ms(size), _ms(offset) if offset is not None else 0, True)


class TumblingProcessingTimeWindows(_TimeWindows):
    @staticmethod
    def of(size, offset=None):
        return TumblingProcessingTimeWindows(_ms(size), _ms(size), _ms(offset) if offset is not None else 0, False)


class SlidingEventTimeWindows(_TimeWindows):
    @staticmethod
    def of(size, slide, offset=None):
        return SlidingEventTimeWindows(_ms(size), _ms(slide), _ms(offset) if offset is not None else 0, True)


class SlidingProcessingTimeWindows(_TimeWindows):
    @staticmethod
    def of(size, slide, offset=None):
        return SlidingProcessingTimeWindows(_ms(size), _ms(slide), _ms(offset) if offset is not None else 0, False)


class SessionWindowTimeGapExtractor(ABC):
    """The gap (milliseconds) after a record before its session ends, for dynamic session windows."""

    @abstractmethod
    def extract(self, element):
        pass


class _SessionWindows(MergingWindowAssigner):
    def __init__(self, gap, event_time, extractor=None):
        self._gap = gap
        self._event_time = event_time
        self._extractor = extractor

    def assign_windows(self, element, timestamp, context):
        if not self._event_time:
            timestamp = context.get_current_processing_time()
        gap = self._gap
        if self._extractor is not None:
            e = self._extractor
            gap = _ms(e.extract(element) if isinstance(e, SessionWindowTimeGapExtractor) else e(element))
            if gap <= 0:
                raise ValueError("Dynamic session time gap must satisfy 0 < gap, got %d" % gap)
        return [TimeWindow(timestamp, timestamp + gap)]

    def get_default_trigger(self, env):
        return EventTimeTrigger() if self._event_time else ProcessingTimeTrigger()

    def is_event_time(self):
        return self._event_time


class EventTimeSessionWindows(_SessionWindows):
    """Sessions of records less than ``gap`` apart in event time."""

    @staticmethod
    def with_gap(size):
        if _ms(size) <= 0:
            raise ValueError("EventTimeSessionWindows parameters must satisfy 0 < size")
        return EventTimeSessionWindows(_ms(size), True)

    @staticmethod
    def with_dynamic_gap(extractor):
        return DynamicEventTimeSessionWindows(0, True, extractor)


class ProcessingTimeSessionWindows(_SessionWindows):
    """Sessions of records less than ``gap`` apart in processing time."""

    @staticmethod
    def with_gap(size):
        if _ms(size) <= 0:
            raise ValueError("ProcessingTimeSessionWindows parameters must satisfy 0 < size")
        return ProcessingTimeSessionWindows(_ms(size), False)

    @staticmethod
    def with_dynamic_gap(extractor):
        return DynamicProcessingTimeSessionWindows(0, False, extractor)


class DynamicEventTimeSessionWindows(_SessionWindows):
    @staticmethod
    def with_dynamic_gap(extractor):
        return DynamicEventTimeSessionWindows(0, True, extractor)


class DynamicProcessingTimeSessionWindows(_SessionWindows):
    @staticmethod
    def with_dynamic_gap(extractor):
        return DynamicProcessingTimeSessionWindows(0, False, extractor)


class GlobalWindows(WindowAssigner):
    """One window per key that never ends; it fires only by a trigger set with ``trigger(...)`` (the default
    trigger never fires)."""

    @staticmethod
    def create():
        return GlobalWindows()

    def assign_windows(self, element, timestamp, context):
        return [GlobalWindow.get()]

    def get_default_trigger(self, env):
        return NeverTrigger()

    def is_event_time(self):
        return False


class CountTumblingWindowAssigner(WindowAssigner):
    """Windows of ``window_size`` consecutive records of a key: the n-th record goes to ``CountWindow(n // size)``,
    which fires (and is removed) when it is full."""

    def __init__(self, window_size):
        self._size = int(window_size)

    @staticmethod
    def of(window_size):
        return CountTumblingWindowAssigner(window_size)

    def assign_windows(self, element, timestamp, context):
        return [CountWindow(context._record_count() // self._size)]

    def get_default_trigger(self, env):
        return PurgingTrigger(CountTrigger(self._size))

    def is_event_time(self):
        return False


class CountSlidingWindowAssigner(WindowAssigner):
    """Windows of ``window_size`` consecutive records of a key, one starting every ``window_slide`` records: the
    window ``CountWindow(j)`` holds the records number ``j * slide`` to ``j * slide + size - 1`` and fires (and is
    removed) when it is full."""

    def __init__(self, window_size, window_slide):
        self._size = int(window_size)
        self._slide = int(window_slide)

    @staticmethod
    def of(window_size, window_slide):
        return CountSlidingWindowAssigner(window_size, window_slide)

    def assign_windows(self, element, timestamp, context):
        n = context._record_count()
        first = max(0, -(-(n - self._size + 1) // self._slide))
        return [CountWindow(j) for j in range(first, n // self._slide + 1)]

    def get_default_trigger(self, env):
        return PurgingTrigger(CountTrigger(self._size))

    def is_event_time(self):
        return False


__all__.append('Time')


class TimestampedValue(object):
    """An element of a window as an ``Evictor`` sees it: the record and its timestamp (None without one)."""

    def __init__(self, value, timestamp=None):
        self._value = value
        self._timestamp = timestamp

    def get_value(self):
        return self._value

    def get_timestamp(self):
        return self._timestamp

    def has_timestamp(self):
        return self._timestamp is not None

    def __repr__(self):
        return "TimestampedValue(%r, %r)" % (self._value, self._timestamp)


class Evictor(ABC):
    """Removes elements of a window when it fires: ``evict_before`` before the window function runs,
    ``evict_after`` after it. ``elements`` is a list of ``TimestampedValue`` that the evictor changes in place (what
    it removes is gone from the window); ``size`` is its length."""

    class EvictorContext(ABC):
        @abstractmethod
        def get_current_processing_time(self):
            pass

        @abstractmethod
        def get_current_watermark(self):
            pass

    @abstractmethod
    def evict_before(self, elements, size, window, evictor_context):
        pass

    @abstractmethod
    def evict_after(self, elements, size, window, evictor_context):
        pass


class CountEvictor(Evictor):
    """Keeps the last ``max_count`` elements of a window (the oldest go), before the window function or, with
    ``do_evict_after``, after it."""

    def __init__(self, max_count, do_evict_after=False):
        self._max_count = int(max_count)
        self._after = do_evict_after

    @staticmethod
    def of(max_count, do_evict_after=False):
        return CountEvictor(max_count, do_evict_after)

    def evict_before(self, elements, size, window, evictor_context):
        if not self._after:
            self._evict(elements)

    def evict_after(self, elements, size, window, evictor_context):
        if self._after:
            self._evict(elements)

    def _evict(self, elements):
        if len(elements) > self._max_count:
            del elements[:len(elements) - self._max_count]


class TimeEvictor(Evictor):
    """Keeps the elements of the last ``window_size`` (a ``Time`` or milliseconds) before the newest element's
    timestamp; elements without timestamps are kept."""

    def __init__(self, window_size, do_evict_after=False):
        self._size = window_size.to_milliseconds() if hasattr(window_size, "to_milliseconds") else int(window_size)
        self._after = do_evict_after

    @staticmethod
    def of(window_size, do_evict_after=False):
        return TimeEvictor(window_size, do_evict_after)

    def evict_before(self, elements, size, window, evictor_context):
        if not self._after:
            self._evict(elements)

    def evict_after(self, elements, size, window, evictor_context):
        if self._after:
            self._evict(elements)

    def _evict(self, elements):
        stamps = [e.get_timestamp() for e in elements if e.has_timestamp()]
        if not stamps:
            return
        cutoff = max(stamps) - self._size
        elements[:] = [e for e in elements if not e.has_timestamp() or e.get_timestamp() > cutoff]


class DeltaEvictor(Evictor):
    """Removes the elements whose ``delta_function(element, newest)`` is at least ``threshold``."""

    def __init__(self, threshold, delta_function, do_evict_after=False):
        self._threshold = threshold
        self._delta = delta_function.get_delta if hasattr(delta_function, "get_delta") else delta_function
        self._after = do_evict_after

    @staticmethod
    def of(threshold, delta_function, do_evict_after=False):
        return DeltaEvictor(threshold, delta_function, do_evict_after)

    def evict_before(self, elements, size, window, evictor_context):
        if not self._after:
            self._evict(elements)

    def evict_after(self, elements, size, window, evictor_context):
        if self._after:
            self._evict(elements)

    def _evict(self, elements):
        if not elements:
            return
        last = elements[-1].get_value()
        elements[:] = [e for e in elements if self._delta(e.get_value(), last) < self._threshold]
