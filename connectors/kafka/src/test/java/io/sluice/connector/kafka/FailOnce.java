package io.sluice.connector.kafka;

import io.sluice.table.functions.ScalarFunction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code fail_once(x)} returns x, and throws once, after {@link #AFTER} calls, while {@link #ARMED}. Each call
 * takes {@link #PAUSE_MILLIS}, so a job's progress between two checkpoints is predictable.
 */
public final class FailOnce extends ScalarFunction {
    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicLong CALLS = new AtomicLong();
    static volatile long AFTER = Long.MAX_VALUE;

    static volatile long PAUSE_MILLIS;

    public Long eval(Long x) {
        if (PAUSE_MILLIS > 0) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (CALLS.incrementAndGet() > AFTER && ARMED.compareAndSet(true, false)) {
            throw new IllegalStateException("injected failure");
        }
        return x;
    }
}
