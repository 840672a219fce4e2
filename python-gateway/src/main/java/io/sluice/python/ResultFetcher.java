package io.sluice.python;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads a {@link TableResult}'s rows for Python in batches: each batch answers the column names and types, the row
 * count, whether the result is exhausted, and the binary frames (row kinds, then each column's buffers). A reader
 * thread buffers rows as they arrive, so a slow stream's rows reach Python as soon as they exist.
 */
final class ResultFetcher implements AutoCloseable {
    private static final Object END = new Object();
    private static final int BUFFERED = 1 << 16;

    private final TableResult result;
    private final CloseableIterator<Row> rows;
    private final BlockingQueue<Object> buffer = new LinkedBlockingQueue<>(BUFFERED);
    private volatile boolean closed;
    private boolean ended;

    ResultFetcher(TableResult result) {
        this.result = result;
        this.rows = result.collect();
        Thread reader = new Thread(this::readAll, "sluice-python-collect");
        reader.setDaemon(true);
        reader.start();
    }

    /** Moves rows from the result into the buffer, so a fetch can answer what has arrived without waiting. */
    private void readAll() {
        Object last = END;
        try {
            while (!closed && rows.hasNext()) {
                buffer.put(rows.next());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            last = t;
        }
        try {
            buffer.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rows that have arrived, at most {@code max}; waits for the first one (or the end). */
    ObjectNode fetch(int max, GatewaySession.Reply reply) throws InterruptedException {
        List<Row> batch = new ArrayList<>();
        List<Object> taken = new ArrayList<>();
        if (!ended) {
            taken.add(buffer.take());
            buffer.drainTo(taken, max - 1);
        }
        for (Object o : taken) {
            if (o == END) {
                ended = true;
            } else if (o instanceof Throwable) {
                ended = true;
                Throwable t = (Throwable) o;
                throw t instanceof RuntimeException ? (RuntimeException) t : new IllegalStateException(t);
            } else {
                batch.add((Row) o);
            }
        }
        ObjectNode n = encode(result, batch, reply);
        n.put("done", ended);
        return n;
    }

    /**
     * All rows of a result; a changelog is applied (an update-before or delete removes one equal earlier row), so
     * the answer is the final table, as {@code to_pandas()} promises.
     */
    static ObjectNode all(TableResult result, GatewaySession.Reply reply) {
        List<Row> all = new ArrayList<>();
        boolean changelog = false;
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                changelog |= r.getKind() != RowKind.INSERT;
                all.add(r);
            }
        }
        if (changelog) {
            all = materialize(all);
        }
        return encode(result, all, reply);
    }

    private static List<Row> materialize(List<Row> changes) {
        Map<Row, Integer> counts = new LinkedHashMap<>();
        for (Row r : changes) {
            Row key = copyAsInsert(r);
            if (r.getKind().isAccumulate()) {
                counts.merge(key, 1, Integer::sum);
            } else {
                counts.computeIfPresent(key, (k, c) -> c > 1 ? c - 1 : null);
            }
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Row, Integer> e : counts.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static Row copyAsInsert(Row r) {
        Row c = new Row(RowKind.INSERT, r.getArity());
        for (int i = 0; i < r.getArity(); i++) {
            c.setField(i, r.getField(i));
        }
        return c;
    }

    static ObjectNode encode(TableResult result, List<Row> rows, GatewaySession.Reply reply) {
        ObjectNode n = reply.json.objectNode();
        n.put("n", rows.size());
        ArrayNode names = n.putArray("names");
        ArrayNode types = n.putArray("types");
        ArrayNode kinds = n.putArray("kinds");
        reply.buffers.add(ColumnEncoder.rowKinds(rows));
        int c = 0;
        for (Column col : result.getResolvedSchema().getColumns()) {
            LogicalType t = col.getDataType().getLogicalType();
            names.add(col.getName());
            types.add(t.typeName());
            kinds.add(ColumnKind.of(t).wireName());
            reply.buffers.addAll(ColumnEncoder.encode(rows, c++, t));
        }
        return n;
    }

    /** Stops reading; cancels the job if it is still running. */
    @Override
    public void close() {
        closed = true;
        rows.close();
        buffer.clear();
    }
}
