package io.sluice.datastream.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code WatermarkStrategy.withIdleness}: of two parallel source readers only one ever gets data; the other, idle,
 * no longer holds back the event-time windows downstream.
 */
class WithIdlenessTest {

    /** One split of the numbers 0..19 (timestamp 10 * n), for whichever of the two readers asks first; unbounded. */
    private static RangeSource oneSplitForTwoReaders(String name) {
        return new RangeSource(1, 20, 3_600_000, name);
    }

    @Test
    @Timeout(30)
    void idleReaderDoesNotHoldBackWindowsOfFromSource() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Long> sums = env.fromSource(oneSplitForTwoReaders("idle-fromSource"),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(200)),
                        "one split", Types.LONG)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(50)))
                .reduce(Long::sum)
                .executeAndCollect(3);
        // windows [0,50), [50,100), [100,150); the watermark (189) does not reach the end of [150,200)
        assertEquals(List.of(10L, 35L, 60L), sums);
    }

    @Test
    @Timeout(30)
    void idlenessAppliedAfterAMapOnTheSourcesStream() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Long> sums = env.fromSource(oneSplitForTwoReaders("idle-assign"), WatermarkStrategy.noWatermarks(),
                        "one split", Types.LONG)
                .map(x -> x * 2)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ZERO)
                        .withTimestampAssigner((x, ts) -> x * 5)
                        .withIdleness(Duration.ofMillis(200)))
                .keyBy(x -> 0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .reduce(Long::sum)
                .executeAndCollect(1);
        // record n becomes 2n with timestamp 10n: [0,100) holds 0..9; the watermark (189) stays below 199
        assertEquals(List.of(90L), sums);
    }

    @Test
    void idleTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ZERO));
    }
}
