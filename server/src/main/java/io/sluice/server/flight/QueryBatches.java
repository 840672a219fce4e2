package io.sluice.server.flight;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.TableException;
import io.sluice.types.RowKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * The batches of a running query, taken straight from the engine: the query's sink (this writer, on the job's thread)
 * copies each batch's Arrow buffers column by column into the endpoint's allocator (a job's batches belong to the
 * job's own allocator and are released when {@code write} returns) and queues the copy for the client's stream; a
 * full queue holds the job back. A streaming query's row kinds become the leading {@code op} column.
 */
final class QueryBatches implements ResultBatches {
    private static final int QUEUED_BATCHES = 8;
    private static final byte[][] KIND_TEXT = new byte[RowKind.values().length][];

    static {
        for (RowKind k : RowKind.values()) {
            KIND_TEXT[k.ordinal()] = k.shortString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private final BufferAllocator allocator;
    private final BlockingQueue<VectorSchemaRoot> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Schema schema;
    private volatile List<LogicalType> types;
    private volatile boolean withRowKind;
    private volatile JobClient job;
    private volatile boolean ended;
    private volatile Throwable failure;
    private volatile boolean closed;

    QueryBatches(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** Once the statement has been planned and its job submitted: the client's schema and the job to follow. */
    void start(Schema clientSchema, List<LogicalType> columnTypes, boolean rowKinds, JobClient queryJob) {
        this.schema = clientSchema;
        this.types = columnTypes;
        this.withRowKind = rowKinds;
        this.job = queryJob;
        queryJob.getJobExecutionResult().whenComplete((v, e) -> {
            failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            ended = true;
        });
        started.countDown();
    }

    // ------------------------------------------------------------------ the job's side

    /** The query's sink writer (the collect sink has one instance). */
    SinkWriter writer() {
        return new SinkWriter() {
            @Override
            public void open() {
            }

            @Override
            public void write(RowBatch batch) throws InterruptedException {
                offer(batch);
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() { // the queued batches stay for the client; the result's close releases them
            }
        };
    }

    private void offer(RowBatch batch) throws InterruptedException {
        while (!started.await(100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                return;
            }
        }
        if (closed || batch.rowCount() == 0) {
            return;
        }
        VectorSchemaRoot copy = copy(batch);
        try {
            while (!queue.offer(copy, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    copy.close();
                    return;
                }
            }
        } catch (InterruptedException e) {
            copy.close();
            throw e;
        }
        if (closed) { // closed while offering: nobody takes it any more
            drain();
        }
    }

    /** The batch's columns in the client's schema, copied buffer by buffer (no per-row conversion). */
    private VectorSchemaRoot copy(RowBatch batch) {
        int rows = batch.rowCount();
        VectorSchemaRoot copy = VectorSchemaRoot.create(schema, allocator);
        try {
            int offset = 0;
            if (withRowKind) {
                VarCharVector op = (VarCharVector) copy.getVector(0);
                op.allocateNew(2L * rows, rows);
                for (int i = 0; i < rows; i++) {
                    op.setSafe(i, KIND_TEXT[batch.rowKind(i).ordinal()]);
                }
                op.setValueCount(rows);
                offset = 1;
            }
            for (int c = 0; c < types.size(); c++) {
                FieldVector target = copy.getVector(c + offset);
                FieldVector source = batch.vector(c);
                target.allocateNew();
                if (source.getValueCount() == rows
                        && source.getField().getType().equals(target.getField().getType())) {
                    source.accept(new VectorAppender(target), null);
                } else { // a column the engine holds in another Arrow type than the result declares
                    LogicalType from = batch.type().type(c);
                    for (int i = 0; i < rows; i++) {
                        VectorValues.set(types.get(c), target, i, VectorValues.get(from, source, i));
                    }
                    target.setValueCount(rows);
                }
            }
            copy.setRowCount(rows);
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------ the client's side (ResultBatches)

    @Override
    public VectorSchemaRoot next(BooleanSupplier cancelled) throws Exception {
        while (true) {
            VectorSchemaRoot r = queue.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                return r;
            }
            if (closed || cancelled.getAsBoolean()) {
                return null;
            }
            if (ended && queue.isEmpty()) {
                Throwable f = failure;
                if (f != null) {
                    throw f instanceof Exception ? (Exception) f : new TableException("Job failed: " + f, f);
                }
                return null;
            }
        }
    }

    /** Stops the job (if it still runs) and releases the batches nobody took. Idempotent, from any thread. */
    @Override
    public void close() {
        closed = true;
        started.countDown();
        JobClient j = job;
        if (j != null && !j.getJobStatus().isTerminal()) {
            j.cancel();
        }
        drain();
    }

    private void drain() {
        VectorSchemaRoot r;
        while ((r = queue.poll()) != null) {
            r.close();
        }
    }
}
