"""PyFlink's DataStream examples, with the module renamed, and their documented results."""

import io
import json
import os
import tempfile
import unittest
from collections import Counter
from contextlib import redirect_stdout

from sluice.common import Duration, Row, Time, Types, WatermarkStrategy
from sluice.common.watermark_strategy import TimestampAssigner
from sluice.common import Configuration
from sluice.datastream import (ProcessWindowFunction, RuntimeExecutionMode, StreamExecutionEnvironment, TimeDomain)
from sluice.datastream.connectors.file_system import FileSource, StreamFormat
from sluice.datastream.connectors.number_seq import NumberSequenceSource
from sluice.datastream.functions import (CoFlatMapFunction, CoMapFunction, FlatMapFunction, KeyedCoProcessFunction,
                                         KeyedProcessFunction, MapFunction, ProcessFunction, RuntimeContext)
from sluice.datastream.state import ListStateDescriptor, MapStateDescriptor, ValueStateDescriptor
from sluice.datastream.window import SlidingEventTimeWindows, TimeWindow, TumblingEventTimeWindows

WORDS = ["To be, or not to be,--that is the question:--",
         "Whether 'tis nobler in the mind to suffer",
         "The slings and arrows of outrageous fortune",
         "Or to take arms against a sea of troubles,"]


def printed(env):
    """What the job's print sinks print, as lines."""
    out = io.StringIO()
    with redirect_stdout(out):
        env.execute()
    return out.getvalue().splitlines()


class Sum(KeyedProcessFunction):
    def __init__(self):
        self.state = None

    def open(self, runtime_context: RuntimeContext):
        self.state = runtime_context.get_state(ValueStateDescriptor("state", Types.PICKLED_BYTE_ARRAY()))

    def process_element(self, value, ctx):
        current = self.state.value()
        if current is None:
            current = 0
        current += value[1]
        self.state.update(current)
        yield value[0], current


class TimerSum(KeyedProcessFunction):
    def open(self, runtime_context):
        self.state = runtime_context.get_state(ValueStateDescriptor("state", Types.PICKLED_BYTE_ARRAY()))

    def process_element(self, value, ctx):
        current = self.state.value()
        if current is None:
            current = 0
        current += value[2]
        self.state.update(current)
        ctx.timer_service().register_event_time_timer(ctx.timestamp() + 2000)

    def on_timer(self, timestamp, ctx):
        yield ctx.get_current_key(), self.state.value()


