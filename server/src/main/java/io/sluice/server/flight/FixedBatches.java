package io.sluice.server.flight;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.types.Row;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** The batches of a result with fixed rows (SHOW, DESCRIBE, EXPLAIN, OK, an INSERT's job id), up to 1024 rows each. */
final class FixedBatches implements ResultBatches {
    private static final int BATCH_ROWS = 1024;

    private final Schema schema;
    private final List<LogicalType> types;
    private final List<Row> rows;
    private final BufferAllocator allocator;
    private int next;
    private volatile boolean closed;

    FixedBatches(Schema schema, List<LogicalType> types, List<Row> rows, BufferAllocator allocator) {
        this.schema = schema;
        this.types = types;
        this.rows = rows;
        this.allocator = allocator;
    }

    @Override
    public VectorSchemaRoot next(BooleanSupplier cancelled) {
        if (closed || cancelled.getAsBoolean() || next >= rows.size()) {
            return null;
        }
        int end = Math.min(rows.size(), next + BATCH_ROWS);
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        try {
            root.allocateNew();
            for (int r = next; r < end; r++) {
                Row row = rows.get(r);
                for (int c = 0; c < types.size(); c++) {
                    VectorValues.set(types.get(c), root.getVector(c), r - next, row.getField(c));
                }
            }
            root.setRowCount(end - next);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        next = end;
        return root;
    }

    @Override
    public void close() {
        closed = true;
    }
}
