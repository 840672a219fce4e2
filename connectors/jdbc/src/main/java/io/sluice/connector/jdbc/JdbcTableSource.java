package io.sluice.connector.jdbc;

import io.sluice.runtime.connector.LookupFunction;
import io.sluice.runtime.connector.LookupTableSource;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.types.RowType;

/**
 * A table in a database read through JDBC: a bounded scan (split into ranges of
 * {@code scan.partition.column} between parallel readers) and lookups by key for lookup joins.
 *
 * <p><b>Streaming semantics.</b> Insert-only, bounded: the scan reads the table as it is when each reader
 * runs its query; no watermarks. Readers do not checkpoint a position: a restarted job reads the table again.
 */
public final class JdbcTableSource implements ScanTableSource, LookupTableSource {
    private final JdbcConnectionOptions connection;
    private final RowType physicalType;
    private final JdbcScanPartitions partitions;
    private final int fetchSize;
    private final boolean autoCommit;
    private final JdbcLookupOptions lookupOptions;

    JdbcTableSource(JdbcConnectionOptions connection, RowType physicalType, JdbcScanPartitions partitions,
            int fetchSize, boolean autoCommit, JdbcLookupOptions lookupOptions) {
        this.connection = connection;
        this.physicalType = physicalType;
        this.partitions = partitions;
        this.fetchSize = fetchSize;
        this.autoCommit = autoCommit;
        this.lookupOptions = lookupOptions;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new JdbcSourceReader(connection, physicalType, partitions, fetchSize, autoCommit, context);
    }

    @Override
    public LookupFunction createLookupFunction(int[] keyFields) {
        return new JdbcLookupFunction(connection, physicalType, keyFields, lookupOptions);
    }

    @Override
    public String describe() {
        return "jdbc(" + connection + (partitions == null ? "" : ", partitions=" + partitions) + ")";
    }
}
