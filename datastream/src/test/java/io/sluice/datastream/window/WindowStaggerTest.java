package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.assigners.WindowStagger;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tumbling windows shifted per instance by a {@link WindowStagger}. */
class WindowStaggerTest {
    private static final WindowAssigner.WindowAssignerContext CLOCK = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 23_000;
        }
    };

    private static TimeWindow only(java.util.Collection<TimeWindow> windows) {
        assertEquals(1, windows.size());
        return List.copyOf(windows).get(0);
    }

    @Test
    void alignedWindowsAreNotShifted() {
        assertEquals(new TimeWindow(0, 10_000), only(TumblingEventTimeWindows.of(Duration.ofSeconds(10),
                Duration.ZERO, WindowStagger.ALIGNED).assignWindows(null, 7_000, CLOCK)));
    }

    @Test
    void naturalWindowsShiftByTheFirstRecordsProcessingTime() {
        // the first record arrives 3 s into an aligned window: windows start 3 s after the aligned ones
        assertEquals(new TimeWindow(3_000, 13_000), only(TumblingEventTimeWindows.of(Duration.ofSeconds(10),
                Duration.ZERO, WindowStagger.NATURAL).assignWindows(null, 7_000, CLOCK)));
        assertEquals(new TimeWindow(23_000, 33_000), only(TumblingProcessingTimeWindows.of(Duration.ofSeconds(10),
                Duration.ZERO, WindowStagger.NATURAL).assignWindows(null, 0, CLOCK)));
    }

    @Test
    void aRandomShiftIsChosenOncePerInstance() {
        TumblingEventTimeWindows windows = TumblingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ZERO,
                WindowStagger.RANDOM);
        TimeWindow first = only(windows.assignWindows(null, 7_000, CLOCK));
        TimeWindow later = only(windows.assignWindows(null, 17_000, CLOCK));
        assertTrue(first.getStart() <= 7_000 && 7_000 < first.getEnd(), first.toString());
        assertEquals(10_000, first.getEnd() - first.getStart());
        assertTrue(later.getStart() <= 17_000 && 17_000 < later.getEnd(), later.toString());
        assertEquals(0, Math.floorMod(later.getStart() - first.getStart(), 10_000), "the same shift");
    }
}
