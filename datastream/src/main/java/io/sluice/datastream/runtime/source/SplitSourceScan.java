package io.sluice.datastream.runtime.source;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;

/**
 * Runs a user's implementation of the Source API ({@code fromSource} with a {@link Source} that is not one of
 * Sluice's own): each run of the job gets a copy of the source and one {@link SourceCoordinator} (the split
 * enumerator) shared by its parallel {@link SplitSourceReader}s.
 *
 * <p>Checkpoints: each reader's position holds its reader's splits ({@code SourceReader.snapshotState}); the first
 * reader's position also holds the enumerator's state. The readers snapshot at different moments (each when the
 * checkpoint's barrier passes it); the enumerator's state is taken by the first of them, and what the enumerator
 * assigns after that reaches each reader only after its own snapshot, so the states agree at any parallelism.
 */
public final class SplitSourceScan<T, SplitT extends SourceSplit, EnumT> implements ScanTableSource {
    private final byte[] source;
    private final String description;
    private final boolean bounded;
    private final StateSerializer<T> serializer;
    /** The serialized {@code WatermarkStrategy} of {@code fromSource}, run per split in each reader; or null. */
    private final byte[] watermarkStrategy;
    /** Names this source's readers in a watermark alignment group. */
    private final String id = java.util.UUID.randomUUID().toString();
    private transient SourceCoordinator<T, SplitT, EnumT> coordinator;

    public SplitSourceScan(Source<T, SplitT, EnumT> source, StateSerializer<T> serializer) {
        this(source, serializer, null);
    }

    /**
     * A source whose readers assign timestamps and generate watermarks with {@code watermarkStrategy} (null: none),
     * one generator per split output and one for the reader's own output, as Flink's source operator does.
     */
    public SplitSourceScan(Source<T, SplitT, EnumT> source, StateSerializer<T> serializer,
            io.sluice.api.common.eventtime.WatermarkStrategy<T> watermarkStrategy) {
        this.watermarkStrategy = watermarkStrategy == null ? null : FunctionCopies.serialize(watermarkStrategy);
        this.source = FunctionCopies.serialize(source);
        this.description = source.getClass().getName();
        this.bounded = source.getBoundedness() == Boundedness.BOUNDED;
        this.serializer = serializer;
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    @Override
    public synchronized SourceReader createReader(ReaderContext context) {
        if (coordinator == null || coordinator.hasReader(context.subtaskIndex())) {
            coordinator = new SourceCoordinator<>(FunctionCopies.deserialize(source), context.parallelism());
        }
        coordinator.readerCreated(context.subtaskIndex());
        io.sluice.api.common.eventtime.WatermarkStrategy<T> strategy = watermarkStrategy == null ? null
                : FunctionCopies.deserialize(watermarkStrategy);
        return new SplitSourceReader<>(context, coordinator, serializer, strategy, id + "#" + context.subtaskIndex());
    }

    @Override
    public String describe() {
        return "source(" + description + ")";
    }
}
