package io.sluice.benchmarks;

import io.sluice.runtime.data.RowBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The hand-written baseline of the benchmark query
 * <pre>{@code
 * SELECT key, COUNT(*), SUM(price * qty), MAX(price) FROM orders
 * WHERE qty > 5 AND channel <> 'x' GROUP BY key
 * }</pre>
 * as one plain Java loop per batch over the {@link OrdersDataset} vectors: filter, projection and
 * aggregation fused, SQL NULL semantics kept (every column is nullable and its validity is checked),
 * groups in an open-addressing hash table keyed by the {@code int} key with linear probing and
 * parallel primitive arrays for the accumulators. What a straightforward engineer would write, with
 * no SIMD and no unsafe memory access of its own.
 */
public final class HandWrittenAggregation {
    private static final int EMPTY_SLOT = -1;

    private int[] slots;
    private int mask;
    private int[] keys;
    private long[] counts;
    private long[] sums;
    private long[] maxes;
    private boolean[] hasSum;
    private boolean[] hasMax;
    private boolean nullKeyGroup;
    private int nullKeyId = -1;
    private int groupCount;

    public HandWrittenAggregation() {
        slots = new int[1024];
        java.util.Arrays.fill(slots, EMPTY_SLOT);
        mask = slots.length - 1;
        keys = new int[512];
        counts = new long[512];
        sums = new long[512];
        maxes = new long[512];
        hasSum = new boolean[512];
        hasMax = new boolean[512];
    }

    /** Runs the query over all {@code batches} and returns the groups ordered by key (NULL key first). */
    public static List<GroupResult> run(List<RowBatch> batches) {
        HandWrittenAggregation agg = new HandWrittenAggregation();
        for (RowBatch b : batches) {
            agg.accept(b);
        }
        return agg.results();
    }

    /** Folds one {@link OrdersDataset} batch into the groups. */
    public void accept(RowBatch batch) {
        int rows = batch.rowCount();
        IntVector key = (IntVector) batch.vector(OrdersDataset.KEY);
        BigIntVector price = (BigIntVector) batch.vector(OrdersDataset.PRICE);
        IntVector qty = (IntVector) batch.vector(OrdersDataset.QTY);
        VarCharVector channel = (VarCharVector) batch.vector(OrdersDataset.CHANNEL);
        ArrowBuf channelOffsets = channel.getOffsetBuffer();
        ArrowBuf channelData = channel.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            // WHERE qty > 5 AND channel <> 'x' (a NULL operand makes the row fail).
            if (qty.isNull(i) || qty.get(i) <= 5 || channel.isNull(i)) {
                continue;
            }
            int start = channelOffsets.getInt((long) i * 4);
            int end = channelOffsets.getInt((long) (i + 1) * 4);
            if (end - start == 1 && channelData.getByte(start) == 'x') {
                continue;
            }
            int g = key.isNull(i) ? nullKeyGroup() : group(key.get(i));
            counts[g]++;
            if (!price.isNull(i)) {
                long p = price.get(i);
                sums[g] += p * qty.get(i);
                hasSum[g] = true;
                if (!hasMax[g] || p > maxes[g]) {
                    maxes[g] = p;
                    hasMax[g] = true;
                }
            }
        }
    }

    private int group(int k) {
        int slot = mix(k) & mask;
        while (true) {
            int g = slots[slot];
            if (g == EMPTY_SLOT) {
                return insert(k, slot);
            }
            if (keys[g] == k) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int insert(int k, int slot) {
        int g = newGroup(k);
        slots[slot] = g;
        if (groupCount * 2 > slots.length) {
            rehash();
        }
        return g;
    }

    private int nullKeyGroup() {
        if (!nullKeyGroup) {
            nullKeyGroup = true;
            nullKeyId = newGroup(0);
        }
        return nullKeyId;
    }

    private int newGroup(int k) {
        int g = groupCount++;
        if (g == keys.length) {
            int n = keys.length * 2;
            keys = java.util.Arrays.copyOf(keys, n);
            counts = java.util.Arrays.copyOf(counts, n);
            sums = java.util.Arrays.copyOf(sums, n);
            maxes = java.util.Arrays.copyOf(maxes, n);
            hasSum = java.util.Arrays.copyOf(hasSum, n);
            hasMax = java.util.Arrays.copyOf(hasMax, n);
        }
        keys[g] = k;
        return g;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        java.util.Arrays.fill(slots, EMPTY_SLOT);
        mask = slots.length - 1;
        for (int g = 0; g < groupCount; g++) {
            if (g == nullKeyId) {
                continue;
            }
            int slot = mix(keys[g]) & mask;
            while (slots[slot] != EMPTY_SLOT) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = g;
        }
    }

    /** The groups ordered by key, the NULL key (if any) first. */
    public List<GroupResult> results() {
        List<GroupResult> out = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            out.add(new GroupResult(g == nullKeyId ? null : Integer.valueOf(keys[g]), counts[g],
                    hasSum[g] ? Long.valueOf(sums[g]) : null, hasMax[g] ? Long.valueOf(maxes[g]) : null));
        }
        out.sort(GroupResult.BY_KEY);
        return out;
    }
}
