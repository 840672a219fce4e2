package io.sluice.api.common.eventtime;

/** Generates no watermarks. */
public final class NoWatermarksGenerator<E> implements WatermarkGenerator<E> {
    @Override
    public void onEvent(E event, long eventTimestamp, WatermarkOutput output) {
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
    }
}
