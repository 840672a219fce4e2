package io.sluice.runtime.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSpecTest {
    private static List<String> windows(WindowSpec spec, long ts) {
        long[] starts = new long[spec.maxWindowsPerRow()];
        long[] ends = new long[spec.maxWindowsPerRow()];
        int n = spec.assign(ts, starts, ends);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("[" + starts[i] + "," + ends[i] + ")");
        }
        return out;
    }

    @Test
    void tumbleAlignsToEpochPlusOffsetAlsoForNegativeTimes() {
        assertEquals(List.of("[10,20)"), windows(WindowSpec.tumble(10, 0), 10));
        assertEquals(List.of("[10,20)"), windows(WindowSpec.tumble(10, 0), 19));
        assertEquals(List.of("[-10,0)"), windows(WindowSpec.tumble(10, 0), -1));
        assertEquals(List.of("[3,13)"), windows(WindowSpec.tumble(10, 3), 12));
        assertEquals(List.of("[-7,3)"), windows(WindowSpec.tumble(10, 3), 2));
    }

    @Test
    void hopGivesEveryWindowContainingTheTimestamp() {
        assertEquals(List.of("[0,10)", "[5,15)"), windows(WindowSpec.hop(5, 10, 0), 7));
        assertEquals(List.of("[0,10)", "[5,15)"), windows(WindowSpec.hop(5, 10, 0), 5));
        assertEquals(List.of("[-4,11)", "[1,16)", "[6,21)"), windows(WindowSpec.hop(5, 15, 1), 10));
        // size not a multiple of the slide
        assertEquals(List.of("[3,10)", "[6,13)", "[9,16)"), windows(WindowSpec.hop(3, 7, 0), 9));
    }

    @Test
    void cumulateGivesTheGrowingWindowsOfTheCurrentPeriod() {
        assertEquals(List.of("[0,5)", "[0,10)", "[0,15)"), windows(WindowSpec.cumulate(5, 15, 0), 3));
        assertEquals(List.of("[0,10)", "[0,15)"), windows(WindowSpec.cumulate(5, 15, 0), 5));
        assertEquals(List.of("[15,30)"), windows(WindowSpec.cumulate(5, 15, 0), 29));
        assertThrows(IllegalArgumentException.class, () -> WindowSpec.cumulate(4, 15, 0));
    }
}
