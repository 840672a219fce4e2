package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.sluice.streaming.api.windowing.assigners.SessionWindowTimeGapExtractor;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session windows whose gap each record sets ({@code withDynamicGap}). */
class DynamicSessionWindowsTest {
    private static final WindowAssigner.WindowAssignerContext CLOCK = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 5_000;
        }
    };

    @Test
    void eachRecordSetsItsGap() {
        SessionWindowTimeGapExtractor<Long> gap = element -> element;
        assertEquals(List.of(new TimeWindow(1_000, 1_300)), List.copyOf(
                EventTimeSessionWindows.withDynamicGap(gap).assignWindows(300L, 1_000, CLOCK)));
        assertEquals(List.of(new TimeWindow(5_000, 5_020)), List.copyOf(
                ProcessingTimeSessionWindows.withDynamicGap(gap).assignWindows(20L, 1_000, CLOCK)));
        assertThrows(IllegalArgumentException.class,
                () -> EventTimeSessionWindows.withDynamicGap(gap).assignWindows(0L, 1_000, CLOCK));
    }

    @Test
    void sessionsCloseAfterTheirRecordsGaps() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        // (key, time, gap): a's second record is past its first's gap of 10; b's first gap of 100 covers its second
        List<String> out = env.fromData(Types.TUPLE(Types.STRING, Types.LONG, Types.LONG),
                        Tuple3.of("a", 0L, 10L), Tuple3.of("a", 15L, 10L), Tuple3.of("b", 0L, 100L),
                        Tuple3.of("b", 50L, 10L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Long, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0)
                .window(EventTimeSessionWindows.withDynamicGap(
                        (SessionWindowTimeGapExtractor<Tuple3<String, Long, Long>>) t -> t.f2))
                .process(new ProcessWindowFunction<Tuple3<String, Long, Long>, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context context, Iterable<Tuple3<String, Long, Long>> elements,
                            Collector<String> collector) {
                        int n = 0;
                        for (Tuple3<String, Long, Long> e : elements) {
                            n++;
                        }
                        collector.collect(key + " [" + context.window().getStart() + ", " + context.window().getEnd()
                                + ") " + n);
                    }
                })
                .executeAndCollect(10);
        out.sort(null);
        assertEquals(List.of("a [0, 10) 1", "a [15, 25) 1", "b [0, 100) 2"), out);
    }
}
