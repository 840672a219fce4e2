"""Windows of the Python DataStream API beyond time windows: session, count and global windows, triggers, allowed
lateness and windows over a whole stream; the PyFlink examples with their documented results."""

import unittest

from sluice.common import Configuration, Time, Types, WatermarkStrategy
from sluice.common.watermark_strategy import TimestampAssigner
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.functions import (AllWindowFunction, ProcessAllWindowFunction, ProcessWindowFunction,
                                         WindowFunction)
from sluice.datastream.output_tag import OutputTag
from sluice.datastream.window import (ContinuousEventTimeTrigger, CountSlidingWindowAssigner, CountTrigger,
                                      CountTumblingWindowAssigner, CountWindow, EventTimeSessionWindows,
                                      EventTimeTrigger, GlobalWindows, PurgingTrigger,
                                      SessionWindowTimeGapExtractor, TumblingEventTimeWindows, Trigger,
                                      TriggerResult)


class SecondColumnTimestampAssigner(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return int(value[1])


class CountWindowProcessFunction(ProcessWindowFunction):
    def process(self, key, context, elements):
        return [(key, context.window().start, context.window().end, len([e for e in elements]))]


class SumWindowFunction(WindowFunction):
    def apply(self, key, window, inputs):
        result = 0
        for i in inputs:
            result += i[0]
        return [(key, result)]


def environment(batch_size=None):
    config = Configuration()
    if batch_size is not None:
        # one record per batch: the watermark moves between records, as with a slow source
        config.set_string("table.exec.batch-size", str(batch_size))
    env = StreamExecutionEnvironment.get_execution_environment(config)
    env.set_parallelism(1)
    return env


def event_time(ds):
    return ds.assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                               .with_timestamp_assigner(SecondColumnTimestampAssigner()))


HI = [('hi', 1), ('hi', 2), ('hi', 3), ('hi', 4), ('hi', 8), ('hi', 9), ('hi', 15)]
WORDS = [(1, 'hi'), (2, 'hello'), (3, 'hi'), (4, 'hello'), (5, 'hi'), (6, 'hello')]
RESULT = Types.TUPLE([Types.STRING(), Types.LONG(), Types.LONG(), Types.INT()])


