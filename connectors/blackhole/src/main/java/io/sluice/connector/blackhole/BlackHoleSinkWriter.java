package io.sluice.connector.blackhole;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;

/** Drops every batch; only counts the rows it received. */
public final class BlackHoleSinkWriter implements SinkWriter {
    private long rows;

    @Override
    public void open() {
    }

    @Override
    public void write(RowBatch batch) {
        rows += batch.rowCount();
    }

    /** Rows received so far. */
    public long rowsDiscarded() {
        return rows;
    }

    @Override
    public void finish() {
    }

    @Override
    public void close() {
    }
}
