"""The Python DataStream API is not supported yet; every class here raises NotImplementedError when used."""

from sluice.common import _NotYet

StreamExecutionEnvironment = _NotYet("StreamExecutionEnvironment")
RuntimeExecutionMode = _NotYet("RuntimeExecutionMode")
DataStream = _NotYet("DataStream")
KeyedStream = _NotYet("KeyedStream")
MapFunction = _NotYet("MapFunction")
FlatMapFunction = _NotYet("FlatMapFunction")
KeyedProcessFunction = _NotYet("KeyedProcessFunction")
ProcessFunction = _NotYet("ProcessFunction")
RuntimeContext = _NotYet("RuntimeContext")

__all__ = ['StreamExecutionEnvironment', 'RuntimeExecutionMode', 'DataStream', 'KeyedStream', 'MapFunction',
           'FlatMapFunction', 'KeyedProcessFunction', 'ProcessFunction', 'RuntimeContext']
