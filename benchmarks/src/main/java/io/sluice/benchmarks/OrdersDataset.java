package io.sluice.benchmarks;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Deterministic generated order rows held in memory as Arrow {@link RowBatch}es, generated once and
 * read many times by the benchmark paths. Columns ({@link #TYPE}): {@code id BIGINT} (row number),
 * {@code key INT} (uniform over {@code [0, keys)}), {@code price BIGINT} (1..10000, NULL on every 97th
 * row), {@code qty INT} (1..10), {@code channel STRING} (one of {@link #CHANNELS}).
 *
 * <p>The dataset owns its batches; {@link #close()} releases them. Readers must not close or modify
 * the batches (the in-memory connector copies them; the hand-written path only reads them).
 */
public final class OrdersDataset implements AutoCloseable {
    /** The row type of every batch. */
    public static final RowType TYPE = RowType.of(
            new String[] {"id", "key", "price", "qty", "channel"},
            new LogicalType[] {LogicalType.bigint(), LogicalType.integer(), LogicalType.bigint(),
                LogicalType.integer(), LogicalType.string()});
    /** Column indexes in {@link #TYPE}. */
    public static final int ID = 0;
    public static final int KEY = 1;
    public static final int PRICE = 2;
    public static final int QTY = 3;
    public static final int CHANNEL = 4;
    /** The channel values, chosen uniformly; the benchmark query drops {@code 'x'}. */
    public static final String[] CHANNELS = {"web", "app", "store", "x"};

    private final List<RowBatch> batches;
    private final long rowCount;

    private OrdersDataset(List<RowBatch> batches, long rowCount) {
        this.batches = Collections.unmodifiableList(batches);
        this.rowCount = rowCount;
    }

    /** Generates {@code rows} rows in batches of {@code batchSize} rows, with {@code keys} distinct keys. */
    public static OrdersDataset generate(BufferAllocator allocator, long rows, int batchSize, int keys, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] channels = new byte[CHANNELS.length][];
        for (int c = 0; c < CHANNELS.length; c++) {
            channels[c] = CHANNELS[c].getBytes(StandardCharsets.UTF_8);
        }
        List<RowBatch> batches = new ArrayList<>();
        try {
            for (long start = 0; start < rows; start += batchSize) {
                int n = (int) Math.min(batchSize, rows - start);
                RowBatch batch = RowBatch.allocate(TYPE, allocator, n);
                batches.add(batch);
                BigIntVector id = (BigIntVector) batch.vector(ID);
                IntVector key = (IntVector) batch.vector(KEY);
                BigIntVector price = (BigIntVector) batch.vector(PRICE);
                IntVector qty = (IntVector) batch.vector(QTY);
                VarCharVector channel = (VarCharVector) batch.vector(CHANNEL);
                for (int i = 0; i < n; i++) {
                    long rowId = start + i;
                    id.set(i, rowId);
                    key.set(i, random.nextInt(keys));
                    if (rowId % 97 == 96) {
                        price.setNull(i);
                    } else {
                        price.set(i, 1 + random.nextInt(10_000));
                    }
                    qty.set(i, 1 + random.nextInt(10));
                    channel.setSafe(i, channels[random.nextInt(channels.length)]);
                }
                batch.setRowCount(n);
            }
        } catch (RuntimeException e) {
            batches.forEach(RowBatch::close);
            throw e;
        }
        return new OrdersDataset(batches, rows);
    }

    /** The batches, in order; read-only for callers. */
    public List<RowBatch> batches() {
        return batches;
    }

    public long rowCount() {
        return rowCount;
    }

    /** Bytes held by all batches. */
    public long sizeInBytes() {
        long size = 0;
        for (RowBatch b : batches) {
            size += b.sizeInBytes();
        }
        return size;
    }

    @Override
    public void close() {
        batches.forEach(RowBatch::close);
    }
}
