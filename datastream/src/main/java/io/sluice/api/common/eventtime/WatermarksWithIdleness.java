package io.sluice.api.common.eventtime;

import java.time.Duration;

/**
 * A {@link WatermarkGenerator} that marks its output idle when no record arrived for {@code idleTimeout}, and
 * active again with the next record ({@link WatermarkStrategy#withIdleness}). While idle it emits no periodic
 * watermark.
 *
 * <p>In Sluice the idleness takes effect at the sources feeding the stream that assigns the watermarks: a source
 * instance that emitted no record for the timeout stops holding back the watermark downstream (as a Flink source
 * split without records does), until it emits records again.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutMillis;
    private long lastEvent = System.currentTimeMillis();
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, not " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    /** The idle timeout (a Sluice accessor: the runtime applies it at the sources). */
    public Duration idleTimeout() {
        return Duration.ofMillis(idleTimeoutMillis);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        lastEvent = System.currentTimeMillis();
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (!idle && System.currentTimeMillis() - lastEvent >= idleTimeoutMillis) {
            idle = true;
            output.markIdle();
        }
        if (!idle) {
            watermarks.onPeriodicEmit(output);
        }
    }
}