class SessionWindowTest(unittest.TestCase):
    def test_event_time_session_window(self):
        env = environment()
        ds = env.from_collection(HI, type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = event_time(ds).key_by(lambda x: x[0], key_type=Types.STRING()) \
            .window(EventTimeSessionWindows.with_gap(Time.milliseconds(5))) \
            .process(CountWindowProcessFunction(), RESULT).execute_and_collect()
        self.assertEqual(sorted(result), [('hi', 1, 14, 6), ('hi', 15, 20, 1)])

    def test_dynamic_gap_session_window_with_reduce(self):
        class Gap(SessionWindowTimeGapExtractor):
            def extract(self, element):
                return 1 if element[1] < 5 else 3

        env = environment()
        ds = env.from_collection(HI, type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = event_time(ds).key_by(lambda x: x[0]) \
            .window(EventTimeSessionWindows.with_dynamic_gap(Gap())) \
            .reduce(lambda a, b: (a[0], a[1] + b[1])).execute_and_collect()
        # [1,2) [2,3) [3,4) [4,5) merge to [1,5) (windows that touch merge, as in Flink); [8,11) [9,12) to [8,12);
        # [15,18) alone
        self.assertEqual(sorted(result), [('hi', 10), ('hi', 15), ('hi', 17)])

    def test_session_window_aggregate_merges_accumulators(self):
        from sluice.common import Duration
        from sluice.datastream.functions import AggregateFunction

        class SumCountMerged(AggregateFunction):
            def create_accumulator(self):
                return 0, 0, False

            def add(self, value, accumulator):
                return accumulator[0] + value[1], accumulator[1] + 1, accumulator[2]

            def get_result(self, accumulator):
                return accumulator

            def merge(self, a, b):
                return a[0] + b[0], a[1] + b[1], True

        env = environment()
        # sessions [1,6) and [10,15) hold a record each when 6 arrives and joins them into [1,15)
        ds = env.from_collection([('a', 1), ('a', 10), ('a', 6)], type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = ds.assign_timestamps_and_watermarks(
            WatermarkStrategy.for_bounded_out_of_orderness(Duration.of_millis(20))
            .with_timestamp_assigner(SecondColumnTimestampAssigner())) \
            .key_by(lambda x: x[0]).window(EventTimeSessionWindows.with_gap(Time.milliseconds(5))) \
            .aggregate(SumCountMerged(), output_type=Types.TUPLE([Types.INT(), Types.INT(), Types.BOOLEAN()]))
        self.assertEqual([(17, 3, True)], list(result.execute_and_collect()))

    def test_session_windows_need_a_merging_trigger(self):
        class NotMerging(Trigger):
            def on_element(self, element, timestamp, window, ctx):
                return TriggerResult.CONTINUE

            def on_processing_time(self, time, window, ctx):
                return TriggerResult.CONTINUE

            def on_event_time(self, time, window, ctx):
                return TriggerResult.CONTINUE

            def clear(self, window, ctx):
                pass

        env = environment()
        ds = env.from_collection(HI)
        with self.assertRaisesRegex(TypeError, "does not support merging"):
            ds.key_by(lambda x: x[0]).window(EventTimeSessionWindows.with_gap(Time.milliseconds(5))) \
                .trigger(NotMerging())


class CountWindowTest(unittest.TestCase):
    def test_count_tumbling_window(self):
        env = environment()
        ds = env.from_collection(WORDS, type_info=Types.TUPLE([Types.INT(), Types.STRING()]))
        result = ds.key_by(lambda x: x[1], key_type=Types.STRING()) \
            .window(CountTumblingWindowAssigner.of(2)) \
            .apply(SumWindowFunction(), Types.TUPLE([Types.STRING(), Types.INT()])).execute_and_collect()
        # the third record of each key opens a window that never fills
        self.assertEqual(sorted(result), [('hello', 6), ('hi', 4)])

    def test_count_sliding_window(self):
        env = environment()
        ds = env.from_collection(WORDS, type_info=Types.TUPLE([Types.INT(), Types.STRING()]))
        result = ds.key_by(lambda x: x[1], key_type=Types.STRING()) \
            .window(CountSlidingWindowAssigner(2, 1)) \
            .apply(SumWindowFunction(), Types.TUPLE([Types.STRING(), Types.INT()])).execute_and_collect()
        self.assertEqual(sorted(result), [('hello', 6), ('hello', 10), ('hi', 4), ('hi', 8)])

    def test_count_window_of_keyed_stream_with_window_id(self):
        class Ids(ProcessWindowFunction):
            def process(self, key, context, elements):
                w = context.window()
                yield key, w.id if isinstance(w, CountWindow) else -1, [e[0] for e in elements]

        env = environment()
        ds = env.from_collection(WORDS, type_info=Types.TUPLE([Types.INT(), Types.STRING()]))
        result = ds.key_by(lambda x: x[1]).count_window(3, 1).process(Ids()).execute_and_collect()
        self.assertEqual(sorted(result), [('hello', 0, [2, 4, 6]), ('hi', 0, [1, 3, 5])])

    def test_count_window_reduce_and_aggregate(self):
        from sluice.datastream.functions import AggregateFunction

        class Average(AggregateFunction):
            def create_accumulator(self):
                return 0, 0

            def add(self, value, accumulator):
                return accumulator[0] + value[0], accumulator[1] + 1

            def get_result(self, accumulator):
                return accumulator[0] / accumulator[1]

            def merge(self, a, b):
                return a[0] + b[0], a[1] + b[1]

        env = environment()
        ds = env.from_collection(WORDS, type_info=Types.TUPLE([Types.INT(), Types.STRING()]))
        keyed = ds.key_by(lambda x: x[1])
        self.assertEqual(sorted(keyed.count_window(3).reduce(lambda a, b: (a[0] + b[0], a[1]))
                                .execute_and_collect()), [(9, 'hi'), (12, 'hello')])
        self.assertEqual(sorted(keyed.count_window(2).aggregate(Average(), output_type=Types.DOUBLE())
                                .execute_and_collect()), [2.0, 3.0])


class GlobalWindowTest(unittest.TestCase):
    def test_global_window_fires_only_by_its_trigger(self):
        env = environment()
        ds = env.from_collection(WORDS, type_info=Types.TUPLE([Types.INT(), Types.STRING()]))
        keyed = ds.key_by(lambda x: x[1])
        self.assertEqual(list(keyed.window(GlobalWindows.create()).reduce(lambda a, b: a).execute_and_collect()),
                         [])
        fired = keyed.window(GlobalWindows.create()).trigger(CountTrigger.of(2)) \
            .apply(SumWindowFunction(), Types.TUPLE([Types.STRING(), Types.INT()])).execute_and_collect()
        # CountTrigger fires without purging: the second firing sums all records so far
        self.assertEqual(sorted(fired), [('hello', 6), ('hi', 4)])
        purged = keyed.window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(1))) \
            .apply(SumWindowFunction(), Types.TUPLE([Types.STRING(), Types.INT()])).execute_and_collect()
        self.assertEqual(sorted(purged), sorted([('hi', 1), ('hello', 2), ('hi', 3), ('hello', 4), ('hi', 5),
                                                 ('hello', 6)]))

    def test_custom_trigger_with_partitioned_state_and_timers(self):
        from sluice.datastream.state import ValueStateDescriptor

        class EverySecondOrAtTen(Trigger):
            """Fires at every second record of a window and when the watermark passes 10."""

            def __init__(self):
                self.seen = ValueStateDescriptor("seen", Types.INT())

            def on_element(self, element, timestamp, window, ctx):
                ctx.register_event_time_timer(10)
                state = ctx.get_partitioned_state(self.seen)
                n = (state.value() or 0) + 1
                state.update(n)
                return TriggerResult.FIRE if n % 2 == 0 else TriggerResult.CONTINUE

            def on_processing_time(self, time, window, ctx):
                return TriggerResult.CONTINUE

            def on_event_time(self, time, window, ctx):
                return TriggerResult.FIRE_AND_PURGE if time == 10 else TriggerResult.CONTINUE

            def clear(self, window, ctx):
                ctx.get_partitioned_state(self.seen).clear()

        class Collect(ProcessWindowFunction):
            def process(self, key, context, elements):
                yield [e[1] for e in elements]

        env = environment(batch_size=1)
        ds = env.from_collection(HI, type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = event_time(ds).key_by(lambda x: x[0]).window(GlobalWindows.create()) \
            .trigger(EverySecondOrAtTen()).process(Collect()).execute_and_collect()
        # the watermark follows each record (monotonous timestamps: the record's time minus 1), so the timer at 10
        # fires once 15 is in the window
        self.assertEqual(list(result), [[1, 2], [1, 2, 3, 4], [1, 2, 3, 4, 8, 9], [1, 2, 3, 4, 8, 9, 15]])

    def test_continuous_event_time_trigger(self):
        env = environment(batch_size=1)
        ds = env.from_collection(HI, type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = event_time(ds).key_by(lambda x: x[0]).window(TumblingEventTimeWindows.of(Time.milliseconds(20))) \
            .trigger(ContinuousEventTimeTrigger.of(Time.milliseconds(5))) \
            .process(CountWindowProcessFunction(), RESULT).execute_and_collect()
        # fires at 5 when 8 has moved the watermark to 7 (5 records), at 10 after 15 (7), and at the end of the input
        # at 15 and at the window's end, 19
        self.assertEqual(list(result), [('hi', 0, 20, 5), ('hi', 0, 20, 7), ('hi', 0, 20, 7), ('hi', 0, 20, 7)])


class LatenessTest(unittest.TestCase):
    DATA = [('a', 1), ('a', 12), ('a', 3), ('a', 25), ('a', 4)]

    def _windows(self, lateness=None, late_tag=None):
        env = environment(batch_size=1)
        ds = env.from_collection(self.DATA, type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        w = event_time(ds).key_by(lambda x: x[0]).window(TumblingEventTimeWindows.of(Time.milliseconds(10)))
        if lateness is not None:
            w = w.allowed_lateness(lateness)
        if late_tag is not None:
            w = w.side_output_late_data(late_tag)
        return w.process(CountWindowProcessFunction(), RESULT)

    def test_without_allowed_lateness_late_records_are_dropped(self):
        self.assertEqual(list(self._windows().execute_and_collect()),
                         [('a', 0, 10, 1), ('a', 10, 20, 1), ('a', 20, 30, 1)])

    def test_allowed_lateness_fires_the_window_again(self):
        # 3 arrives after the watermark passed 10 but within the lateness: [0,10) fires again with 2 records;
        # 4 arrives after the watermark passed 19 (end plus lateness): dropped
        late = OutputTag("late", Types.TUPLE([Types.STRING(), Types.INT()]))
        result = self._windows(lateness=10, late_tag=late)
        late_records = result.get_side_output(late)
        self.assertEqual(list(result.execute_and_collect()),
                         [('a', 0, 10, 1), ('a', 0, 10, 2), ('a', 10, 20, 1), ('a', 20, 30, 1)])
        self.assertEqual(list(late_records.execute_and_collect()), [('a', 4)])

    def test_negative_lateness_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "negative"):
            environment().from_collection([1]).key_by(lambda x: x) \
                .window(TumblingEventTimeWindows.of(Time.milliseconds(10))).allowed_lateness(-1)


class WindowFunctionStateTest(unittest.TestCase):
    def test_window_state_and_global_state(self):
        from sluice.datastream.state import ValueStateDescriptor

        class Firings(ProcessWindowFunction):
            def process(self, key, context, elements):
                # a window fires once per record (CountTrigger.of(1)): window_state counts the window's firings,
                # global_state the key's firings over all its windows
                fired = context.window_state().get_state(ValueStateDescriptor("fired", Types.INT()))
                fired.update((fired.value() or 0) + 1)
                total = context.global_state().get_state(ValueStateDescriptor("total", Types.INT()))
                total.update((total.value() or 0) + 1)
                yield key, context.window().start, fired.value(), total.value()

            def clear(self, context):
                context.window_state().get_state(ValueStateDescriptor("fired", Types.INT())).clear()

        env = environment()
        ds = env.from_collection([('a', 1), ('a', 2), ('b', 3), ('a', 12), ('a', 14), ('b', 15)],
                                 type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = event_time(ds).key_by(lambda x: x[0]) \
            .window(TumblingEventTimeWindows.of(Time.milliseconds(10))).trigger(CountTrigger.of(1)) \
            .process(Firings(), Types.TUPLE([Types.STRING(), Types.LONG(), Types.INT(), Types.INT()]))
        self.assertEqual([('a', 0, 1, 1), ('a', 0, 2, 2), ('a', 10, 1, 3), ('a', 10, 2, 4),
                          ('b', 0, 1, 1), ('b', 10, 1, 2)], sorted(result.execute_and_collect()))

    def test_merging_windows_have_no_window_state(self):
        class UsesWindowState(ProcessWindowFunction):
            def process(self, key, context, elements):
                context.window_state()
                yield key

        ds = environment().from_collection(HI, type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = event_time(ds).key_by(lambda x: x[0]) \
            .window(EventTimeSessionWindows.with_gap(Time.milliseconds(5))).process(UsesWindowState(), Types.STRING())
        with self.assertRaisesRegex(Exception, "Per-window state is not allowed when using merging windows"):
            list(result.execute_and_collect())


class AllWindowTest(unittest.TestCase):
    def test_window_all_process(self):
        class Sums(ProcessAllWindowFunction):
            def process(self, context, elements):
                yield context.window().start, sum(e[1] for e in elements)

        env = environment()
        env.set_parallelism(2)
        ds = env.from_collection(HI, type_info=Types.TUPLE([Types.STRING(), Types.INT()]))
        result = event_time(ds).window_all(TumblingEventTimeWindows.of(Time.milliseconds(5))) \
            .process(Sums(), Types.TUPLE([Types.LONG(), Types.INT()])).execute_and_collect()
        self.assertEqual(sorted(result), [(0, 10), (5, 17), (15, 15)])

    def test_count_window_all_apply_and_reduce(self):
        class Firsts(AllWindowFunction):
            def apply(self, window, inputs):
                yield [i[0] for i in inputs]

        env = environment()
        ds = env.from_collection(WORDS, type_info=Types.TUPLE([Types.INT(), Types.STRING()]))
        self.assertEqual(list(ds.count_window_all(4).apply(Firsts()).execute_and_collect()), [[1, 2, 3, 4]])
        self.assertEqual(list(ds.count_window_all(2, 2).reduce(lambda a, b: (a[0] + b[0], 'x'))
                              .execute_and_collect()), [(3, 'x'), (7, 'x'), (11, 'x')])

    def test_default_trigger_of_event_time_windows(self):
        self.assertIsInstance(TumblingEventTimeWindows.of(Time.seconds(1)).get_default_trigger(None),
                              EventTimeTrigger)


if __name__ == '__main__':
    unittest.main()
