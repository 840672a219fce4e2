package io.sluice.server.flight;

import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One statement's answer, from the FlightInfo that announced its schema to the DoGet that streams it: batches are
 * sent as they come (a streaming query's until the client cancels), at the pace the client reads them.
 */
final class FlightResult implements AutoCloseable {
    private static final long READY_WAIT_MILLIS = 1_000;

    private final String id;
    private final Schema schema;
    private final ResultBatches batches;
    private final long createdMillis = System.currentTimeMillis();

    FlightResult(String id, Schema schema, ResultBatches batches) {
        this.id = id;
        this.schema = schema;
        this.batches = batches;
    }

    String id() {
        return id;
    }

    Schema schema() {
        return schema;
    }

    long createdMillis() {
        return createdMillis;
    }

    /**
     * Streams the batches to {@code listener} (at most {@code maxRows} rows when positive, then the result ends and its
     * job stops), ending with completion, or with the statement's failure as a Flight error. Closes the result.
     */
    void stream(ServerStreamListener listener, BufferAllocator allocator, long maxRows) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy() {
                @Override
                protected void cancelCallback() { // the client cancelled: stop the job now, not at the next batch
                    close();
                }
            };
            backpressure.register(listener);
            listener.start(root);
            VectorLoader loader = new VectorLoader(root);
            long sent = 0;
            while (maxRows <= 0 || sent < maxRows) {
                VectorSchemaRoot next = batches.next(listener::isCancelled);
                if (next == null) {
                    break;
                }
                try (next; ArrowRecordBatch data = new VectorUnloader(next).getRecordBatch()) {
                    loader.load(data);
                }
                if (maxRows > 0 && sent + root.getRowCount() > maxRows) {
                    root.setRowCount((int) (maxRows - sent));
                }
                if (!awaitReady(backpressure, listener)) {
                    close();
                    return;
                }
                listener.putNext();
                sent += root.getRowCount();
            }
            close();
            if (!listener.isCancelled()) {
                listener.completed();
            }
        } catch (Throwable t) {
            close();
            if (!listener.isCancelled()) {
                listener.error(FlightErrors.toFlight(t));
            }
        }
    }

    /** Waits until the client can take more; false when it cancelled. */
    private static boolean awaitReady(BackpressureStrategy backpressure, ServerStreamListener listener) {
        while (true) {
            BackpressureStrategy.WaitResult r = backpressure.waitForListener(READY_WAIT_MILLIS);
            if (r == BackpressureStrategy.WaitResult.READY) {
                return true;
            }
            if (r == BackpressureStrategy.WaitResult.CANCELLED || listener.isCancelled()) {
                return false;
            }
        }
    }

    /** Releases what was not sent and stops the statement's job if it still runs. */
    @Override
    public void close() {
        batches.close();
    }
}
