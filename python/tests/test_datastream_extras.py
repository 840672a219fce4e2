"""More of the Python DataStream API: partition_custom, window evictors and sinks written in Python (add_sink)."""

import os
import tempfile
import unittest

from sluice.common import Time, Types, WatermarkStrategy
from sluice.common.watermark_strategy import TimestampAssigner
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.functions import (MapFunction, Partitioner, ProcessWindowFunction, SinkFunction,
                                         WindowFunction)
from sluice.datastream.window import (CountEvictor, DeltaEvictor, GlobalWindows, PurgingTrigger, CountTrigger,
                                      TimeEvictor, TumblingEventTimeWindows)


class WhereAmI(MapFunction):
    def open(self, runtime_context):
        self.index = runtime_context.get_index_of_this_subtask()

    def map(self, value):
        return value, self.index


class ModPartitioner(Partitioner):
    def partition(self, key, num_partitions):
        return key % num_partitions


class SecondField(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[1]


class Contents(ProcessWindowFunction):
    def process(self, key, context, elements):
        yield key, context.window().start, [e[2] for e in elements]


class Values(WindowFunction):
    def apply(self, key, window, inputs):
        return [[e[1] for e in inputs]]


class FileLines(SinkFunction):
    """Appends each record to a file; open/close frame the records."""

    def __init__(self, path):
        self.path = path

    def open(self, runtime_context):
        self.out = open(self.path, "a")

    def invoke(self, value, context):
        self.out.write("%s@%s\n" % (value, context.timestamp()))

    def close(self):
        self.out.close()


def env_of(parallelism=1):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(parallelism)
    return env


class PartitionCustomTest(unittest.TestCase):
    def test_records_reach_the_instance_the_partitioner_names(self):
        env = env_of(3)
        ds = env.from_collection(list(range(12)), Types.INT())
        placed = ds.partition_custom(ModPartitioner(), lambda v: v).map(WhereAmI())
        result = sorted(placed.execute_and_collect())
        self.assertEqual([(v, v % 3) for v in range(12)], result)

    def test_plain_functions_and_the_default_parallelism(self):
        env = env_of(2)
        ds = env.from_collection(["b", "a", "c", "a"], Types.STRING())
        placed = ds.partition_custom(lambda key, n: 0 if key == "a" else 1, lambda v: v).map(WhereAmI())
        self.assertEqual([("a", 0), ("a", 0), ("b", 1), ("c", 1)], sorted(placed.execute_and_collect()))

    def test_an_index_out_of_range_fails_the_job(self):
        env = env_of(2)
        ds = env.from_collection([1], Types.INT()).partition_custom(lambda key, n: 7, lambda v: v)
        with self.assertRaises(Exception) as e:
            list(ds.map(WhereAmI()).execute_and_collect())
        self.assertIn("The partitioner returned 7 for 2 partitions", str(e.exception))


class EvictorTest(unittest.TestCase):
    def _events(self, env):
        return env.from_collection([("k", 1, "a"), ("k", 2, "b"), ("k", 3, "c"), ("k", 8, "d"), ("k", 9, "e"),
                                    ("k", 11, "f")]) \
            .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                              .with_timestamp_assigner(SecondField()))

    def test_count_evictor_keeps_the_last_elements_of_each_window(self):
        env = env_of(1)
        windows = self._events(env).key_by(lambda e: e[0]) \
            .window(TumblingEventTimeWindows.of(Time.milliseconds(10))) \
            .evictor(CountEvictor.of(2)) \
            .process(Contents())
        self.assertEqual([("k", 0, ["d", "e"]), ("k", 10, ["f"])], sorted(windows.execute_and_collect()))

    def test_time_evictor_keeps_the_newest_span_before_a_reduce(self):
        env = env_of(1)
        windows = self._events(env).key_by(lambda e: e[0]) \
            .window(TumblingEventTimeWindows.of(Time.milliseconds(10))) \
            .evictor(TimeEvictor.of(Time.milliseconds(2))) \
            .reduce(lambda a, b: (a[0], max(a[1], b[1]), a[2] + b[2]))
        self.assertEqual([("k", 9, "de"), ("k", 11, "f")], sorted(windows.execute_and_collect()))

    def test_evicting_after_the_function_changes_what_the_next_firing_sees(self):
        env = env_of(1)
        numbers = env.from_collection([("n", 1), ("n", 2), ("n", 3), ("n", 4), ("n", 5), ("n", 6)])
        sums = numbers.key_by(lambda e: e[0]).window(GlobalWindows.create()) \
            .trigger(CountTrigger.of(2)) \
            .evictor(CountEvictor.of(1, do_evict_after=True)) \
            .reduce(lambda a, b: (a[0], a[1] + b[1]))
        # each firing sums what the last one left (its newest element) and the two new records
        self.assertEqual([("n", 3), ("n", 9), ("n", 15)], list(sums.execute_and_collect()))

    def test_delta_evictor(self):
        env = env_of(1)
        readings = env.from_collection([("t", 10.0), ("t", 30.0), ("t", 12.0), ("t", 11.0)])
        kept = readings.key_by(lambda e: e[0]).window(GlobalWindows.create()) \
            .trigger(PurgingTrigger.of(CountTrigger.of(4))) \
            .evictor(DeltaEvictor.of(5.0, lambda a, b: abs(a[1] - b[1]))) \
            .apply(Values())
        self.assertEqual([[10.0, 12.0, 11.0]], list(kept.execute_and_collect()))

    def test_an_evictor_must_be_an_evictor(self):
        env = env_of(1)
        windowed = env.from_collection([1]).key_by(lambda v: v).window(GlobalWindows.create())
        with self.assertRaises(TypeError):
            windowed.evictor("last 2")