class FirstField(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return int(value[0])


class SecondField(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return int(value[1])


class CountWindowProcessFunction(ProcessWindowFunction[tuple, tuple, str, TimeWindow]):
    def process(self, key, context, elements):
        return [(key, context.window().start, context.window().end, len([e for e in elements]))]


class CountFirstTwo(MapFunction):
    """The state example of "Intro to the Python DataStream API"."""

    def open(self, runtime_context):
        self.cnt_state = runtime_context.get_state(ValueStateDescriptor('cnt', Types.PICKLED_BYTE_ARRAY()))

    def map(self, value):
        cnt = self.cnt_state.value()
        if cnt is None or cnt < 2:
            self.cnt_state.update(1 if cnt is None else cnt + 1)
            return value[0], value[1] + 1
        else:
            return value[0], value[1]


class ControlFunction(CoFlatMapFunction):
    def open(self, runtime_context):
        self.blocked = runtime_context.get_state(ValueStateDescriptor("blocked", Types.BOOLEAN()))

    def flat_map1(self, value):
        self.blocked.update(True)

    def flat_map2(self, value):
        if self.blocked.value() is None:
            yield value


class EnrichmentFunction(KeyedCoProcessFunction):
    """Joins each ride with its fare, whichever arrives first waiting in keyed state."""

    def open(self, runtime_context):
        self.ride = runtime_context.get_state(ValueStateDescriptor("ride", Types.PICKLED_BYTE_ARRAY()))
        self.fare = runtime_context.get_state(ValueStateDescriptor("fare", Types.PICKLED_BYTE_ARRAY()))

    def process_element1(self, ride, ctx):
        fare = self.fare.value()
        if fare is not None:
            self.fare.clear()
            yield ride[0], ride[1], fare[1]
        else:
            self.ride.update(ride)

    def process_element2(self, fare, ctx):
        ride = self.ride.value()
        if ride is not None:
            self.ride.clear()
            yield ride[0], ride[1], fare[1]
        else:
            self.fare.update(fare)


class Sessions(KeyedProcessFunction):
    """List and map state: the values of a key, and how often each was seen."""

    def open(self, runtime_context):
        self.values = runtime_context.get_list_state(ListStateDescriptor("values", Types.STRING()))
        self.seen = runtime_context.get_map_state(MapStateDescriptor("seen", Types.STRING(), Types.INT()))

    def process_element(self, value, ctx):
        self.values.add(value[1])
        self.seen.put(value[1], (self.seen.get(value[1]) or 0) + 1)
        yield ctx.get_current_key(), list(self.values.get()), dict(self.seen.items())


class ProcessingTimeAlarm(KeyedProcessFunction):
    """Registers a processing-time timer 20 ms after each record; the timer reports the record's value."""

    def open(self, runtime_context):
        self.last = runtime_context.get_state(ValueStateDescriptor("last", Types.LONG()))

    def process_element(self, value, ctx):
        self.last.update(value)
        ctx.timer_service().register_processing_time_timer(ctx.timer_service().current_processing_time() + 20)
        yield "record %d" % value

    def on_timer(self, timestamp, ctx):
        assert ctx.time_domain() == TimeDomain.PROCESSING_TIME and ctx.timestamp() is None
        yield "timer %d" % self.last.value()


def slowly(v):
    import time
    time.sleep(0.1)
    return v


class CountWindowAverage(FlatMapFunction):
    """The ValueState example of Flink's "Working with State" page (Python tab)."""

    def __init__(self):
        self.sum = None

    def open(self, runtime_context: RuntimeContext):
        descriptor = ValueStateDescriptor("average", Types.PICKLED_BYTE_ARRAY())
        self.sum = runtime_context.get_state(descriptor)

    def flat_map(self, value):
        current_sum = self.sum.value()
        if current_sum is None:
            current_sum = (0, 0)
        current_sum = (current_sum[0] + 1, current_sum[1] + value[1])
        self.sum.update(current_sum)
        if current_sum[0] >= 2:
            self.sum.clear()
            yield value[0], int(current_sum[1] / current_sum[0])


class CountWithTimeoutFunction(KeyedProcessFunction):
    """The example of Flink's "Process Function" page (Python tab): a key's count, emitted after a minute (event
    time) without updates."""

    def __init__(self):
        self.state = None

    def open(self, runtime_context: RuntimeContext):
        self.state = runtime_context.get_state(ValueStateDescriptor("my_state", Types.PICKLED_BYTE_ARRAY()))

    def process_element(self, value, ctx: 'KeyedProcessFunction.Context'):
        current = self.state.value()
        if current is None:
            current = Row(value.f1, 0, 0)
        current[1] += 1
        current[2] = ctx.timestamp()
        self.state.update(current)
        ctx.timer_service().register_event_time_timer(current[2] + 60000)

    def on_timer(self, timestamp: int, ctx: 'KeyedProcessFunction.OnTimerContext'):
        result = self.state.value()
        if timestamp == result[2] + 60000:
            yield result[0], result[1]


class RememberLast(KeyedProcessFunction):
    """Emits each record with the key's previous record and list of records, as state with a time-to-live keeps
    them."""

    def __init__(self, ttl_millis):
        self.ttl_millis = ttl_millis

    def open(self, runtime_context):
        from sluice.datastream.state import StateTtlConfig
        ttl = StateTtlConfig.new_builder(Time.milliseconds(self.ttl_millis)) \
            .set_update_type(StateTtlConfig.UpdateType.OnCreateAndWrite) \
            .set_state_visibility(StateTtlConfig.StateVisibility.NeverReturnExpired) \
            .build()
        last = ValueStateDescriptor("last", Types.LONG())
        last.enable_time_to_live(ttl)
        seen = ListStateDescriptor("seen", Types.LONG())
        seen.enable_time_to_live(ttl)
        self.last = runtime_context.get_state(last)
        self.seen = runtime_context.get_list_state(seen)

    def process_element(self, value, ctx):
        yield value, self.last.value(), list(self.seen.get())
        self.last.update(value)
        self.seen.add(value)


class DataStreamExamplesTest(unittest.TestCase):
    def test_basic_operations(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        ds = env.from_collection(
            collection=[
                (1, '{"name": "Flink", "tel": 123, "addr": {"country": "Germany", "city": "Berlin"}}'),
                (2, '{"name": "hello", "tel": 135, "addr": {"country": "China", "city": "Shanghai"}}'),
                (3, '{"name": "world", "tel": 124, "addr": {"country": "USA", "city": "NewYork"}}'),
                (4, '{"name": "PyFlink", "tel": 32, "addr": {"country": "China", "city": "Hangzhou"}}')
            ],
            type_info=Types.ROW_NAMED(["id", "info"], [Types.INT(), Types.STRING()]))

        def update_tel(data):
            json_data = json.loads(data.info)
            json_data['tel'] += 1
            return data.id, json.dumps(json_data)

        ds.map(update_tel).print()
        self.assertEqual([
            """(1, '{"name": "Flink", "tel": 124, "addr": {"country": "Germany", "city": "Berlin"}}')""",
            """(2, '{"name": "hello", "tel": 136, "addr": {"country": "China", "city": "Shanghai"}}')""",
            """(3, '{"name": "world", "tel": 125, "addr": {"country": "USA", "city": "NewYork"}}')""",
            """(4, '{"name": "PyFlink", "tel": 33, "addr": {"country": "China", "city": "Hangzhou"}}')"""],
            printed(env))
        ds.filter(lambda data: data.id == 1).map(update_tel).print()
        self.assertEqual(["""(1, '{"name": "Flink", "tel": 124, "addr": {"country": "Germany", "city": "Berlin"}}')"""],
                         printed(env))
        ds.map(lambda data: (json.loads(data.info)['addr']['country'], json.loads(data.info)['tel'])) \
            .key_by(lambda data: data[0]).reduce(lambda a, b: (a[0], a[1] + b[1])).print()
        self.assertEqual(["('Germany', 123)", "('China', 135)", "('USA', 124)", "('China', 167)"], printed(env))

    def test_word_count_batch(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_runtime_mode(RuntimeExecutionMode.BATCH)
        env.set_parallelism(2)
        ds = env.from_collection(WORDS)

        def split(line):
            yield from line.split()

        ds = ds.flat_map(split) \
            .map(lambda i: (i, 1), output_type=Types.TUPLE([Types.STRING(), Types.INT()])) \
            .key_by(lambda i: i[0]) \
            .reduce(lambda i, j: (i[0], i[1] + j[1]))
        ds.print()
        lines = printed(env)
        expected = Counter(w for line in WORDS for w in line.split())
        # a batch job's reduce prints each word's final count once (with the sink's subtask prefix)
        self.assertEqual(sorted("(%s,%d)" % kv for kv in expected.items()),
                         sorted(line.split("> ", 1)[1] for line in lines))

    def test_word_count_streaming_rolling(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection(WORDS).flat_map(lambda line: line.split()) \
            .map(lambda w: (w, 1), Types.TUPLE([Types.STRING(), Types.INT()])) \
            .key_by(lambda t: t[0]).sum(1)
        results = list(ds.execute_and_collect())
        self.assertEqual(sum(len(line.split()) for line in WORDS), len(results))
        self.assertEqual(("to", 3), max((r for r in results if r[0] == "to"), key=lambda r: r[1]))

    def test_state_access(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        data = [('Alice', 110.1), ('Bob', 30.2), ('Alice', 20.0), ('Bob', 53.1), ('Alice', 13.1), ('Bob', 3.1),
                ('Bob', 16.1), ('Alice', 20.1)]
        ds = env.from_collection(collection=data)
        ds.key_by(lambda value: value[0]).process(Sum()).print()
        expected, sums = [], {}
        for name, v in data:
            sums[name] = sums.get(name, 0) + v
            expected.append(str((name, sums[name])))
        self.assertEqual(expected, printed(env))

    def test_event_time_timer(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection(collection=[
            (1000, 'Alice', 110.1), (4000, 'Bob', 30.2), (3000, 'Alice', 20.0), (2000, 'Bob', 53.1),
            (5000, 'Alice', 13.1), (3000, 'Bob', 3.1), (7000, 'Bob', 16.1), (10000, 'Alice', 20.1)])
        ds = ds.assign_timestamps_and_watermarks(
            WatermarkStrategy.for_bounded_out_of_orderness(Duration.of_seconds(2))
            .with_timestamp_assigner(FirstField()))
        ds.key_by(lambda value: value[1]).process(TimerSum()).print()
        alice, bob = 110.1 + 20.0 + 13.1 + 20.1, 30.2 + 53.1 + 3.1 + 16.1
        # every timer (3000, 4000, 5000, 5000, 6000, 7000, 9000, 12000) fires once, in time order; the bounded
        # input ends with the final watermark before any periodic watermark, so each sees its key's final sum
        a, b = str(('Alice', alice)), str(('Bob', bob))
        self.assertEqual(sorted([a, b, a, b, b, a, b, a]), sorted(printed(env)))

    def test_tumbling_time_window(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        data_stream = env.from_collection([
            ('hi', 1), ('hi', 2), ('hi', 3), ('hi', 4), ('hi', 5), ('hi', 8), ('hi', 9), ('hi', 15)],
            type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        watermark_strategy = WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(SecondField())
        ds = data_stream.assign_timestamps_and_watermarks(watermark_strategy) \
            .key_by(lambda x: x[0], key_type=Types.STRING()) \
            .window(TumblingEventTimeWindows.of(Time.milliseconds(5))) \
            .process(CountWindowProcessFunction(),
                     Types.TUPLE([Types.STRING(), Types.INT(), Types.INT(), Types.INT()]))
        ds.print()
        self.assertEqual(["(hi,0,5,4)", "(hi,5,10,3)", "(hi,15,20,1)"], printed(env))

    def test_sliding_window_reduce(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        ds = env.from_collection([('a', 1), ('a', 2), ('b', 3), ('a', 6), ('b', 7)],
                                 type_info=Types.TUPLE([Types.STRING(), Types.INT()])) \
            .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                              .with_timestamp_assigner(SecondField())) \
            .key_by(lambda x: x[0]) \
            .window(SlidingEventTimeWindows.of(Time.milliseconds(4), Time.milliseconds(2))) \
            .reduce(lambda x, y: (x[0], x[1] + y[1]))
        # windows [-2,2) [0,4) [2,6) [4,8) [6,10): the sum of each key's values in each
        self.assertEqual(sorted([('a', 1), ('a', 3), ('a', 2), ('a', 6), ('a', 6), ('b', 3), ('b', 3), ('b', 7),
                                 ('b', 7)]), sorted(ds.execute_and_collect()))

    def test_intro_state_access_demo(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        seq_num_source = NumberSequenceSource(1, 1000)
        ds = env.from_source(source=seq_num_source,
                             watermark_strategy=WatermarkStrategy.for_monotonous_timestamps(),
                             source_name='seq_num_source', type_info=Types.LONG())
        ds = ds.map(lambda a: Row(a % 4, 1), output_type=Types.ROW([Types.LONG(), Types.LONG()])) \
            .key_by(lambda a: a[0]) \
            .map(CountFirstTwo(), output_type=Types.TUPLE([Types.LONG(), Types.LONG()]))
        results = Counter(ds.execute_and_collect())
        self.assertEqual({(k, 2): 2 for k in range(4)}, {k: v for k, v in results.items() if k[1] == 2})
        self.assertEqual(1000 - 8, sum(v for k, v in results.items() if k[1] == 1))

    def test_connect_control_stream(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_runtime_mode(RuntimeExecutionMode.BATCH)  # the control stream is read first
        control = env.from_collection(["DROP", "IGNORE"], Types.STRING()).key_by(lambda x: x)
        words = env.from_collection(["Apache", "DROP", "Flink", "IGNORE"], Types.STRING()).key_by(lambda x: x)
        control.connect(words).flat_map(ControlFunction(), Types.STRING()).print()
        self.assertEqual(["Apache", "Flink"], sorted(line.split("> ")[-1] for line in printed(env)))

    def test_connect_enrichment(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        rides = env.from_collection([(i, "driver%d" % (i % 3)) for i in range(50)])
        fares = env.from_collection([(i, 10.0 + i) for i in reversed(range(50))])
        out = rides.connect(fares).key_by(lambda r: r[0], lambda f: f[0]).process(EnrichmentFunction())
        self.assertEqual([(i, "driver%d" % (i % 3), 10.0 + i) for i in range(50)],
                         sorted(out.execute_and_collect()))

    def test_co_map_and_union(self):
        class Scale(CoMapFunction):
            def map1(self, value):
                return value * 2

            def map2(self, value):
                return value * 3

        env = StreamExecutionEnvironment.get_execution_environment()
        s1 = env.from_collection([1, 2, 3], type_info=Types.INT())
        s2 = env.from_collection([4, 5, 6], type_info=Types.INT())
        self.assertEqual([2, 4, 6, 12, 15, 18], sorted(s1.connect(s2).map(Scale(), Types.INT())
                                                       .execute_and_collect()))
        self.assertEqual([1, 2, 3, 4, 5, 6], sorted(s1.union(s2).execute_and_collect()))

    def test_list_and_map_state(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        ds = env.from_collection([("k", "a"), ("k", "b"), ("j", "a"), ("k", "a")])
        out = list(ds.key_by(lambda v: v[0]).process(Sessions()).execute_and_collect())
        self.assertEqual([("k", ["a"], {"a": 1}), ("k", ["a", "b"], {"a": 1, "b": 1}), ("j", ["a"], {"a": 1}),
                          ("k", ["a", "b", "a"], {"a": 2, "b": 1})], out)

    def test_process_function_and_timestamps(self):
        class Describe(ProcessFunction):
            def process_element(self, value, ctx):
                yield "%s@%s" % (value, ctx.timestamp())

        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection([(5, 'x'), (7, 'y')]).assign_timestamps_and_watermarks(
            WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(FirstField()))
        self.assertEqual(["(5, 'x')@5", "(7, 'y')@7"], list(ds.process(Describe(), Types.STRING())
                                                            .execute_and_collect()))

    def test_data_generator_source(self):
        from sluice.datastream.connectors.datagen import DataGeneratorSource, RateLimiterStrategy
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        source = DataGeneratorSource(lambda i: "event-%d" % i, 100, RateLimiterStrategy.per_second(10000),
                                     Types.STRING())
        ds = env.from_source(source, WatermarkStrategy.no_watermarks(), "generator")
        self.assertEqual(sorted("event-%d" % i for i in range(100)), sorted(ds.execute_and_collect()))

    def test_file_source(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "lines.txt")
            with open(path, "w") as f:
                f.write("to be\nor not\nto be\n")
            env = StreamExecutionEnvironment.get_execution_environment()
            ds = env.from_source(FileSource.for_record_stream_format(StreamFormat.text_line_format(), path)
                                 .process_static_file_set().build(), WatermarkStrategy.no_watermarks(), "file")
            words = ds.flat_map(lambda line: line.split(), Types.STRING()) \
                .map(lambda w: (w, 1), Types.TUPLE([Types.STRING(), Types.INT()])).key_by(lambda t: t[0]).sum(1)
            final = {}
            for w, n in words.execute_and_collect():
                final[w] = max(final.get(w, 0), n)
            self.assertEqual({"to": 2, "be": 2, "or": 1, "not": 1}, final)

    def test_execute_and_collect_limit_and_rows(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection([(1, 'a'), (2, 'b'), (3, 'c')],
                                 type_info=Types.ROW_NAMED(['id', 'name'], [Types.INT(), Types.STRING()]))
        rows = ds.execute_and_collect(limit=2)
        self.assertEqual(2, len(rows))
        self.assertEqual('a', rows[0].name)
        self.assertEqual(Row(id=1, name='a'), rows[0])

    def test_processing_time_timers(self):
        config = Configuration()
        config.set_string("table.exec.batch-size", "1")
        env = StreamExecutionEnvironment.get_execution_environment(config)
        out = env.from_collection(list(range(8)), Types.LONG()).map(slowly, Types.LONG()) \
            .key_by(lambda v: "all").process(ProcessingTimeAlarm(), Types.STRING())
        results = list(out.execute_and_collect())
        self.assertEqual(["record %d" % i for i in range(8)], [r for r in results if r.startswith("record")])
        timers = [r for r in results if r.startswith("timer")]
        # records arrive 100 ms apart, so the timer of each but the last fires before the next record
        self.assertGreaterEqual(len(timers), 5, results)
        for t in timers:
            i = results.index(t)
            self.assertEqual("record " + t.split()[1], results[i - 1], results)

    def test_result_not_matching_the_output_type(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.from_collection([1]).map(lambda v: "one", Types.INT()).print()
        with self.assertRaises(Exception) as e:
            env.execute()
        self.assertIn("does not match its output type INT", str(e.exception))

    def test_typed_records_print_as_java_values(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        env.from_collection([(1, 'aaa|bb'), (2, 'bb|a')], type_info=Types.ROW([Types.INT(), Types.STRING()])) \
            .print()
        env.from_collection([Row(3, 'x')], type_info=Types.ROW_NAMED(['n', 's'], [Types.LONG(), Types.STRING()])) \
            .map(lambda r: (r.s, r.n), Types.TUPLE([Types.STRING(), Types.LONG()])).print()
        self.assertEqual(["(x,3)", "+I[1, aaa|bb]", "+I[2, bb|a]"], sorted(printed(env)))

    def test_wire_form_round_trip(self):
        import datetime
        import decimal
        from sluice.common.typeinfo import Reader, encode
        cases = [
            (Types.ROW_NAMED(['a', 'b'], [Types.INT(), Types.LIST(Types.STRING())]), Row(a=1, b=['x', None])),
            (Types.TUPLE([Types.DOUBLE(), Types.BOOLEAN(), Types.BIG_DEC()]), (1.5, True, decimal.Decimal("1.20"))),
            (Types.MAP(Types.STRING(), Types.LONG()), {'k': 2}),
            (Types.SQL_TIMESTAMP(), datetime.datetime(2024, 1, 2, 3, 4, 5, 6)),
            (Types.SQL_DATE(), datetime.date(1969, 7, 20)),
            (Types.SQL_TIME(), datetime.time(23, 59, 58, 123456)),
            (Types.PRIMITIVE_ARRAY(Types.BYTE()), b"\x00\x01"),
            (None, {'any': ('python', 'object')}),
        ]
        for t, v in cases:
            self.assertEqual(v, Reader(encode(v, t)).value(t), repr(t))

    def test_automatic_mode_runs_bounded_sources_as_a_batch_job(self):
        def sums(env):
            env.set_parallelism(1)
            ds = env.from_collection([('a', 1), ('a', 2), ('b', 3)],
                                     type_info=Types.TUPLE([Types.STRING(), Types.INT()])) \
                .key_by(lambda t: t[0]).reduce(lambda x, y: (x[0], x[1] + y[1]))
            return sorted(ds.execute_and_collect())

        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_runtime_mode(RuntimeExecutionMode.AUTOMATIC)
        # a batch job's reduce gives each key's final value only
        self.assertEqual([('a', 3), ('b', 3)], sums(env))
        config = Configuration()
        config.set_string("execution.runtime-mode", "automatic")
        self.assertEqual([('a', 3), ('b', 3)], sums(StreamExecutionEnvironment.get_execution_environment(config)))
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_runtime_mode(RuntimeExecutionMode.STREAMING)
        self.assertEqual([('a', 1), ('a', 3), ('b', 3)], sums(env))

    def test_sql_time_values_cross_the_engine(self):
        import datetime
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        times = [datetime.time(9, 30), datetime.time(23, 59, 58, 123456), datetime.time(9, 30)]
        ds = env.from_collection(times, type_info=Types.SQL_TIME()) \
            .key_by(lambda t: t, key_type=Types.SQL_TIME()) \
            .map(lambda t: Row(t, t.hour), Types.ROW_NAMED(['t', 'h'], [Types.SQL_TIME(), Types.INT()]))
        self.assertEqual([(datetime.time(9, 30), 9), (datetime.time(9, 30), 9),
                          (datetime.time(23, 59, 58, 123456), 23)],
                         sorted(tuple(r) for r in ds.execute_and_collect()))

    def test_python_functions_are_chained_into_one_worker(self):
        def job(chaining):
            config = Configuration()
            config.set_string("python.operator-chaining.enabled", chaining)
            env = StreamExecutionEnvironment.get_execution_environment(config)
            env.set_parallelism(2)
            ds = env.from_collection(WORDS).flat_map(lambda line: line.split()).filter(lambda w: len(w) > 2) \
                .map(lambda w: (w.lower(), 1), Types.TUPLE([Types.STRING(), Types.INT()])) \
                .key_by(lambda t: t[0]).sum(1).map(lambda t: "%s=%d" % t, Types.STRING())
            return env, ds

        env, ds = job("true")
        nodes, _ = env._fused([ds._id])
        # flat_map, filter, map and the key selector share a worker; sum and the last map another
        self.assertEqual(2, len([n for n in nodes if n["kind"] == "python"]))
        chained = sorted(ds.execute_and_collect())
        env, ds = job("false")
        self.assertEqual(sorted(ds.execute_and_collect()), chained)
        self.assertIn("the=2", chained)

    def test_side_outputs(self):
        from sluice.datastream import OutputTag
        output_tag = OutputTag("side-output", Types.STRING())

        class MyProcessFunction(ProcessFunction):
            def process_element(self, value, ctx):
                # emit data to regular output
                yield value
                # emit data to side output
                yield output_tag, "sideout-" + str(value)

        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        main_data_stream = env.from_collection([1, 2, 3], Types.INT()).process(MyProcessFunction(), Types.INT())
        side_output_stream = main_data_stream.get_side_output(output_tag)
        main_data_stream.print()
        side_output_stream.print()
        self.assertEqual(["1", "2", "3", "sideout-1", "sideout-2", "sideout-3"], sorted(printed(env)))

    def test_late_window_data_to_side_output(self):
        from sluice.datastream import OutputTag
        late = OutputTag("late", Types.TUPLE([Types.STRING(), Types.INT()]))
        config = Configuration()
        config.set_string("table.exec.batch-size", "1")
        env = StreamExecutionEnvironment.get_execution_environment(config)
        env.set_parallelism(1)
        env.get_config().set_auto_watermark_interval(1)
        ds = env.from_collection([('a', 1), ('a', 2), ('a', 12), ('a', 3), ('a', 14)],
                                 type_info=Types.TUPLE([Types.STRING(), Types.INT()])) \
            .map(slowly, Types.TUPLE([Types.STRING(), Types.INT()])) \
            .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                              .with_timestamp_assigner(SecondField()))
        counts = ds.key_by(lambda x: x[0]).window(TumblingEventTimeWindows.of(Time.milliseconds(10))) \
            .side_output_late_data(late) \
            .process(CountWindowProcessFunction(), Types.TUPLE([Types.STRING(), Types.LONG(), Types.LONG(),
                                                                 Types.INT()]))
        counts.print()
        counts.get_side_output(late).print()
        # ('a', 3) arrives after the watermark passed 11, when [0, 10) has fired: it is late
        self.assertEqual(["(a,0,10,2)", "(a,10,20,2)", "(a,3)"], sorted(printed(env)))

    def test_working_with_state_count_window_average(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.from_collection([(1, 3), (1, 5), (1, 7), (1, 4), (1, 2)]) \
            .key_by(lambda row: row[0]) \
            .flat_map(CountWindowAverage()) \
            .print()
        # the documented output: (1,4) and (1,5)
        self.assertEqual(["(1, 4)", "(1, 5)"], printed(env))

    def test_process_function_count_with_timeout(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        events = [(0, 'a'), (1000, 'b'), (2000, 'a'), (70000, 'b'), (80000, 'c'), (200000, 'a')]
        ds = env.from_collection(events, Types.ROW_NAMED(['f0', 'f1'], [Types.LONG(), Types.STRING()])) \
            .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                              .with_timestamp_assigner(FirstField()))
        result = ds.key_by(lambda value: value.f1).process(CountWithTimeoutFunction())
        # each key's count, once a minute passed after its last update
        self.assertEqual([('a', 3), ('b', 2), ('c', 1)], sorted(result.execute_and_collect()))

    def test_collection_not_matching_its_type(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        with self.assertRaises(TypeError) as e:
            env.from_collection([(1, 'a'), ('two', 'b')], Types.TUPLE([Types.INT(), Types.STRING()]))
        self.assertIn("Element 1 of the collection, ('two', 'b'), does not match the type", str(e.exception))

    def test_state_time_to_live(self):
        def run(ttl_millis):
            config = Configuration()
            config.set_string("table.exec.batch-size", "1")
            env = StreamExecutionEnvironment.get_execution_environment(config)
            ds = env.from_collection([1, 2, 3], Types.LONG()).map(slowly, Types.LONG())
            return list(ds.key_by(lambda v: "k").process(RememberLast(ttl_millis)).execute_and_collect())

        # records arrive 100 ms apart: a 10 s time-to-live keeps everything, a 30 ms one nothing
        self.assertEqual([(1, None, []), (2, 1, [1]), (3, 2, [1, 2])], run(10000))
        self.assertEqual([(1, None, []), (2, None, []), (3, None, [])], run(30))

    def test_broadcast_state(self):
        from sluice.datastream.functions import BroadcastProcessFunction, KeyedBroadcastProcessFunction
        rules_descriptor = MapStateDescriptor("rules", Types.STRING(), Types.INT())

        class Threshold(KeyedBroadcastProcessFunction):
            def open(self, runtime_context):
                self.total = runtime_context.get_state(ValueStateDescriptor("total", Types.INT()))

            def process_element(self, value, ctx):
                total = (self.total.value() or 0) + value[1]
                self.total.update(total)
                limit = ctx.get_broadcast_state(rules_descriptor).get(ctx.get_current_key())
                if limit is not None and total > limit:
                    yield ctx.get_current_key(), total

            def process_broadcast_element(self, value, ctx):
                ctx.get_broadcast_state(rules_descriptor).put(value[0], value[1])

        class Label(BroadcastProcessFunction):
            def process_element(self, value, ctx):
                yield "%s:%s" % (value, ctx.get_broadcast_state(rules_descriptor).get("label"))

            def process_broadcast_element(self, value, ctx):
                ctx.get_broadcast_state(rules_descriptor).put("label", value)

        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_runtime_mode(RuntimeExecutionMode.BATCH)  # the broadcast side is read first
        env.set_parallelism(2)
        rules = env.from_collection([("pen", 5), ("ink", 10)]).broadcast(rules_descriptor)
        events = env.from_collection([("pen", 3), ("ink", 4), ("pen", 3), ("ink", 4), ("cup", 99), ("ink", 4)])
        alerts = events.key_by(lambda e: e[0]).connect(rules).process(Threshold())
        self.assertEqual([("ink", 12), ("pen", 6)], sorted(alerts.execute_and_collect()))
        labels = env.from_collection(["x"]).broadcast(rules_descriptor)
        labelled = env.from_collection(["a", "b"]).connect(labels).process(Label(), Types.STRING())
        self.assertEqual(["a:x", "b:x"], sorted(labelled.execute_and_collect()))

    def test_python_error_fails_the_job_with_traceback(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.from_collection([1, 0]).map(lambda x: 1 // x).print()
        with self.assertRaises(Exception) as e:
            env.execute()
        self.assertIn("ZeroDivisionError", str(e.exception))
        self.assertIn("Traceback (most recent call last)", str(e.exception))

    def test_state_only_on_keyed_streams(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.from_collection([1]).map(CountFirstTwo()).print()
        with self.assertRaises(Exception) as e:
            env.execute()
        self.assertIn("can only be used on a keyed stream", str(e.exception))


if __name__ == '__main__':
    unittest.main()
