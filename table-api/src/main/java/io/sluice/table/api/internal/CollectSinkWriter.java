package io.sluice.table.api.internal;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.types.Row;
import java.util.concurrent.BlockingQueue;

/**
 * Hands a query's rows to the client: converts each batch to {@link Row}s and puts them on a bounded
 * queue that {@link CollectResultIterator} drains (a full queue holds the job back).
 */
final class CollectSinkWriter implements SinkWriter {
    /** Put on the queue after the last row. */
    static final Object END = new Object();

    private final BlockingQueue<Object> queue;

    CollectSinkWriter(BlockingQueue<Object> queue) {
        this.queue = queue;
    }

    @Override
    public void open() {
    }

    @Override
    public void write(RowBatch batch) throws InterruptedException {
        for (int i = 0; i < batch.rowCount(); i++) {
            queue.put(batch.getRow(i));
        }
    }

    @Override
    public void finish() {
    }

    @Override
    public void close() {
    }
}
