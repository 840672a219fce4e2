package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.common.eventtime.WatermarkGenerator;
import io.sluice.api.common.eventtime.WatermarkOutput;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.sluice.streaming.api.windowing.triggers.DeltaTrigger;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.triggers.TriggerResult;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom triggers on keyed windows ({@code WindowedStream.trigger}) with their partitioned state and timers, their
 * interplay with allowed lateness, their state across a failure, and the built-in continuous and delta triggers.
 * Each expected output is worked out by hand from Flink's trigger semantics.
 */
class TriggersTest {
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    @TempDir
    Path dir;

    /** Watermark = timestamp - 1, emitted with each record. */
    public static final class Punctuated<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /**
     * A user's trigger: fires early at every second record of a window, at the window's end, and at once for a record
     * that comes after the end (within the allowed lateness).
     */
    public static final class EveryTwoAndAtTheEnd extends Trigger<Object, TimeWindow> {
        private final ValueStateDescriptor<Long> countDesc = new ValueStateDescriptor<>("count", Types.LONG);

        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx)
                throws Exception {
            ValueState<Long> count = ctx.getPartitionedState(countDesc);
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
                return TriggerResult.FIRE;
            }
            ctx.registerEventTimeTimer(window.maxTimestamp());
            return n % 2 == 0 ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(countDesc).clear();
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }
    }

    /** Emits key, window and the number of records. */
    public static final class Describe<W extends Window>
            extends ProcessWindowFunction<Tuple2<String, Long>, String, String, W> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Long>> elements,
                Collector<String> out) {
            int n = 0;
            for (Tuple2<String, Long> ignored : elements) {
                n++;
            }
            W w = context.window();
            String window = w instanceof TimeWindow t ? t.getStart() + "-" + t.getEnd() : "global";
            out.collect(key + " " + window + " " + n);
        }
    }

    private static DataStream<Tuple2<String, Long>> events(StreamExecutionEnvironment env, long... times) {
        List<Tuple2<String, Long>> events = new ArrayList<>();
        for (long t : times) {
            events.add(Tuple2.of("a", t));
        }
        return env.fromData(events).assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
                ctx -> new Punctuated<>()).withTimestampAssigner((e, ts) -> e.f1));
    }

    @Test
    @Timeout(60)
    void customTriggerWithAllowedLateness() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        OutputTag<Tuple2<String, Long>> lateTag = new OutputTag<Tuple2<String, Long>>("late") { };
        SingleOutputStreamOperator<String> windows = events(env, 1, 2, 3, 12, 5, 30, 6)
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .trigger(new EveryTwoAndAtTheEnd())
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(lateTag)
                .process(new Describe<>());
        DataStream<String> late = windows.getSideOutput(lateTag).map(e -> "late " + e.f1);
        List<String> out = windows.union(late).executeAndCollect(100);
        // 2nd record: early firing; watermark 11: the end; the late 5 (within 5 ms of lateness): at once; watermark
        // 29 passes the cleanup time 14 of [0, 10), so 6 is too late; [10, 20) at watermark 29, [30, 40) at the end
        assertEquals(List.of("a 0-10 2", "a 0-10 3", "a 0-10 4", "a 10-20 1", "late 6", "a 30-40 1"), out);
    }

    @Test
    @Timeout(60)
    void continuousEventTimeTriggerFiresAtEveryIntervalAndAtTheEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<String> out = events(env, 1, 4, 8, 15)
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(3)))
                .process(new Describe<>())
                .executeAndCollect(100);
        // 1: next firing at 3; watermark 3 fires (1, 4), next 6; watermark 7 fires (1, 4, 8), next min(9, 9);
        // 15: next firing at 18 in [10, 20); watermark 14 fires [0, 10) at its end; the end of input: 18, then 19
        assertEquals(List.of("a 0-10 2", "a 0-10 3", "a 0-10 3", "a 10-20 1", "a 10-20 1"), out);
    }

    @Test
    @Timeout(60)
    void deltaTriggerFiresWhenTheRecordIsFarFromTheLastFiringOne() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<String> out = events(env, 1, 2, 4, 7, 8, 13)
                .keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(DeltaTrigger.of(3.0, (Tuple2<String, Long> a, Tuple2<String, Long> b) -> b.f1 - a.f1,
                        Types.<Tuple2<String, Long>>TUPLE(Types.STRING, Types.LONG).createSerializer(SerializerConfig.DEFAULT)))
                .process(new Describe<>())
                .executeAndCollect(100);
        // reference 1; 4 is 3 away (not more); 7 fires (4 records), reference 7; 13 fires (6 records)
        assertEquals(List.of("a global 4", "a global 6"), out);
    }

    /** Counts records in trigger state and fires at every third record of a key (global windows). */
    public static final class EveryThird extends Trigger<Object, GlobalWindow> {
        private final ValueStateDescriptor<Long> countDesc = new ValueStateDescriptor<>("count", Types.LONG);

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx)
                throws Exception {
            ValueState<Long> count = ctx.getPartitionedState(countDesc);
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            return n % 3 == 0 ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(countDesc).clear();
        }
    }

    /** Slows records down so that checkpoints fall in between; fails once at the 150th record of an instance. */
    public static final class FailOnce implements MapFunction<Long, Tuple2<String, Long>> {
        private int seen;

        @Override
        public Tuple2<String, Long> map(Long value) throws Exception {
            Thread.sleep(1);
            if (++seen == 150 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return Tuple2.of("k" + value % 4, value);
        }
    }

    /** The trigger's count is keyed state: after the failure each key still fires at every third record. */
    @Test
    @Timeout(120)
    void triggerStateIsRestoredAfterAFailure() throws Exception {
        FAILED.set(false);
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "4");
        conf.setString("execution.checkpointing.dir", dir.resolve("checkpoints").toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(20);
        List<String> out = new ArrayList<>();
        env.fromSequence(0, 399).map(new FailOnce())
                .keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(new EveryThird())
                .process(new Describe<>())
                .executeAndCollect().forEachRemaining(out::add);
        assertTrue(FAILED.get(), "the failure was injected");
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            for (int n = 3; n <= 100; n += 3) {
                expected.add("k" + k + " global " + n);
            }
        }
        assertEquals(WindowsTest.sorted(expected), WindowsTest.sorted(out));
    }

    @Test
    @Timeout(60)
    void processingTimeoutTriggerFiresWhenTheNestedTriggerIsLate() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2); // the window runs on its own task threads, whose clock fires the timeout
        env.getConfiguration().setString("table.exec.batch-size", "1");
        List<String> out = env.fromData(1L, 2L, 3L, 4L, 5L)
                .map(x -> {
                    if (x == 3) {
                        Thread.sleep(1500); // records 1 and 2 wait in the window longer than the timeout
                    }
                    return Tuple2.of("a", x);
                }).returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(io.sluice.streaming.api.windowing.triggers.PurgingTrigger.of(
                        io.sluice.streaming.api.windowing.triggers.ProcessingTimeoutTrigger.of(
                                io.sluice.streaming.api.windowing.triggers.CountTrigger.of(3),
                                Duration.ofMillis(300))))
                .process(new Describe<>())
                .executeAndCollect(100);
        // 1, 2: the timeout 300 ms after 1 fires them (and clears the count); 3, 4, 5: the count of 3
        assertEquals(List.of("a global 2", "a global 3"), out);
    }
}
