"""User function classes of the Python DataStream API (PyFlink's ``pyflink.datastream.functions``).

A function is a subclass of one of these classes or, where PyFlink allows it, a plain Python callable. Functions
are pickled (cloudpickle) and run in Python worker processes that the engine starts; ``open(runtime_context)`` is
called once per parallel instance before the first record, ``close()`` at the end.
"""

from abc import ABC, abstractmethod
from typing import Generic, TypeVar

__all__ = ['Function', 'RuntimeContext', 'MapFunction', 'FlatMapFunction', 'FilterFunction', 'ReduceFunction',
           'KeySelector', 'ProcessFunction', 'KeyedProcessFunction', 'CoMapFunction', 'CoFlatMapFunction',
           'CoProcessFunction', 'KeyedCoProcessFunction', 'TimerService', 'TimeDomain', 'AggregateFunction',
           'ProcessWindowFunction', 'WindowFunction', 'SinkFunction', 'SourceFunction', 'RichFunction',
           'BaseBroadcastProcessFunction', 'BroadcastProcessFunction', 'KeyedBroadcastProcessFunction',
           'Partitioner']

IN = TypeVar('IN')
OUT = TypeVar('OUT')
KEY = TypeVar('KEY')
W = TypeVar('W')
ACC = TypeVar('ACC')


class Function(ABC):
    """The base of every user function: ``open`` and ``close`` around the records."""

    def open(self, runtime_context: 'RuntimeContext'):
        pass

    def close(self):
        pass


RichFunction = Function


class RuntimeContext(object):
    """What a function's instance knows about where it runs, and its access to keyed state (on keyed streams)."""

    def get_task_name(self):
        raise NotImplementedError

    def get_number_of_parallel_subtasks(self):
        raise NotImplementedError

    def get_max_number_of_parallel_subtasks(self):
        raise NotImplementedError

    def get_index_of_this_subtask(self):
        raise NotImplementedError

    def get_attempt_number(self):
        raise NotImplementedError

    def get_task_name_with_subtasks(self):
        raise NotImplementedError

    def get_job_parameter(self, key, default_value):
        raise NotImplementedError

    def get_metrics_group(self):
        """A :class:`sluice.metrics.MetricGroup` whose metrics belong to the operator instance running the
        function."""
        raise NotImplementedError

    def get_state(self, state_descriptor):
        raise NotImplementedError

    def get_list_state(self, state_descriptor):
        raise NotImplementedError

    def get_map_state(self, state_descriptor):
        raise NotImplementedError

    def get_reducing_state(self, state_descriptor):
        raise NotImplementedError

    def get_aggregating_state(self, state_descriptor):
        raise NotImplementedError


class AsyncFunction(Function):
    """A function applied with ``AsyncDataStream``: ``async def async_invoke(self, value)`` returns a list of
    results (it may await I/O); ``timeout(value)`` gives the results when a call outlives the timeout (by default
    it fails the job, as in PyFlink)."""

    @abstractmethod
    async def async_invoke(self, value):
        pass

    def timeout(self, value):
        raise TimeoutError("Async function call has timed out for input: " + str(value))


class AsyncBatchFunction(Function):
    """A function applied with ``AsyncDataStream.ordered_wait_batch``/``unordered_wait_batch``:
    ``async def async_invoke_batch(self, inputs)`` gets a list of records and returns a list of results;
    ``timeout_batch(inputs)`` gives the results when a call outlives the timeout (by default it fails the job)."""

    @abstractmethod
    async def async_invoke_batch(self, inputs):
        pass

    def timeout_batch(self, inputs):
        raise TimeoutError("Async batch function call has timed out for %d inputs" % len(inputs))


class Partitioner(Function):
    """Chooses the parallel instance of the next operator a record goes to (``partition_custom``)."""

    @abstractmethod
    def partition(self, key, num_partitions):
        """The index, from 0 to ``num_partitions - 1``, of the instance that gets the records of ``key``."""
        pass


class MapFunction(Function):
    @abstractmethod
    def map(self, value):
        pass


class FlatMapFunction(Function):
    @abstractmethod
    def flat_map(self, value):
        pass


class FilterFunction(Function):
    @abstractmethod
    def filter(self, value):
        pass


class ReduceFunction(Function):
    @abstractmethod
    def reduce(self, value1, value2):
        pass


