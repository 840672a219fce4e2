package io.sluice.api.connector.source;

import io.sluice.core.io.SimpleVersionedSerializer;

/**
 * A source for {@code StreamExecutionEnvironment.fromSource}, as Flink's Source API: a {@link SplitEnumerator}
 * discovers splits and assigns them to the parallel {@link SourceReader}s, which read them. Checkpoints hold the
 * readers' splits ({@link SourceReader#snapshotState}) and the enumerator's state, written with the two
 * serializers.
 *
 * @param <T> the records
 * @param <SplitT> the splits
 * @param <EnumChkT> the enumerator's checkpoint
 */
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends SourceReaderFactory<T, SplitT> {
    /** Whether the source ends by itself. */
    Boundedness getBoundedness();

    /** A new enumerator (the job starts without a checkpoint). */
    SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> enumContext) throws Exception;

    /** An enumerator that continues from {@code checkpoint}. */
    SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> enumContext,
            EnumChkT checkpoint) throws Exception;

    SimpleVersionedSerializer<SplitT> getSplitSerializer();

    SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();
}
