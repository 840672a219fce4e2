package io.sluice.api.common.eventtime;

import java.time.Duration;

/**
 * How a stream gets its timestamps and watermarks: a {@link TimestampAssigner} and a {@link WatermarkGenerator},
 * created for each parallel instance.
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

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
        };
    }

    /** Not supported yet. */
    default WatermarkStrategy<T> withWatermarkAlignment(String watermarkGroup, Duration maxAllowedWatermarkDrift) {
        throw new UnsupportedOperationException("not supported yet: WatermarkStrategy.withWatermarkAlignment");
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
