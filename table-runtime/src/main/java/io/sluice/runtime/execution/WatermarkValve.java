package io.sluice.runtime.execution;

import java.util.Arrays;

/**
 * The watermark of one parallel instance, combined from the channels of its inputs, with idle
 * channels: what {@link JobRun} calls when a watermark, an idle/active status or the end of
 * a channel arrives, and which answers the watermark to hand to the operator (if it advanced) and
 * whether the instance as a whole is idle.
 *
 * <p>Rules (Flink's, with the all-idle case of {@link LocalExecutor}):
 * <ul>
 *   <li>An input's watermark is the minimum over its active channels (ended channels count as
 *       {@link Long#MAX_VALUE}); an idle channel is left out of the minimum until it is active again.
 *   <li>A channel that becomes active with a watermark below its input's watermark is left out too
 *       until it catches up, so it cannot hold back what the others already allow.
 *   <li>An input whose every channel that has not ended is idle is idle; the instance's watermark
 *       is the minimum over its inputs that are not idle. When every input that has not ended is
 *       idle, the instance is idle and its watermark does not advance.
 *   <li>The instance's watermark never goes back, and {@link Long#MAX_VALUE} (every input ended) is
 *       never handed out: the end of the inputs delivers it.
 * </ul>
 *
 * <p>Not thread-safe: used by the task thread of its instance only.
 */
final class WatermarkValve {
    /** Returned when the instance's watermark did not advance. */
    static final long NONE = Long.MIN_VALUE;

    private final long[][] channelWatermarks;
    private final boolean[][] idleChannels;
    private final boolean[][] endedChannels;
    private final long[] inputWatermarks;
    private final boolean[] idleInputs;
    private long delivered = Long.MIN_VALUE;
    private boolean idle;

    /** {@code channels[i]} is the number of channels of input {@code i}. */
    WatermarkValve(int[] channels) {
        int inputs = channels.length;
        channelWatermarks = new long[inputs][];
        idleChannels = new boolean[inputs][];
        endedChannels = new boolean[inputs][];
        inputWatermarks = new long[inputs];
        idleInputs = new boolean[inputs];
        Arrays.fill(inputWatermarks, Long.MIN_VALUE);
        for (int i = 0; i < inputs; i++) {
            channelWatermarks[i] = new long[channels[i]];
            idleChannels[i] = new boolean[channels[i]];
            endedChannels[i] = new boolean[channels[i]];
            Arrays.fill(channelWatermarks[i], Long.MIN_VALUE);
        }
    }

    /** True when every input that has not ended is idle (and at least one is). */
    boolean isIdle() {
        return idle;
    }

    /** The watermark handed out last ({@link Long#MIN_VALUE} before the first). */
    long currentWatermark() {
        return delivered;
    }

    /** A channel's watermark arrived; returns the instance's new watermark, or {@link #NONE}. */
    long onWatermark(int input, int channel, long watermark) {
        long[] wms = channelWatermarks[input];
        if (watermark <= wms[channel]) {
            return NONE;
        }
        wms[channel] = watermark;
        return update(input);
    }

    /** A channel became idle ({@code idle}) or active again; returns the new watermark, or {@link #NONE}. */
    long onStatus(int input, int channel, boolean idle) {
        if (endedChannels[input][channel] || idleChannels[input][channel] == idle) {
            return NONE;
        }
        idleChannels[input][channel] = idle;
        return update(input);
    }

    /** A channel ended: it no longer holds anything back; returns the new watermark, or {@link #NONE}. */
    long onEnd(int input, int channel) {
        if (endedChannels[input][channel]) {
            return NONE;
        }
        endedChannels[input][channel] = true;
        idleChannels[input][channel] = false;
        channelWatermarks[input][channel] = Long.MAX_VALUE;
        return update(input);
    }

    private long update(int input) {
        updateInput(input);
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        boolean anyIdle = false;
        for (int i = 0; i < inputWatermarks.length; i++) {
            if (idleInputs[i]) {
                anyIdle = true;
            } else {
                anyActive |= inputWatermarks[i] != Long.MAX_VALUE;
                min = Math.min(min, inputWatermarks[i]);
            }
        }
        idle = anyIdle && !anyActive;
        if (idle || min == Long.MAX_VALUE || min <= delivered) {
            return NONE;
        }
        delivered = min;
        return min;
    }

    /** Recomputes one input's idleness and watermark (never lowering it). */
    private void updateInput(int input) {
        long[] wms = channelWatermarks[input];
        boolean[] idles = idleChannels[input];
        boolean[] ended = endedChannels[input];
        long current = inputWatermarks[input];
        long min = Long.MAX_VALUE;
        boolean anyOpen = false;
        boolean anyActive = false;
        boolean anyAligned = false;
        for (int c = 0; c < wms.length; c++) {
            if (ended[c]) {
                continue;
            }
            anyOpen = true;
            if (idles[c]) {
                continue;
            }
            anyActive = true;
            if (wms[c] >= current) {
                anyAligned = true;
                min = Math.min(min, wms[c]);
            }
        }
        idleInputs[input] = anyOpen && !anyActive;
        if (!anyOpen) {
            inputWatermarks[input] = Long.MAX_VALUE;
        } else if (anyAligned && min > current) {
            inputWatermarks[input] = min;
        }
    }
}
