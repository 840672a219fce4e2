package io.sluice.api.common.eventtime;

import java.time.Duration;

/**
 * How a stream gets its timestamps and watermarks: a {@link TimestampAssigner} and a {@link WatermarkGenerator},
 * created for each parallel instance.
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** The watermark alignment of the sources using this strategy; disabled unless set with withWatermarkAlignment. */
    default WatermarkAlignmentParams getAlignmentParameters() {
        return WatermarkAlignmentParams.WATERMARK_ALIGNMENT_DISABLED;
    }

    /** The default keeps the timestamps records already have. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    /** This strategy with timestamps from {@code timestampAssigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> timestampAssigner) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return base.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return timestampAssigner.createTimestampAssigner(context);
            }

            @Override
            public WatermarkAlignmentParams getAlignmentParameters() {
                return base.getAlignmentParameters();
            }
        };
    }

    /** This strategy with timestamps from {@code timestampAssigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> timestampAssigner) {
        return withTimestampAssigner(TimestampAssignerSupplier.of(timestampAssigner));
    }

    /**
     * This strategy, with the stream marked idle when no record arrived for {@code idleTimeout}: an idle input then
     * no longer holds back the watermark of the operators it feeds, until records arrive again
     * ({@link WatermarksWithIdleness}).
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, not " + idleTimeout);
        }
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return base.createTimestampAssigner(context);
            }

            @Override
            public WatermarkAlignmentParams getAlignmentParameters() {
                return base.getAlignmentParameters();
            }
        };
    }

    /**
     * This strategy, with the sources that use it aligned with all other sources of {@code watermarkGroup} in the
     * job: a source reader whose watermark is more than {@code maxAllowedWatermarkDrift} ahead of the group's
     * smallest watermark pauses until the others catch up (and pauses its splits that are that far ahead, when its
     * reader supports {@code pauseOrResumeSplits}). Applies to the sources of {@code fromSource}: one's own
     * {@code Source} (per split) and Sluice's own sources such as {@code KafkaSource} (per parallel instance).
     */
    default WatermarkStrategy<T> withWatermarkAlignment(String watermarkGroup, Duration maxAllowedWatermarkDrift) {
        return withWatermarkAlignment(watermarkGroup, maxAllowedWatermarkDrift, Duration.ofSeconds(1));
    }

    /**
     * {@link #withWatermarkAlignment(String, Duration)} with the interval of the group's announcements (Sluice's
     * readers consult the group before every poll; a reader without splits stops holding the group back after it).
     */
    default WatermarkStrategy<T> withWatermarkAlignment(String watermarkGroup, Duration maxAllowedWatermarkDrift,
            Duration updateInterval) {
        if (watermarkGroup == null || maxAllowedWatermarkDrift == null || maxAllowedWatermarkDrift.isNegative()
                || updateInterval == null || updateInterval.isNegative() || updateInterval.isZero()) {
            throw new IllegalArgumentException("Watermark alignment needs a group, a drift of zero or more and a"
                    + " positive update interval");
        }
        WatermarkStrategy<T> base = this;
        WatermarkAlignmentParams params = new WatermarkAlignmentParams(maxAllowedWatermarkDrift.toMillis(),
                watermarkGroup, updateInterval.toMillis());
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return base.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return base.createTimestampAssigner(context);
            }

            @Override
            public WatermarkAlignmentParams getAlignmentParameters() {
                return params;
            }
        };
    }

    /** Watermarks for ascending timestamps. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return ctx -> new AscendingTimestampsWatermarks<>();
    }

    /** Watermarks trailing the largest timestamp seen by {@code maxOutOfOrderness}. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        return ctx -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** Watermarks from a custom generator. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        return generatorSupplier::createWatermarkGenerator;
    }

    /** No watermarks (processing-time jobs). */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return ctx -> new NoWatermarksGenerator<>();
    }
}
