"""The Python DataStream API in PyFlink's shape: a PyFlink DataStream program runs after renaming ``pyflink`` to
``sluice``.

The job runs in the engine (the DataStream runtime: sources, exchanges, watermarks, keyed state and checkpoints);
the Python functions run in Python worker processes the engine starts, which get the records in batches.
"""

from sluice.datastream import async_retry_predicates, async_retry_strategies
from sluice.datastream.async_data_stream import AsyncDataStream, AsyncRetryStrategy
from sluice.datastream.checkpoint_storage import (CheckpointStorage, FileSystemCheckpointStorage,
                                                  JobManagerCheckpointStorage)
from sluice.datastream.data_stream import (CloseableIterator, ConnectedStreams, DataStream, DataStreamSink,
                                           KeyedStream, WindowedStream, AllWindowedStream)
from sluice.datastream.functions import (AggregateFunction, AsyncBatchFunction, AsyncFunction, CoFlatMapFunction,
                                         CoMapFunction, CoProcessFunction, FilterFunction, FlatMapFunction,
                                         KeyedCoProcessFunction, KeyedProcessFunction, KeySelector, MapFunction,
                                         ProcessFunction, ProcessWindowFunction, ReduceFunction,
                                         ProcessAllWindowFunction, AllWindowFunction, RuntimeContext, SinkFunction,
                                         SourceFunction, TimeDomain, TimerService, WindowFunction,
                                         BroadcastProcessFunction, KeyedBroadcastProcessFunction)
from sluice.datastream.output_tag import OutputTag
from sluice.datastream.state import (AggregatingStateDescriptor, ListStateDescriptor, MapStateDescriptor,
                                     ReducingStateDescriptor, StateTtlConfig, ValueStateDescriptor)
from sluice.datastream.state_backend import (EmbeddedRocksDBStateBackend, HashMapStateBackend, PredefinedOptions,
                                             StateBackend)
from sluice.datastream.stream_execution_environment import (CheckpointConfig, CheckpointingMode, ExecutionConfig,
                                                            JobExecutionResult, RuntimeExecutionMode,
                                                            StreamExecutionEnvironment, TimeCharacteristic)
from sluice.datastream.window import (CountSlidingWindowAssigner, CountTumblingWindowAssigner, CountWindow,
                                      EventTimeSessionWindows, GlobalWindow, GlobalWindows,
                                      ProcessingTimeSessionWindows, SlidingEventTimeWindows,
                                      SlidingProcessingTimeWindows, TimeWindow, Trigger, TriggerResult,
                                      TumblingEventTimeWindows, TumblingProcessingTimeWindows, WindowAssigner)

__all__ = ['AsyncDataStream', 'AsyncBatchFunction', 'AsyncFunction', 'AsyncRetryStrategy', 'async_retry_predicates',
           'StreamExecutionEnvironment', 'RuntimeExecutionMode', 'CheckpointingMode', 'CheckpointConfig',
           'ExecutionConfig', 'JobExecutionResult', 'TimeCharacteristic', 'DataStream', 'KeyedStream',
           'ConnectedStreams', 'WindowedStream', 'DataStreamSink', 'CloseableIterator', 'MapFunction',
           'FlatMapFunction', 'FilterFunction', 'ReduceFunction', 'KeySelector', 'ProcessFunction',
           'KeyedProcessFunction', 'CoMapFunction', 'CoFlatMapFunction', 'CoProcessFunction',
           'KeyedCoProcessFunction', 'AggregateFunction', 'ProcessWindowFunction', 'WindowFunction',
           'RuntimeContext', 'TimerService', 'TimeDomain', 'SinkFunction', 'SourceFunction',
           'BroadcastProcessFunction', 'KeyedBroadcastProcessFunction', 'ValueStateDescriptor',
           'ListStateDescriptor', 'MapStateDescriptor', 'ReducingStateDescriptor', 'AggregatingStateDescriptor',
           'StateTtlConfig', 'TimeWindow', 'TumblingEventTimeWindows', 'TumblingProcessingTimeWindows',
           'SlidingEventTimeWindows', 'SlidingProcessingTimeWindows', 'OutputTag', 'AllWindowedStream',
           'ProcessAllWindowFunction', 'AllWindowFunction', 'CountWindow', 'GlobalWindow', 'GlobalWindows',
           'CountTumblingWindowAssigner', 'CountSlidingWindowAssigner', 'EventTimeSessionWindows',
           'ProcessingTimeSessionWindows', 'Trigger', 'TriggerResult', 'WindowAssigner', 'StateBackend',
           'HashMapStateBackend', 'EmbeddedRocksDBStateBackend', 'PredefinedOptions', 'CheckpointStorage',
           'JobManagerCheckpointStorage', 'FileSystemCheckpointStorage']
