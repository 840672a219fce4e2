package io.sluice.api.common.eventtime;

import java.io.Serializable;

/**
 * The watermark alignment of a {@link WatermarkStrategy}: the group its sources belong to, how far (in milliseconds)
 * a source's watermark may run ahead of the group's smallest one before the source pauses, and how often the group's
 * watermark is announced. {@link #WATERMARK_ALIGNMENT_DISABLED} is the strategy's default.
 */
public final class WatermarkAlignmentParams implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No alignment: an unbounded drift in no group. */
    public static final WatermarkAlignmentParams WATERMARK_ALIGNMENT_DISABLED =
            new WatermarkAlignmentParams(Long.MAX_VALUE, "", 0);

    private final long maxAllowedWatermarkDrift;
    private final String watermarkGroup;
    private final long updateInterval;

    public WatermarkAlignmentParams(long maxAllowedWatermarkDrift, String watermarkGroup, long updateInterval) {
        this.maxAllowedWatermarkDrift = maxAllowedWatermarkDrift;
        this.watermarkGroup = watermarkGroup;
        this.updateInterval = updateInterval;
    }

    /** Whether the sources of the group are aligned (the drift is bounded). */
    public boolean isEnabled() {
        return maxAllowedWatermarkDrift < Long.MAX_VALUE;
    }

    /** How far, in milliseconds, a source's watermark may be ahead of the group's smallest watermark. */
    public long getMaxAllowedWatermarkDrift() {
        return maxAllowedWatermarkDrift;
    }

    /** The name of the group whose sources are aligned with each other. */
    public String getWatermarkGroup() {
        return watermarkGroup;
    }

    /**
     * How often, in milliseconds, the group's smallest watermark is announced. Sluice's readers look at it before
     * every poll; a reader without splits stops holding the group back after this long.
     */
    public long getUpdateInterval() {
        return updateInterval;
    }
}