class AddSinkTest(unittest.TestCase):
    def test_a_python_sink_function_sees_every_record(self):
        path = os.path.join(tempfile.mkdtemp(), "out.txt")
        env = env_of(1)
        env.from_collection([("a", 5), ("b", 7)]) \
            .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                              .with_timestamp_assigner(SecondField())) \
            .map(lambda e: e[0], Types.STRING()) \
            .add_sink(FileLines(path))
        env.execute("python sink")
        with open(path) as f:
            self.assertEqual(["a@5", "b@7"], f.read().split())

    def test_java_sink_objects_are_not_supported_yet(self):
        with self.assertRaises(NotImplementedError) as e:
            SinkFunction("com.example.MySink")
        self.assertIn("not supported yet", str(e.exception))


class JavaConnectorsTest(unittest.TestCase):
    """Java sources and sinks by class name, as PyFlink's Source("...") and Sink("...") (the test classes are in
    python-gateway's test sources, on the engine's class path)."""

    def test_a_java_source_and_a_java_sink(self):
        import io
        from contextlib import redirect_stdout
        from sluice.datastream.connectors import Sink, Source
        env = env_of(1)
        words = env.from_source(Source("io.sluice.python.testing.GreetingsSource"),
                                WatermarkStrategy.no_watermarks(), "greetings", Types.STRING())
        self.assertEqual(["FROM", "HELLO", "JAVA"],
                         sorted(words.map(str.upper, Types.STRING()).execute_and_collect()))
        out = io.StringIO()
        with redirect_stdout(out):
            words.map(lambda w: w + "!", Types.STRING()) \
                .sink_to(Sink("io.sluice.streaming.api.functions.sink.PrintSink"))
            env.execute("java sink")
        self.assertEqual(["from!", "hello!", "java!"], sorted(out.getvalue().split()))

    def test_java_classes_that_are_missing_or_of_another_kind(self):
        from sluice.datastream.connectors import Source
        env = env_of(1)
        with self.assertRaises(Exception) as e:
            list(env.from_source(Source("com.example.Missing"), WatermarkStrategy.no_watermarks(), "x")
                 .execute_and_collect())
        self.assertIn("The Java class 'com.example.Missing' is not on the engine's class path", str(e.exception))
        env = env_of(1)
        with self.assertRaises(Exception) as e:
            list(env.from_source(Source("java.lang.String"), WatermarkStrategy.no_watermarks(), "x")
                 .execute_and_collect())
        self.assertIn("does not implement io.sluice.api.connector.source.Source", str(e.exception))
        with self.assertRaises(NotImplementedError):
            Source(object())


if __name__ == '__main__':
    unittest.main()
