package io.sluice.runtime.connector;

/**
 * A scan source that generates the watermarks of its table's {@code WATERMARK FOR ... AS ...} clause itself, as
 * Flink's {@code SupportsWatermarkPushDown}: the planner hands it the watermark expression (over the columns the
 * scan produces) instead of adding a watermark assigner after the scan. A source does this when it reads several
 * splits (e.g. Kafka partitions) whose event times advance at different paces: its watermark is the minimum over
 * the splits it reads, each split's being the largest expression value seen in it, and splits without data for
 * the idle timeout are left out. Readers emit watermarks with {@link io.sluice.runtime.operator.Output#emitWatermark}
 * and report that all their splits are idle with {@link SourceReader#isIdle()}.
 */
public interface SupportsWatermarkPushDown {
    /** Called once, before any reader is created, in streaming mode only. */
    void applyWatermark(WatermarkSpec watermark);
}
