package io.sluice.api.common.eventtime;

import java.time.Duration;

/** Watermarks for timestamps that never decrease: one millisecond behind the largest timestamp. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
