package io.sluice.datastream.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.common.eventtime.WatermarkGenerator;
import io.sluice.api.common.eventtime.WatermarkOutput;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A window job with late data: tumbling event-time windows with allowed lateness, late firings, and records later
 * than the lateness going to a side output.
 */
class LateDataWindowTest {

    /** Flink's punctuated generator pattern: a watermark after every event, trailing the largest timestamp. */
    public static class PunctuatedAssigner implements WatermarkGenerator<Tuple2<String, Long>> {
        private long maxTimestamp = Long.MIN_VALUE + 2001;

        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
            output.emitWatermark(new Watermark(maxTimestamp - 2000));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** Counts the records of a window (as in Flink's ProcessWindowFunction documentation). */
    public static class CountWindowFunction
            extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Long>> input, Collector<String> out) {
            long count = 0;
            for (Tuple2<String, Long> ignored : input) {
                count++;
            }
            out.collect("Window: " + context.window() + " key: " + key + " count: " + count);
        }
    }

    static List<Tuple2<String, Long>> events() {
        return List.of(Tuple2.of("a", 1_000L), Tuple2.of("a", 3_000L), Tuple2.of("b", 4_000L),
                Tuple2.of("a", 12_000L), // watermark 10 s: window [0, 10) fires
                Tuple2.of("a", 8_000L), // late but within the allowed lateness: fires again
                Tuple2.of("b", 20_000L), // watermark 18 s: window [0, 10) is cleaned up
                Tuple2.of("a", 5_000L)); // too late: side output
    }

    static final List<String> EXPECTED = List.of(
            "Window: TimeWindow{start=0, end=10000} key: a count: 2",
            "Window: TimeWindow{start=0, end=10000} key: b count: 1",
            "Window: TimeWindow{start=0, end=10000} key: a count: 3",
            "Window: TimeWindow{start=10000, end=20000} key: a count: 1",
            "Window: TimeWindow{start=20000, end=30000} key: b count: 1");

    static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lateRecordsRefireOrGoToTheSideOutput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        OutputTag<Tuple2<String, Long>> lateTag = new OutputTag<Tuple2<String, Long>>("late-data") { };
        DataStream<Tuple2<String, Long>> input = env.fromData(events())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
                        ctx -> new PunctuatedAssigner()).withTimestampAssigner((e, ts) -> e.f1));
        SingleOutputStreamOperator<String> windowed = input
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .allowedLateness(Duration.ofSeconds(5))
                .sideOutputLateData(lateTag)
                .process(new CountWindowFunction());
        DataStream<String> late = windowed.getSideOutput(lateTag).map(e -> "late: " + e);
        List<String> out = new ArrayList<>(windowed.union(late).executeAndCollect(100));
        List<String> expected = new ArrayList<>(EXPECTED);
        expected.add("late: (a,5000)");
        assertEquals(sorted(expected), sorted(out));
        // the re-firing of window [0, 10) comes after its first firing
        assertEquals(true, out.indexOf(EXPECTED.get(2)) > out.indexOf(EXPECTED.get(0)));
    }
}
