package io.sluice.python.collect;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns one {@code python-collect} sink table received, registered under its {@code collect-id} until the
 * gateway takes them. Writers of several parallel instances append under a lock, in arrival order.
 */
public final class CollectedColumns {
    private static final Map<String, CollectedColumns> OPEN = new ConcurrentHashMap<>();

    private final List<ColumnBuilder> columns = new ArrayList<>();
    private boolean changelog;

    private CollectedColumns(RowType type) {
        for (int c = 0; c < type.size(); c++) {
            columns.add(new ColumnBuilder(type.type(c)));
        }
    }

    /** Opens a collection for a new sink table. */
    public static void open(String id, RowType type) {
        OPEN.put(id, new CollectedColumns(type));
    }

    static CollectedColumns get(String id) {
        CollectedColumns c = OPEN.get(id);
        if (c == null) {
            throw new IllegalStateException("no open python-collect table with collect-id '" + id + "'");
        }
        return c;
    }

    /** Removes and returns the collection. */
    public static CollectedColumns take(String id) {
        CollectedColumns c = OPEN.remove(id);
        if (c == null) {
            throw new IllegalStateException("no open python-collect table with collect-id '" + id + "'");
        }
        return c;
    }

    synchronized void append(RowBatch batch) {
        int n = batch.rowCount();
        if (!batch.isInsertOnly()) {
            changelog = true;
        }
        for (int c = 0; c < columns.size(); c++) {
            columns.get(c).append(batch.vector(c), n);
        }
    }

    /** Whether an update or delete arrived (then the columns are not the final table). */
    public synchronized boolean isChangelog() {
        return changelog;
    }

    public synchronized int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).rows();
    }

    /** Wire names of the columns' kinds. */
    public synchronized List<String> kinds() {
        List<String> out = new ArrayList<>();
        for (ColumnBuilder b : columns) {
            out.add(b.kind().wireName());
        }
        return out;
    }

    /** All buffers: an all-INSERT row-kind buffer, then each column's buffers. */
    public synchronized List<byte[]> buffers() {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[rows()]);
        for (ColumnBuilder b : columns) {
            out.addAll(b.buffers());
        }
        return out;
    }
}
