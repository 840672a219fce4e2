package io.sluice.runtime.connector;

/** A table source that reads rows into batches. Created by a {@link DynamicTableSourceFactory}. */
public interface ScanTableSource {
    /** True when the source ends by itself (a file), false for an endless stream. */
    boolean isBounded();

    /** A reader for one parallel instance, producing only {@link ReaderContext#projectedFields()}. */
    SourceReader createReader(ReaderContext context);

    /** Short text for EXPLAIN, e.g. {@code filesystem(path=/data/orders.csv, format=csv)}. */
    String describe();
}
