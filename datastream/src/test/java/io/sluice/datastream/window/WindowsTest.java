package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.windowing.AllWindowFunction;
import io.sluice.streaming.api.functions.windowing.WindowFunction;
import io.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Window assigners and window functions at the API level: each result is computed by hand. */
class WindowsTest {

    static DataStream<Tuple2<String, Long>> events(StreamExecutionEnvironment env, long... aTimes) {
        List<Tuple2<String, Long>> e = new ArrayList<>();
        for (long t : aTimes) {
            e.add(Tuple2.of("a", t));
            e.add(Tuple2.of("b", t + 1));
        }
        return env.fromData(e).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x.f1));
    }

    static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    static List<String> sorted(List<?> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(String.valueOf(v));
        }
        out.sort(null);
        return out;
    }

    /** Emits key, window start and the number of records. */
    public static class Describe implements WindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void apply(String key, TimeWindow window, Iterable<Tuple2<String, Long>> input, Collector<String> out) {
            int n = 0;
            for (Tuple2<String, Long> ignored : input) {
                n++;
            }
            out.collect(key + "@" + window.getStart() + "-" + window.getEnd() + ":" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tumblingReduceSumsPerKeyAndWindow(int p) throws Exception {
        List<Tuple2<String, Long>> out = events(env(p), 1_000, 2_000, 11_000)
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))
                .executeAndCollect(100);
        assertEquals(sorted(List.of("(a,3000)", "(b,3002)", "(a,11000)", "(b,11001)")), sorted(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void slidingWindowsOverlap(int p) throws Exception {
        List<String> out = events(env(p), 1_000, 6_000)
                .keyBy(e -> e.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .apply(new Describe())
                .executeAndCollect(100);
        assertEquals(sorted(List.of("a@-5000-5000:1", "a@0-10000:2", "a@5000-15000:1",
                "b@-5000-5000:1", "b@0-10000:2", "b@5000-15000:1")), sorted(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sessionWindowsMerge(int p) throws Exception {
        List<String> out = events(env(p), 1_000, 2_000, 3_500, 10_000)
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(2)))
                .apply(new Describe())
                .executeAndCollect(100);
        assertEquals(sorted(List.of("a@1000-5500:3", "a@10000-12000:1", "b@1001-5501:3", "b@10001-12001:1")),
                sorted(out));
    }

    /** As in Flink, session windows that just touch merge: rows exactly the gap apart are one session. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sessionWindowsThatTouchMerge(int p) throws Exception {
        List<String> out = events(env(p), 1_000, 3_000, 5_001)
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(2)))
                .apply(new Describe())
                .executeAndCollect(100);
        assertEquals(sorted(List.of("a@1000-5000:2", "a@5001-7001:1", "b@1001-5001:2", "b@5002-7002:1")),
                sorted(out));
    }

    /** The average of the second field. */
    public static class Average implements AggregateFunction<Tuple2<String, Long>, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple2<String, Long> value, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + value.f1, acc.f1 + 1L);
        }

        @Override
        public Double getResult(Tuple2<Long, Long> acc) {
            return ((double) acc.f0) / acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aggregateInSessionWindowsMergesAccumulators(int p) throws Exception {
        List<Double> out = events(env(p), 1_000, 2_000, 3_000)
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(2)))
                .aggregate(new Average())
                .executeAndCollect(100);
        assertEquals(sorted(List.of(2000.0, 2001.0)), sorted(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void countWindowFiresEveryNRecordsPerKey(int p) throws Exception {
        List<Tuple2<String, Long>> out = env(p).fromData(Tuple2.of("a", 1L), Tuple2.of("a", 2L), Tuple2.of("b", 5L),
                        Tuple2.of("a", 3L), Tuple2.of("a", 4L), Tuple2.of("b", 6L), Tuple2.of("a", 100L))
                .keyBy(e -> e.f0)
                .countWindow(2)
                .sum(1)
                .executeAndCollect(100);
        assertEquals(sorted(List.of("(a,3)", "(a,7)", "(b,11)")), sorted(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void windowAllSeesEveryKey(int p) throws Exception {
        List<Long> out = events(env(p), 1_000, 2_000, 12_000)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .apply(new AllWindowFunction<Tuple2<String, Long>, Long, TimeWindow>() {
                    @Override
                    public void apply(TimeWindow window, Iterable<Tuple2<String, Long>> values, Collector<Long> out) {
                        long n = 0;
                        for (Tuple2<String, Long> ignored : values) {
                            n++;
                        }
                        out.collect(n);
                    }
                })
                .executeAndCollect(100);
        assertEquals(sorted(List.of(4L, 2L)), sorted(out));
    }

}
