package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.VectorValues;
import java.time.LocalDateTime;

/** Timestamps for the window operator tests: second {@code n} of 2024-01-01 as a value and as epoch millis. */
final class WindowTestTimes {
    private WindowTestTimes() {
    }

    /** 2024-01-01 00:00:{@code second}. */
    static LocalDateTime t(int second) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, second);
    }

    /** {@link #t(int) t(second)} in epoch milliseconds, as a watermark. */
    static long millis(int second) {
        return VectorValues.toEpochMillis(t(second));
    }
}
