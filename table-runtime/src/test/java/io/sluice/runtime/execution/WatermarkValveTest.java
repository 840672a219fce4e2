package io.sluice.runtime.execution;

import static io.sluice.runtime.execution.WatermarkValve.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatermarkValveTest {
    @Test
    void theWatermarkIsTheMinimumOverChannelsAndNeverGoesBack() {
        WatermarkValve valve = new WatermarkValve(new int[] {2});
        assertEquals(NONE, valve.onWatermark(0, 0, 100));
        assertEquals(50, valve.onWatermark(0, 1, 50));
        assertEquals(NONE, valve.onWatermark(0, 1, 40), "a smaller watermark of a channel is ignored");
        assertEquals(100, valve.onWatermark(0, 1, 200));
        assertEquals(NONE, valve.onWatermark(0, 0, 100));
        assertEquals(100, valve.currentWatermark());
    }

    @Test
    void anIdleChannelNoLongerHoldsTheWatermarkBackUntilItIsActiveAgain() {
        WatermarkValve valve = new WatermarkValve(new int[] {2});
        assertEquals(NONE, valve.onWatermark(0, 0, 1000));
        assertEquals(1000, valve.onStatus(0, 1, true), "channel 1 never sent a watermark but is idle");
        assertFalse(valve.isIdle());
        assertEquals(2000, valve.onWatermark(0, 0, 2000));
        // channel 1 resumes behind: it is left out until it catches up, so channel 0 still advances alone
        assertEquals(NONE, valve.onStatus(0, 1, false));
        assertEquals(NONE, valve.onWatermark(0, 1, 1500));
        assertEquals(3000, valve.onWatermark(0, 0, 3000));
        // once caught up it counts again and holds channel 0 back
        assertEquals(NONE, valve.onWatermark(0, 1, 3100));
        assertEquals(3100, valve.onWatermark(0, 0, 4000));
        assertEquals(4000, valve.onWatermark(0, 1, 5000));
    }

    @Test
    void whenEveryChannelIsIdleTheInstanceIsIdleAndItsWatermarkHolds() {
        WatermarkValve valve = new WatermarkValve(new int[] {2});
        assertEquals(NONE, valve.onWatermark(0, 0, 100));
        assertEquals(50, valve.onWatermark(0, 1, 50));
        assertEquals(100, valve.onStatus(0, 1, true));
        assertEquals(NONE, valve.onStatus(0, 0, true));
        assertTrue(valve.isIdle());
        assertEquals(NONE, valve.onWatermark(0, 1, 900), "a watermark of an idle channel does not count");
        assertEquals(100, valve.currentWatermark());
        assertEquals(900, valve.onStatus(0, 1, false));
        assertFalse(valve.isIdle());
    }

    @Test
    void anIdleInputIsLeftOutOfTheMinimumOverInputs() {
        WatermarkValve valve = new WatermarkValve(new int[] {1, 2});
        assertEquals(NONE, valve.onWatermark(0, 0, 500));
        assertEquals(NONE, valve.onStatus(1, 0, true));
        assertEquals(500, valve.onStatus(1, 1, true), "input 1 is idle: input 0 alone decides");
        assertFalse(valve.isIdle());
        assertEquals(NONE, valve.onStatus(0, 0, true));
        assertTrue(valve.isIdle());
    }

    @Test
    void endedChannelsDoNotHoldBackButOnlyIdleOnesLeftMakeTheInstanceIdle() {
        WatermarkValve valve = new WatermarkValve(new int[] {2});
        assertEquals(NONE, valve.onWatermark(0, 0, 300));
        assertEquals(300, valve.onEnd(0, 1));
        assertEquals(NONE, valve.onStatus(0, 0, true));
        assertTrue(valve.isIdle(), "the only open channel is idle");
        assertEquals(NONE, valve.onEnd(0, 0), "every channel ended: the end of input delivers the final watermark");
        assertFalse(valve.isIdle());
        assertEquals(300, valve.currentWatermark());
    }
}
