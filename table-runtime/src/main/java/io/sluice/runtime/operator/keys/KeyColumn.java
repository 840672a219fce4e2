package io.sluice.runtime.operator.keys;

import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * One key column of a {@link KeyHashTable}: the distinct values seen so far, stored at their group id
 * in a vector owned by the table, plus typed hashing of an input column and typed equality between an
 * input row and a stored key. Two NULLs are equal here; whether NULL keys take part at all is decided
 * by the table.
 */
abstract class KeyColumn implements AutoCloseable {
    /** Hash contributed by a NULL value. */
    static final int NULL_HASH = 0x2f1b9c4d;

    protected final FieldVector store;

    KeyColumn(FieldVector store) {
        this.store = store;
    }

    /** A column for keys of {@code type}, storing them in a new vector from {@code allocator}. */
    static KeyColumn create(LogicalType type, BufferAllocator allocator) {
        FieldVector store = ArrowTypes.toField("key", type.copy(true)).createVector(allocator);
        try {
            store.allocateNew();
            switch (type.root()) {
                case BOOLEAN:
                    return new BooleanKeyColumn(store);
                case TINYINT:
                case SMALLINT:
                case INTEGER:
                case BIGINT:
                case DATE:
                case TIME:
                case TIMESTAMP:
                case TIMESTAMP_LTZ:
                case INTERVAL_YEAR_MONTH:
                case INTERVAL_DAY_TIME:
                    return new IntegralKeyColumn(store);
                case FLOAT:
                case DOUBLE:
                    return new FloatingKeyColumn(store);
                case DECIMAL:
                    return new DecimalKeyColumn(store);
                case CHAR:
                case VARCHAR:
                case BINARY:
                case VARBINARY:
                    return new BytesKeyColumn(store);
                case NULL:
                    return new NullKeyColumn(store);
                case ARRAY:
                case MAP:
                case MULTISET:
                case ROW:
                    return new ConstructedKeyColumn(store);
                default:
                    throw new IllegalArgumentException("unsupported key type " + type);
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Mixes this column's hash of rows {@code [0, rows)} of {@code in} into {@code hashes}
     * ({@code hashes[i] = hashes[i] * 31 + hash(value)}).
     */
    abstract void hash(FieldVector in, int rows, int[] hashes);

    /** Whether row {@code row} of {@code in} equals the key stored for {@code group} (NULL equals NULL). */
    abstract boolean equalsStored(FieldVector in, int row, int group);

    /** Whether row {@code row} of {@code in} is NULL. */
    boolean isNull(FieldVector in, int row) {
        return BitVectorHelper.get(in.getValidityBuffer(), row) == 0;
    }

    /** Stores row {@code row} of {@code in} as the key of {@code group} (the next group id). */
    void append(FieldVector in, int row, int group) {
        store.copyFromSafe(row, group, in);
    }

    /** The stored keys, with value count {@code groups}. */
    FieldVector stored(int groups) {
        store.setValueCount(groups);
        return store;
    }

    long sizeInBytes() {
        return store.getBufferSize();
    }

    @Override
    public void close() {
        store.close();
    }

    static boolean storedNull(ArrowBuf validity, int group) {
        return BitVectorHelper.get(validity, group) == 0;
    }

    /** A 64-bit to 32-bit mixing function (the finalizer of MurmurHash3's 64-bit variant). */
    static int mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        v *= 0xc4ceb9fe1a85ec53L;
        v ^= v >>> 33;
        return (int) v;
    }
}
