package io.sluice.connector.kafka;

import io.sluice.connector.kafka.format.MessageDecoder;
import io.sluice.connector.kafka.format.MessageFormats;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import io.sluice.types.RowKind;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes Kafka records into one batch of the columns a reader produces: key columns from the key bytes, value
 * columns from the value bytes, metadata columns from the record. Records without a value (tombstones) and
 * records the formats skip as malformed produce no row. Used by one thread.
 */
final class RecordBatchBuilder {
    private static final int KEY = 0;
    private static final int VALUE = 1;
    private static final int META = 2;

    private final String tableName;
    private final RowType producedType;
    private final BufferAllocator allocator;
    /** For each output column: KEY, VALUE or META, and its index among the decoded key/value columns or metadata. */
    private final int[] source;
    private final int[] index;
    private final MessageDecoder keyDecoder;
    private final MessageDecoder valueDecoder;
    private final RowType keyType;
    private final RowType valueType;
    private final List<KafkaMetadata> metadata;
    /** True when the value format is a changelog format: a record yields any number of rows, each with its kind. */
    private final boolean changelogValues;
    private long skipped;
    /** Routes the records the formats cannot decode to the table's bad-records table; null when the job does not. */
    private io.sluice.runtime.connector.BadRecordCollector badRecords;

    /**
     * @param projected indexes into physical + metadata columns of the produced columns
     * @param metadata the requested metadata, appended after the physical columns (null for value-format metadata)
     * @param formatMetadata for each requested metadata column, the value format's key, or null
     */
    RecordBatchBuilder(KafkaTableLayout layout, List<KafkaMetadata> metadata, List<String> formatMetadata,
            int[] projected, RowType producedType, BufferAllocator allocator, ClassLoader classLoader) {
        this.tableName = layout.tableName();
        this.producedType = producedType;
        this.allocator = allocator;
        this.metadata = metadata;
        int physicalCount = layout.physical().size();
        int[] keyFields = layout.keyFields();
        int[] valueFields = layout.valueFields();
        List<Integer> keyProjection = new ArrayList<>();
        List<Integer> valueProjection = new ArrayList<>();
        List<String> valueMetadata = new ArrayList<>();
        List<Integer> valueMetadataOutputs = new ArrayList<>();
        source = new int[projected.length];
        index = new int[projected.length];
        for (int out = 0; out < projected.length; out++) {
            int f = projected[out];
            int v = indexOf(valueFields, f);
            if (f >= physicalCount && formatMetadata.size() > f - physicalCount
                    && formatMetadata.get(f - physicalCount) != null) {
                source[out] = VALUE; // decoded by the value format after its columns; index set below
                valueMetadata.add(formatMetadata.get(f - physicalCount));
                valueMetadataOutputs.add(out);
            } else if (f >= physicalCount) {
                source[out] = META;
                index[out] = f - physicalCount;
            } else if (v >= 0) {
                source[out] = VALUE;
                index[out] = valueProjection.size();
                valueProjection.add(v);
            } else {
                source[out] = KEY;
                index[out] = keyProjection.size();
                keyProjection.add(indexOf(keyFields, f));
            }
        }
        int[] vp = valueProjection.stream().mapToInt(Integer::intValue).toArray();
        RowType projectedValues = layout.valueContext().physicalRowType().project(vp);
        List<String> valueNames = new ArrayList<>(projectedValues.names());
        List<LogicalType> valueTypes = new ArrayList<>();
        for (int i = 0; i < projectedValues.size(); i++) {
            valueTypes.add(projectedValues.type(i));
        }
        for (int i = 0; i < valueMetadataOutputs.size(); i++) {
            int out = valueMetadataOutputs.get(i);
            index[out] = vp.length + i;
            valueNames.add("$metadata" + i);
            valueTypes.add(producedType.type(out));
        }
        valueType = new RowType(valueNames, valueTypes);
        valueDecoder = MessageFormats.decoder(layout.valueFormat(), layout.valueContext(), vp, valueMetadata,
                classLoader);
        changelogValues = layout.valueChangelogMode(classLoader).hasUpdates();
        if (keyProjection.isEmpty()) {
            keyDecoder = null;
            keyType = null;
        } else {
            int[] kp = keyProjection.stream().mapToInt(Integer::intValue).toArray();
            keyType = layout.keyContext().physicalRowType().project(kp);
            keyDecoder = MessageFormats.decoder(layout.keyFormat(), layout.keyContext(), kp, classLoader);
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Routes the records the formats cannot decode to {@code collector} (with their topic, partition, offset, bytes and
     * error) instead of failing; {@link #build} flushes it. Null: fail as before.
     */
    void routeBadRecords(io.sluice.runtime.connector.BadRecordCollector collector) {
        this.badRecords = collector;
    }

    /** Records skipped so far because a format found them malformed. */
    long skippedRecords() {
        return skipped;
    }

    /** A batch holding the rows of {@code records} (possibly empty; the caller owns it). */
    RowBatch build(List<ConsumerRecord<byte[], byte[]>> records) throws IOException {
        return build(records, null);
    }

    /**
     * Like {@link #build(List)}, with the row kind of each record ({@code kinds} null: all inserts). Rows the value
     * format skips as malformed are left out together with their kinds.
     */
    RowBatch build(List<ConsumerRecord<byte[], byte[]>> records, List<RowKind> kinds) throws IOException {
        RowBatch fast = buildFast(records, kinds);
        RowBatch built = fast != null ? fast : buildOneByOne(records, kinds);
        if (badRecords != null) {
            try {
                badRecords.flush(); // in the same poll as the offsets past them
            } catch (IOException | RuntimeException e) {
                built.close();
                throw e;
            } catch (Exception e) {
                built.close();
                throw new IOException(e);
            }
        }
        return built;
    }

    /** The batch decoded with the formats' fast paths, or null when a message needs decoding on its own. */
    private RowBatch buildFast(List<ConsumerRecord<byte[], byte[]>> records, List<RowKind> kinds) {
        if (changelogValues) {
            return null;
        }
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>(records.size());
        List<RowKind> keptKinds = new ArrayList<>(records.size());
        List<byte[]> valueBytes = new ArrayList<>(records.size());
        List<byte[]> keyBytes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> r = records.get(i);
            if (r.value() == null) {
                continue;
            }
            if (keyDecoder != null && r.key() == null) {
                return null;
            }
            kept.add(r);
            keptKinds.add(kinds == null ? RowKind.INSERT : kinds.get(i));
            valueBytes.add(r.value());
            keyBytes.add(r.key());
        }
        RowBatch values = RowBatch.allocate(valueType, allocator, kept.size());
        RowBatch keys = keyDecoder == null ? null : RowBatch.allocate(keyType, allocator, kept.size());
        try {
            if (!valueDecoder.decodeAll(valueBytes, values) || (keys != null && !keyDecoder.decodeAll(keyBytes, keys))) {
                return null;
            }
            return withKinds(assemble(values, keys, kept), kinds == null ? null : keptKinds);
        } finally {
            values.close();
            if (keys != null) {
                keys.close();
            }
        }
    }

    private RowBatch withKinds(RowBatch batch, List<RowKind> kinds) {
        if (kinds != null) {
            TinyIntVector kindVector = new TinyIntVector("$row_kind", allocator);
            kindVector.allocateNew(kinds.size());
            for (int i = 0; i < kinds.size(); i++) {
                kindVector.set(i, kinds.get(i).toByteValue());
            }
            kindVector.setValueCount(kinds.size());
            batch.setRowKinds(kindVector);
        }
        return batch;
    }

    private RowBatch buildOneByOne(List<ConsumerRecord<byte[], byte[]>> records, List<RowKind> kinds)
            throws IOException {
        int n = records.size();
        RowBatch values = RowBatch.allocate(valueType, allocator, n);
        if (changelogValues) {
            // the value format sets each row's kind; created here so that a batch without columns can hold them
            TinyIntVector valueKinds = new TinyIntVector("$row_kind", allocator);
            valueKinds.allocateNew(Math.max(n, 1));
            values.setRowKinds(valueKinds);
        }
        RowBatch keys = keyDecoder == null ? null : RowBatch.allocate(keyType, allocator, n);
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>(n);
        List<RowKind> keptKinds = new ArrayList<>(n);
        List<Integer> keyRows = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                ConsumerRecord<byte[], byte[]> r = records.get(i);
                if (r.value() == null) {
                    continue;
                }
                String position = "table " + tableName + ", topic " + r.topic() + ", partition " + r.partition()
                        + ", offset " + r.offset();
                if (keys != null && r.key() == null) {
                    throw new TableException("The record at " + position + " has no key, but the table reads key"
                            + " columns from it.");
                }
                int keyRow = keys == null ? -1 : keys.rowCount();
                if (keys != null) {
                    boolean decoded;
                    try {
                        decoded = keyDecoder.decode(r.key(), keys, position + " (key)");
                    } catch (TableException e) {
                        if (!routable(e)) {
                            throw e;
                        }
                        keys = truncated(keys, keyRow, n);
                        route(r, r.key(), e);
                        continue;
                    }
                    if (!decoded) {
                        skipped++;
                        continue;
                    }
                }
                int valueRow = values.rowCount();
                boolean decoded;
                try {
                    decoded = valueDecoder.decode(r.value(), values, position);
                } catch (TableException e) {
                    if (!routable(e)) {
                        throw e;
                    }
                    values = truncated(values, valueRow, n); // the key row already written is left out below
                    route(r, r.value(), e);
                    continue;
                }
                if (!decoded) {
                    skipped++; // the key row already written is left out by compacting the keys below
                    continue;
                }
                for (int row = valueRow; row < values.rowCount(); row++) { // a change event may hold several rows
                    kept.add(r);
                    keptKinds.add(changelogValues ? values.rowKind(row) : kinds == null ? RowKind.INSERT : kinds.get(i));
                    keyRows.add(keyRow);
                }
            }
            if (keys != null && !isIdentity(keyRows, keys.rowCount())) {
                RowBatch compacted = compact(keys, keyRows);
                keys.close();
                keys = compacted;
            }
            return withKinds(assemble(values, keys, kept), kinds == null && !changelogValues ? null : keptKinds);
        } finally {
            values.close();
            if (keys != null) {
                keys.close();
            }
        }
    }