class AggregateFunction(Function):
    @abstractmethod
    def create_accumulator(self):
        pass

    @abstractmethod
    def add(self, value, accumulator):
        pass

    @abstractmethod
    def get_result(self, accumulator):
        pass

    def merge(self, acc_a, acc_b):
        raise NotImplementedError("not supported yet: AggregateFunction.merge")


class KeySelector(Function):
    @abstractmethod
    def get_key(self, value):
        pass


class TimeDomain(object):
    EVENT_TIME = 0
    PROCESSING_TIME = 1


class TimerService(ABC):
    """Clocks and timers of a process function; timers exist only on keyed streams."""

    @abstractmethod
    def current_processing_time(self):
        pass

    @abstractmethod
    def current_watermark(self):
        pass

    @abstractmethod
    def register_processing_time_timer(self, timestamp):
        pass

    @abstractmethod
    def register_event_time_timer(self, timestamp):
        pass

    @abstractmethod
    def delete_processing_time_timer(self, timestamp):
        pass

    @abstractmethod
    def delete_event_time_timer(self, timestamp):
        pass


class ProcessFunction(Function):
    """``process_element(value, ctx)`` returns or yields the output records."""

    class Context(ABC):
        @abstractmethod
        def timer_service(self):
            pass

        @abstractmethod
        def timestamp(self):
            pass

        @abstractmethod
        def output(self, output_tag, value):
            pass

    @abstractmethod
    def process_element(self, value, ctx: 'ProcessFunction.Context'):
        pass


class KeyedProcessFunction(Function):
    """A process function of a keyed stream: keyed state, and timers whose ``on_timer`` yields records too."""

    class Context(ABC):
        @abstractmethod
        def timer_service(self):
            pass

        @abstractmethod
        def timestamp(self):
            pass

        @abstractmethod
        def get_current_key(self):
            pass

        @abstractmethod
        def output(self, output_tag, value):
            pass

    class OnTimerContext(Context):
        @abstractmethod
        def time_domain(self):
            pass

    @abstractmethod
    def process_element(self, value, ctx: 'KeyedProcessFunction.Context'):
        pass

    def on_timer(self, timestamp, ctx: 'KeyedProcessFunction.OnTimerContext'):
        pass


class CoMapFunction(Function):
    @abstractmethod
    def map1(self, value):
        pass

    @abstractmethod
    def map2(self, value):
        pass


class CoFlatMapFunction(Function):
    @abstractmethod
    def flat_map1(self, value):
        pass

    @abstractmethod
    def flat_map2(self, value):
        pass


class CoProcessFunction(Function):
    class Context(ABC):
        @abstractmethod
        def timer_service(self):
            pass

        @abstractmethod
        def timestamp(self):
            pass

        @abstractmethod
        def output(self, output_tag, value):
            pass

    @abstractmethod
    def process_element1(self, value, ctx: 'CoProcessFunction.Context'):
        pass

    @abstractmethod
    def process_element2(self, value, ctx: 'CoProcessFunction.Context'):
        pass


class KeyedCoProcessFunction(Function):
    class Context(ABC):
        @abstractmethod
        def timer_service(self):
            pass

        @abstractmethod
        def timestamp(self):
            pass

        @abstractmethod
        def get_current_key(self):
            pass

        @abstractmethod
        def output(self, output_tag, value):
            pass

    class OnTimerContext(Context):
        @abstractmethod
        def time_domain(self):
            pass

    @abstractmethod
    def process_element1(self, value, ctx: 'KeyedCoProcessFunction.Context'):
        pass

    @abstractmethod
    def process_element2(self, value, ctx: 'KeyedCoProcessFunction.Context'):
        pass

    def on_timer(self, timestamp, ctx: 'KeyedCoProcessFunction.OnTimerContext'):
        pass


class ProcessWindowFunction(Function, Generic[IN, OUT, KEY, W]):
    """Called with all elements of a window when it fires: ``process(key, context, elements)``."""

    class Context(ABC, Generic[W]):
        @abstractmethod
        def window(self):
            pass

        @abstractmethod
        def current_processing_time(self):
            pass

        @abstractmethod
        def current_watermark(self):
            pass

        @abstractmethod
        def window_state(self):
            """The state of the current key in the current window (a ``KeyedStateStore``)."""
            pass

        @abstractmethod
        def global_state(self):
            """The state of the current key across its windows (a ``KeyedStateStore``)."""
            pass

        @abstractmethod
        def output(self, output_tag, value):
            pass

    @abstractmethod
    def process(self, key, context, elements):
        pass

    def clear(self, context):
        pass


