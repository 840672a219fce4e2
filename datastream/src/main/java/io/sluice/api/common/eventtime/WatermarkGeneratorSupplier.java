package io.sluice.api.common.eventtime;

/** Creates a {@link WatermarkGenerator} for each parallel instance. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends java.io.Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What the supplier may use; nothing yet. */
    interface Context {
    }
}
