package io.sluice.api.common.eventtime;

/** Receives the watermarks of a {@link WatermarkGenerator}. */
public interface WatermarkOutput {
    /** Emits a watermark; one not above the previous is ignored. */
    void emitWatermark(Watermark watermark);

    void markIdle();

    void markActive();
}