class WindowFunction(Function, Generic[IN, OUT, KEY, W]):
    """``apply(key, window, inputs)`` for the elements of a window."""

    @abstractmethod
    def apply(self, key, window, inputs):
        pass


class ProcessAllWindowFunction(Function, Generic[IN, OUT, W]):
    """Called with all elements of a window of a whole stream (``window_all``) when it fires:
    ``process(context, elements)``."""

    class Context(ABC, Generic[W]):
        @abstractmethod
        def window(self):
            pass

        @abstractmethod
        def current_processing_time(self):
            pass

        @abstractmethod
        def current_watermark(self):
            pass

        @abstractmethod
        def window_state(self):
            """The state of the current key in the current window (a ``KeyedStateStore``)."""
            pass

        @abstractmethod
        def global_state(self):
            """The state of the current key across its windows (a ``KeyedStateStore``)."""
            pass

        @abstractmethod
        def output(self, output_tag, value):
            pass

    @abstractmethod
    def process(self, context, elements):
        pass

    def clear(self, context):
        pass


class AllWindowFunction(Function, Generic[IN, OUT, W]):
    """``apply(window, inputs)`` for the elements of a window of a whole stream (``window_all``)."""

    @abstractmethod
    def apply(self, window, inputs):
        pass


class SinkFunction(Function):
    """A sink written in Python for ``add_sink``: ``invoke(value, context)`` is called once per record in a Python
    worker (``context.timestamp()``, ``current_watermark()``, ``current_processing_time()``), between ``open`` and
    ``close``. (PyFlink's ``SinkFunction`` wraps a Java sink object instead, which Sluice does not take: passing one
    raises ``NotImplementedError``.) A job restored from a checkpoint invokes the sink again for the records after
    that checkpoint, so a sink that must not see a record twice has to be idempotent."""

    def __init__(self, sink_func=None):
        if sink_func is not None:
            raise NotImplementedError("not supported yet: Java SinkFunction objects in the Python DataStream API "
                                      "(subclass SinkFunction and implement invoke(value, context), or use "
                                      "sink_to(FileSink...))")

    def invoke(self, value, context):
        raise NotImplementedError("SinkFunction.invoke must be overridden")


class SourceFunction(object):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: SourceFunction in the Python DataStream API (use "
                                  "from_collection or from_source)")


class BaseBroadcastProcessFunction(Function):
    """A function on a stream connected with a broadcast stream: every instance sees every broadcast element and
    keeps the same broadcast state (``ctx.get_broadcast_state(map_state_descriptor)``), writable only in
    ``process_broadcast_element``."""

    class BaseContext(ABC):
        @abstractmethod
        def timestamp(self):
            pass

        @abstractmethod
        def current_processing_time(self):
            pass

        @abstractmethod
        def current_watermark(self):
            pass

    class Context(BaseContext):
        @abstractmethod
        def get_broadcast_state(self, state_descriptor):
            pass

    class ReadOnlyContext(BaseContext):
        @abstractmethod
        def get_broadcast_state(self, state_descriptor):
            pass


class BroadcastProcessFunction(BaseBroadcastProcessFunction):
    @abstractmethod
    def process_element(self, value, ctx: 'BaseBroadcastProcessFunction.ReadOnlyContext'):
        pass

    @abstractmethod
    def process_broadcast_element(self, value, ctx: 'BaseBroadcastProcessFunction.Context'):
        pass


class KeyedBroadcastProcessFunction(BaseBroadcastProcessFunction):
    """On a keyed stream: keyed state and timers in ``process_element`` and ``on_timer`` besides the broadcast
    state."""

    class ReadOnlyContext(BaseBroadcastProcessFunction.ReadOnlyContext):
        @abstractmethod
        def timer_service(self):
            pass

        @abstractmethod
        def get_current_key(self):
            pass

    class OnTimerContext(ReadOnlyContext):
        @abstractmethod
        def time_domain(self):
            pass

    @abstractmethod
    def process_element(self, value, ctx: 'KeyedBroadcastProcessFunction.ReadOnlyContext'):
        pass

    @abstractmethod
    def process_broadcast_element(self, value, ctx: 'BaseBroadcastProcessFunction.Context'):
        pass

    def on_timer(self, timestamp, ctx: 'KeyedBroadcastProcessFunction.OnTimerContext'):
        pass


# PyFlink keeps the retry strategy's base classes with the functions
from sluice.datastream.async_retry_strategies import AsyncRetryPredicate, AsyncRetryStrategy  # noqa: E402
