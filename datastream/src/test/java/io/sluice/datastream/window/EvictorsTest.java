package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.streaming.api.windowing.evictors.CountEvictor;
import io.sluice.streaming.api.windowing.evictors.DeltaEvictor;
import io.sluice.streaming.api.windowing.evictors.TimeEvictor;
import io.sluice.streaming.api.windowing.triggers.CountTrigger;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window evictors and the sliding count windows built on them. */
class EvictorsTest {
    private static final ReduceFunction<Tuple2<String, Long>> SUM = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

    private static List<Tuple2<String, Long>> numbers(String key, long... values) {
        List<Tuple2<String, Long>> out = new ArrayList<>();
        for (long v : values) {
            out.add(Tuple2.of(key, v));
        }
        return out;
    }

    @Test
    void slidingCountWindowSumsTheLastRecordsEverySlide() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<Tuple2<String, Long>> in = numbers("a", 1, 2, 3, 4, 5, 6, 7);
        in.addAll(numbers("b", 10, 20));
        List<String> out = new ArrayList<>();
        env.fromData(in).keyBy(t -> t.f0).countWindow(3, 2).reduce(SUM).executeAndCollect()
                .forEachRemaining(t -> out.add(t.toString()));
        // key a fires at its 2nd, 4th and 6th record over its last 3 records; the 7th record does not fire
        assertEquals(List.of("(a,3)", "(a,9)", "(a,15)", "(b,30)"), out);
    }

    @Test
    void slidingCountWindowAllWithAggregate() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<Long> out = env.fromData(1L, 2L, 3L, 4L).countWindowAll(2, 1)
                .aggregate(new io.sluice.api.common.functions.AggregateFunction<Long, long[], Long>() {
                    @Override
                    public long[] createAccumulator() {
                        return new long[1];
                    }

                    @Override
                    public long[] add(Long value, long[] acc) {
                        acc[0] = acc[0] * 10 + value;
                        return acc;
                    }

                    @Override
                    public Long getResult(long[] acc) {
                        return acc[0];
                    }

                    @Override
                    public long[] merge(long[] a, long[] b) {
                        throw new UnsupportedOperationException();
                    }
                }).executeAndCollect(10);
        assertEquals(List.of(1L, 12L, 23L, 34L), out);
    }

    @Test
    void timeEvictorKeepsTheRecordsCloseToTheLatest() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> out = new ArrayList<>();
        env.fromData(numbers("a", 1_000, 2_000, 5_000, 4_000, 7_000, 12_000, 19_000))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .evictor(TimeEvictor.of(Duration.ofSeconds(3)))
                .process(new ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements,
                            Collector<String> collector) {
                        List<Long> values = new ArrayList<>();
                        elements.forEach(e -> values.add(e.f1));
                        collector.collect(ctx.window().getStart() + ": " + values);
                    }
                })
                .executeAndCollect().forEachRemaining(out::add);
        // latest of [0, 10 s) is 7 s: records at or before 4 s are evicted
        assertEquals(List.of("0: [5000, 7000]", "10000: [19000]"), out);
    }

    @Test
    void deltaEvictorAndCountEvictorAfterTheFunction() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<Long> out = env.fromData(numbers("a", 1, 2, 8, 9, 10, 11, 30, 31)).keyBy(t -> t.f0)
                .window(GlobalWindows.create())
                .trigger(CountTrigger.of(4))
                .evictor(DeltaEvictor.<Tuple2<String, Long>, GlobalWindow>of(3.0, (a, b) -> Math.abs(a.f1 - b.f1)))
                .reduce(SUM)
                .map(t -> t.f1).returns(Types.LONG)
                .executeAndCollect(10);
        // first firing sees 1, 2, 8, 9: keeps 8, 9 (within 3 of 9); the second sees 8, 9, 10, 11, 30, 31: keeps 30, 31
        assertEquals(List.of(17L, 61L), out);

        List<Long> after = env.fromData(numbers("a", 1, 2, 3, 4, 5, 6)).keyBy(t -> t.f0)
                .window(GlobalWindows.create())
                .trigger(CountTrigger.of(2))
                .evictor(CountEvictor.of(1, true))
                .reduce(SUM)
                .map(t -> t.f1).returns(Types.LONG)
                .executeAndCollect(10);
        // after each firing only the latest record stays: 1+2, 2+3+4, 4+5+6
        assertEquals(List.of(3L, 9L, 15L), after);
    }
}
