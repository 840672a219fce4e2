package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignersTest {
    private static final WindowAssigner.WindowAssignerContext CLOCK = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 25_500;
        }
    };

    @Test
    void tumblingWindowsAlignToTheEpochWithOffsetAndNegativeTimes() {
        TumblingEventTimeWindows w = TumblingEventTimeWindows.of(Duration.ofSeconds(10));
        assertEquals(List.of(new TimeWindow(0, 10_000)), List.copyOf(w.assignWindows(null, 0, CLOCK)));
        assertEquals(List.of(new TimeWindow(0, 10_000)), List.copyOf(w.assignWindows(null, 9_999, CLOCK)));
        assertEquals(List.of(new TimeWindow(-10_000, 0)), List.copyOf(w.assignWindows(null, -1, CLOCK)));
        TumblingEventTimeWindows shifted = TumblingEventTimeWindows.of(Duration.ofHours(1), Duration.ofMinutes(15));
        assertEquals(List.of(new TimeWindow(900_000, 4_500_000)), List.copyOf(shifted.assignWindows(null, 1_000_000,
                CLOCK)));
        assertEquals(9_999, new TimeWindow(0, 10_000).maxTimestamp());
        assertThrows(RuntimeException.class, () -> w.assignWindows(null, Long.MIN_VALUE, CLOCK));
    }

    @Test
    void slidingWindowsCoverEveryOverlappingWindow() {
        SlidingEventTimeWindows w = SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5));
        Collection<TimeWindow> windows = w.assignWindows(null, 7_000, CLOCK);
        assertEquals(List.of(new TimeWindow(5_000, 15_000), new TimeWindow(0, 10_000)), List.copyOf(windows));
        assertThrows(IllegalArgumentException.class,
                () -> SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ZERO));
        // an offset is taken modulo the slide
        assertEquals(List.of(new TimeWindow(6_000, 16_000), new TimeWindow(1_000, 11_000)), List.copyOf(
                SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(6))
                        .assignWindows(null, 7_000, CLOCK)));
    }

    @Test
    void processingTimeWindowsUseTheClock() {
        assertEquals(List.of(new TimeWindow(20_000, 30_000)), List.copyOf(
                TumblingProcessingTimeWindows.of(Duration.ofSeconds(10)).assignWindows(null, 0, CLOCK)));
    }

    @Test
    void sessionWindowsMergeOverlappingAndTouchingWindows() {
        EventTimeSessionWindows s = EventTimeSessionWindows.withGap(Duration.ofSeconds(2));
        assertEquals(List.of(new TimeWindow(1_000, 3_000)), List.copyOf(s.assignWindows(null, 1_000, CLOCK)));
        List<String> merges = new ArrayList<>();
        s.mergeWindows(List.of(new TimeWindow(5_000, 7_000), new TimeWindow(1_000, 3_000), new TimeWindow(3_000, 5_000),
                new TimeWindow(10_000, 12_000)), (toMerge, result) -> merges.add(toMerge.size() + "->" + result));
        assertEquals(List.of("3->TimeWindow{start=1000, end=7000}"), merges);
    }
}
