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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link TableResult}'s rows for Python in batches: each batch answers the column names and types, the row
 * count, whether the result is exhausted, and the binary frames (row kinds, then each column's buffers).
 */
final class ResultFetcher implements AutoCloseable {
    private final TableResult result;
    private final CloseableIterator<Row> rows;

    ResultFetcher(TableResult result) {
        this.result = result;
        this.rows = result.collect();
    }

    /** The next up to {@code max} rows (waits for the first one). */
    ObjectNode fetch(int max, GatewaySession.Reply reply) {
        List<Row> batch = new ArrayList<>();
        while (batch.size() < max && rows.hasNext()) {
            batch.add(rows.next());
        }
        boolean done = batch.size() < max;
        if (done) {
            rows.close();
        }
        ObjectNode n = encode(result, batch, reply);
        n.put("done", done);
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

    @Override
    public void close() {
        rows.close();
    }

    Iterator<Row> iterator() {
        return rows;
    }
}
