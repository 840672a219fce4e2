package io.sluice.datastream.runtime.source;

import io.sluice.api.common.eventtime.TimestampAssigner;
import io.sluice.api.common.eventtime.TimestampAssignerSupplier;
import io.sluice.api.common.eventtime.WatermarkAlignmentParams;
import io.sluice.api.common.eventtime.WatermarkGenerator;
import io.sluice.api.common.eventtime.WatermarkGeneratorSupplier;
import io.sluice.api.common.eventtime.WatermarkStrategy;

/**
 * The strategy of an aligned source whose watermarks are generated after it ({@code assignTimestampsAndWatermarks}
 * chained to the source): the user's strategy plus the name of the source's readers in their alignment group, so
 * that the operator generating the watermarks reports them for the reader of its parallel instance.
 */
public final class AlignedSourceStrategy<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;
    private final WatermarkStrategy<T> base;
    private final String member;

    public AlignedSourceStrategy(WatermarkStrategy<T> base, String member) {
        this.base = base;
        this.member = member;
    }

    /** The readers' name in the group, without the parallel instance's index. */
    public String member() {
        return member;
    }

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
        return base.getAlignmentParameters();
    }
}