    /** Whether {@code e}, thrown by a format for a record, sends the record to the bad-records table. */
    private boolean routable(TableException e) {
        return badRecords != null && !(e instanceof io.sluice.table.api.UnsupportedFeatureException);
    }

    private void route(ConsumerRecord<byte[], byte[]> r, byte[] raw, TableException e) throws IOException {
        try {
            badRecords.add(r.topic(), r.partition(), r.offset(), e.getMessage(), raw);
        } catch (IOException | RuntimeException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IOException(ex);
        }
    }

    /**
     * The first {@code rows} rows of {@code batch} (and their kinds) in a new batch of capacity {@code capacity};
     * closes {@code batch}, whose row {@code rows} a failed decode may have partly written.
     */
    private RowBatch truncated(RowBatch batch, int rows, int capacity) {
        RowBatch out = RowBatch.allocate(batch.type(), allocator, capacity);
        try {
            for (int c = 0; c < batch.columnCount(); c++) {
                for (int i = 0; i < rows; i++) {
                    out.vector(c).copyFromSafe(i, i, batch.vector(c));
                }
            }
            if (batch.rowKinds() != null) {
                TinyIntVector kinds = new TinyIntVector("$row_kind", allocator);
                kinds.allocateNew(Math.max(capacity, 1));
                for (int i = 0; i < rows; i++) {
                    kinds.set(i, batch.rowKinds().get(i));
                }
                out.setRowKinds(kinds);
            }
            out.setRowCount(rows);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        batch.close();
        return out;
    }

    /** True when {@code rows} is 0, 1, ..., count - 1. */
    private static boolean isIdentity(List<Integer> rows, int count) {
        if (rows.size() != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (rows.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    /** The rows {@code rows} of {@code batch}, in that order, as a new batch. */
    private RowBatch compact(RowBatch batch, List<Integer> rows) {
        RowBatch out = RowBatch.allocate(batch.type(), allocator, rows.size());
        for (int c = 0; c < batch.columnCount(); c++) {
            FieldVector from = batch.vector(c);
            FieldVector to = out.vector(c);
            for (int j = 0; j < rows.size(); j++) {
                to.copyFromSafe(rows.get(j), j, from);
            }
        }
        out.setRowCount(rows.size());
        return out;
    }

    private RowBatch assemble(RowBatch values, RowBatch keys, List<ConsumerRecord<byte[], byte[]>> kept) {
        int rows = kept.size();
        List<FieldVector> vectors = new ArrayList<>(source.length);
        for (int out = 0; out < source.length; out++) {
            if (source[out] == META) {
                vectors.add(metadataVector(out, kept));
            } else {
                FieldVector from = (source[out] == VALUE ? values : keys).vector(index[out]);
                TransferPair pair = from.getTransferPair(producedType.name(out), allocator);
                pair.transfer();
                vectors.add((FieldVector) pair.getTo());
            }
        }
        return RowBatch.of(producedType, vectors, rows);
    }

    private FieldVector metadataVector(int out, List<ConsumerRecord<byte[], byte[]>> kept) {
        LogicalType type = producedType.type(out);
        RowBatch holder = RowBatch.allocate(new RowType(List.of(producedType.name(out)), List.of(type)), allocator,
                kept.size());
        FieldVector v = holder.vector(0);
        KafkaMetadata m = metadata.get(index[out]);
        for (int i = 0; i < kept.size(); i++) {
            VectorValues.set(type, v, i, m.value(kept.get(i), type));
        }
        v.setValueCount(kept.size());
        return v;
    }
}
