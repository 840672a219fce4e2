package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.eventtime.TimestampAssigner;
import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.common.eventtime.WatermarkGenerator;
import io.sluice.api.common.eventtime.WatermarkOutput;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.RecordEmitException;

/**
 * {@code assignTimestampsAndWatermarks}: sets each record's timestamp with the strategy's assigner and emits the
 * watermarks its generator produces, on each record (punctuated) and after each batch of records and on the
 * processing-time schedule (periodic). Watermarks from upstream are dropped, except the final one at the end of
 * input. After an aligned source ({@code withWatermarkAlignment}) it reports each watermark to the source's alignment
 * group for the reader of its parallel instance.
 */
public final class TimestampsAndWatermarksOperator extends ChainedOperator implements WatermarkOutput {
    private static final long serialVersionUID = 1L;
    private final WatermarkStrategy<Object> strategy;
    private transient TimestampAssigner<Object> assigner;
    private transient WatermarkGenerator<Object> generator;
    private transient long current;
    /** The name of the aligned source reader this instance generates watermarks for, or null. */
    private transient String alignedMember;

    @SuppressWarnings("unchecked")
    public TimestampsAndWatermarksOperator(String name, WatermarkStrategy<?> strategy) {
        super(name);
        this.strategy = (WatermarkStrategy<Object>) strategy;
    }

    @Override
    public void open() {
        assigner = strategy.createTimestampAssigner(new io.sluice.api.common.eventtime.TimestampAssignerSupplier.Context() {
        });
        generator = strategy.createWatermarkGenerator(new io.sluice.api.common.eventtime.WatermarkGeneratorSupplier.Context() {
        });
        current = Long.MIN_VALUE;
        if (strategy instanceof io.sluice.datastream.runtime.source.AlignedSourceStrategy) {
            alignedMember = ((io.sluice.datastream.runtime.source.AlignedSourceStrategy<?>) strategy).member() + "#"
                    + context.getIndexOfThisSubtask();
        }
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        long ts = assigner.extractTimestamp(value, timestamp);
        output.collect(value, ts);
        generator.onEvent(value, ts, this);
    }

    @Override
    public void onBatchEnd() throws Exception {
        generator.onPeriodicEmit(this);
    }

    @Override
    public boolean wantsProcessingTime() {
        return true;
    }

    @Override
    public void onProcessingTime(long now) {
        generator.onPeriodicEmit(this);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark == Long.MAX_VALUE) {
            emit(watermark);
        }
    }

    private void emit(long watermark) throws Exception {
        if (watermark > current) {
            current = watermark;
            output.emitWatermark(watermark);
            report(watermark);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        try {
            emit(watermark.getTimestamp());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RecordEmitException(e);
        }
    }

    /** The source is idle ({@code withIdleness}): an aligned source then holds its group back no more. */
    @Override
    public void markIdle() {
        report(Long.MAX_VALUE);
    }

    /** Records arrive again: an aligned source holds its group at its watermark again. */
    @Override
    public void markActive() {
        report(current);
    }

    private void report(long watermark) {
        if (alignedMember != null) {
            io.sluice.datastream.runtime.source.WatermarkAlignmentGroup.reportGenerated(context.config(),
                    strategy.getAlignmentParameters().getWatermarkGroup(), alignedMember, watermark);
        }
    }
}
