package io.sluice.runtime.connector;

/** A table source that reads rows into batches. Created by a {@link DynamicTableSourceFactory}. */
public interface ScanTableSource {
    /** True when the source ends by itself (a file), false for an endless stream. */
    boolean isBounded();

    /** A reader for one parallel instance, producing only {@link ReaderContext#projectedFields()}. */
    SourceReader createReader(ReaderContext context);

    /**
     * The row kinds the readers emit (each batch carries its row kinds when not insert-only). Insert-only by
     * default; an upsert source such as upsert-kafka returns a mode with updates and deletes.
     */
    default ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    /** Short text for EXPLAIN, e.g. {@code filesystem(path=/data/orders.csv, format=csv)}. */
    String describe();

    /**
     * What a savepoint records of this source, to refuse restoring the state of another source into it:
     * {@link #describe()} unless some of its options (a rate, say) do not bear on what the state means.
     */
    default String describeState() {
        return describe();
    }
}
