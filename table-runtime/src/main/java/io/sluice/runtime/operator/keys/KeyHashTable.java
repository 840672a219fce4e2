package io.sluice.runtime.operator.keys;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Assigns every distinct key a dense int id ({@code 0, 1, 2, ...} in order of first appearance). A key
 * is a tuple of one or more columns of any {@link LogicalType}; the distinct keys are stored, at their
 * id, in Arrow vectors owned by the table ({@link #keyVector(int)}), released by {@link #close()}.
 *
 * <p><b>NULL keys.</b> Each key column is either <i>null-safe</i> (NULL equals NULL: grouping
 * equality for GROUP BY and DISTINCT, and {@code IS NOT DISTINCT FROM} join keys) or not (SQL
 * equality: NULL equals nothing, for {@code =} join keys). A row with a NULL in a column that is not
 * null-safe has no id: it is never inserted and never found, and gets id {@code -1}.
 *
 * <p><b>Typing.</b> Input vectors must be of the classes {@link io.sluice.runtime.types.ArrowTypes}
 * maps the key types to, and DECIMAL inputs must have the key type's scale; callers cast both sides of
 * a join key to one type first.
 *
 * <p>Open addressing with linear probing over a power-of-two slot array, at most half full; each slot
 * holds a group id and each group its full hash, so resizing never rehashes keys. Hashing is done a
 * column at a time over the whole batch; only the probe loop is per row. A key of a single integral
 * column (the common GROUP BY and join key) takes a specialised path, {@link IntegralKeyIndex}, that
 * keeps keys in primitive arrays and probes without a call per row. Not thread-safe.
 */
public final class KeyHashTable implements AutoCloseable {
    private static final int EMPTY = -1;
    private static final int MAX_CAPACITY = 1 << 30;

    private final KeyColumn[] columns;
    private final int[] nullRejectingColumns;
    private int[] slots;
    private int mask;
    private int[] groupHashes = new int[64];
    private int size;
    private int[] hashScratch = new int[0];
    /** The fast path for a single integral key column, or null. */
    private final IntegralKeyIndex integral;

    /**
     * A table over keys of {@code keyTypes}; {@code nullSafe[i]} says whether NULL equals NULL in
     * column {@code i}.
     */
    public KeyHashTable(BufferAllocator allocator, List<LogicalType> keyTypes, boolean[] nullSafe) {
        if (keyTypes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one column");
        }
        if (nullSafe.length != keyTypes.size()) {
            throw new IllegalArgumentException("nullSafe has " + nullSafe.length + " flags for "
                    + keyTypes.size() + " key columns");
        }
        columns = new KeyColumn[keyTypes.size()];
        List<Integer> rejecting = new ArrayList<>();
        try {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = KeyColumn.create(keyTypes.get(c), allocator);
                if (!nullSafe[c]) {
                    rejecting.add(c);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        nullRejectingColumns = rejecting.stream().mapToInt(Integer::intValue).toArray();
        integral = columns.length == 1 && columns[0] instanceof IntegralKeyColumn
                ? new IntegralKeyIndex(columns[0].store, nullSafe[0]) : null;
        slots = new int[128];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
    }

    /** A table with grouping equality (NULLs group together) in every column. */
    public static KeyHashTable forGrouping(BufferAllocator allocator, List<LogicalType> keyTypes) {
        boolean[] nullSafe = new boolean[keyTypes.size()];
        Arrays.fill(nullSafe, true);
        return new KeyHashTable(allocator, keyTypes, nullSafe);
    }

    /** The vectors of {@code batch} at {@code fields}, in that order. */
    public static FieldVector[] columnsOf(RowBatch batch, int[] fields) {
        FieldVector[] keys = new FieldVector[fields.length];
        for (int i = 0; i < fields.length; i++) {
            keys[i] = batch.vector(fields[i]);
        }
        return keys;
    }

    /** Number of distinct keys (ids {@code 0 .. size()-1}). */
    public int size() {
        return integral != null ? integral.size() : size;
    }

    /**
     * Writes into {@code groupIds[i]} the id of the key of row {@code i} (for {@code i < rows}),
     * inserting keys not seen before with the next free ids in row order; {@code -1} for rows with a
     * NULL in a column that is not null-safe.
     */
    public void findOrInsert(FieldVector[] keys, int rows, int[] groupIds) {
        probe(keys, rows, groupIds, true);
    }

    /**
     * Writes into {@code groupIds[i]} the id of the key of row {@code i}, or {@code -1} when the key
     * is not in the table or has a NULL in a column that is not null-safe. Inserts nothing.
     */
    public void find(FieldVector[] keys, int rows, int[] groupIds) {
        probe(keys, rows, groupIds, false);
    }

    /** The stored keys of column {@code column}: the key of id {@code g} is at index {@code g}. */
    public FieldVector keyVector(int column) {
        if (integral != null) {
            if (column != 0) {
                throw new IndexOutOfBoundsException("key column " + column + " of 1");
            }
            return integral.stored();
        }
        return columns[column].stored(size);
    }

    /** Bytes of memory held (Arrow buffers and arrays), an estimate for metrics. */
    public long sizeInBytes() {
        long bytes = 4L * slots.length + 4L * groupHashes.length + 4L * hashScratch.length;
        if (integral != null) {
            bytes += integral.sizeInBytes();
        }
        for (KeyColumn c : columns) {
            bytes += c == null ? 0 : c.sizeInBytes();
        }
        return bytes;
    }

    private void probe(FieldVector[] keys, int rows, int[] groupIds, boolean insert) {
        if (keys.length != columns.length) {
            throw new IllegalArgumentException("expected " + columns.length + " key vectors, got " + keys.length);
        }
        if (integral != null) {
            integral.probe(keys[0], rows, groupIds, insert);
            return;
        }
        probeGeneric(keys, rows, groupIds, insert);
    }

    private void probeGeneric(FieldVector[] keys, int rows, int[] groupIds, boolean insert) {
        if (hashScratch.length < rows) {
            hashScratch = new int[Math.max(rows, 2 * hashScratch.length)];
        }
        int[] hashes = hashScratch;
        Arrays.fill(hashes, 0, rows, 0);
        for (int c = 0; c < columns.length; c++) {
            columns[c].hash(keys[c], rows, hashes);
        }
        rows:
        for (int i = 0; i < rows; i++) {
            for (int c : nullRejectingColumns) {
                if (columns[c].isNull(keys[c], i)) {
                    groupIds[i] = -1;
                    continue rows;
                }
            }
            int h = finish(hashes[i]);
            int slot = h & mask;
            while (true) {
                int g = slots[slot];
                if (g == EMPTY) {
                    groupIds[i] = insert ? insertAt(slot, h, keys, i) : -1;
                    break;
                }
                if (groupHashes[g] == h && keysEqual(keys, i, g)) {
                    groupIds[i] = g;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    private boolean keysEqual(FieldVector[] keys, int row, int group) {
        for (int c = 0; c < columns.length; c++) {
            if (!columns[c].equalsStored(keys[c], row, group)) {
                return false;
            }
        }
        return true;
    }

    private int insertAt(int slot, int hash, FieldVector[] keys, int row) {
        int g = size;
        for (int c = 0; c < columns.length; c++) {
            columns[c].append(keys[c], row, g);
        }
        if (g == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, 2 * g);
        }
        groupHashes[g] = hash;
        slots[slot] = g;
        size++;
        if (2L * size > slots.length) {
            grow();
        }
        return g;
    }

    private void grow() {
        if (slots.length >= MAX_CAPACITY) {
            throw new IllegalStateException("hash table is full (" + size + " keys)");
        }
        int[] next = new int[slots.length * 2];
        Arrays.fill(next, EMPTY);
        int m = next.length - 1;
        for (int g = 0; g < size; g++) {
            int slot = groupHashes[g] & m;
            while (next[slot] != EMPTY) {
                slot = (slot + 1) & m;
            }
            next[slot] = g;
        }
        slots = next;
        mask = m;
    }

    /** MurmurHash3's 32-bit finalizer: spreads the combined column hashes over the low bits. */
    private static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public void close() {
        for (KeyColumn c : columns) {
            if (c != null) {
                c.close();
            }
        }
    }
}
