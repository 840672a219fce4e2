package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.streaming.api.windowing.triggers.CountTrigger;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-window and global state of process window functions, custom triggers, and processing-time windows. */
class WindowStateAndProcessingTimeTest {

    /** Counts firings per window (window state) and windows per key (global state). */
    public static class Firings extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out)
                throws Exception {
            ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Types.INT));
            int f = firings.value() == null ? 1 : firings.value() + 1;
            firings.update(f);
            ValueState<Integer> total = ctx.globalState().getState(new ValueStateDescriptor<>("total", Types.INT));
            int t = total.value() == null ? 1 : total.value() + 1;
            total.update(t);
            int n = 0;
            for (Tuple2<String, Long> ignored : elements) {
                n++;
            }
            out.collect(key + " " + ctx.window().getStart() + " firing " + f + " of window, " + t + " of key, "
                    + n + " records");
        }
    }

    @Test
    void countTriggerFiresEarlyWithWindowAndGlobalState() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> out = env.fromData(Tuple2.of("a", 1L), Tuple2.of("a", 2L), Tuple2.of("a", 3L), Tuple2.of("a", 11L),
                        Tuple2.of("a", 12L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .trigger(CountTrigger.of(2))
                .process(new Firings())
                .executeAndCollect(10);
        assertEquals(List.of("a 0 firing 1 of window, 1 of key, 2 records", "a 10 firing 1 of window, 2 of key, 2 records"),
                out);
    }

    @Test
    void processingTimeWindowsCountEveryRecordOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfiguration().setString("table.exec.batch-size", "10");
        List<Tuple2<String, Long>> out = env.fromSequence(1, 300)
                .map(x -> {
                    Thread.sleep(1);
                    return Tuple2.of("k", 1L);
                }).returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)))
                .sum(1)
                .executeAndCollect(100);
        long total = 0;
        for (Tuple2<String, Long> t : out) {
            total += t.f1;
        }
        // windows fire by the clock while the job runs (at least 300 ms); the last one is not fired at the end
        assertTrue(out.size() >= 1, out.toString());
        assertTrue(total <= 300 && total > 0, out.toString());
        List<Long> sizes = new ArrayList<>();
        out.forEach(t -> sizes.add(t.f1));
        assertTrue(sizes.stream().allMatch(s -> s > 0), sizes.toString());
    }
}
