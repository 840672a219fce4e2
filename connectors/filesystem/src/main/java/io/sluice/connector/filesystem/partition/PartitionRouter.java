package io.sluice.connector.filesystem.partition;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Splits the rows of a sink's batches by partition: each group of rows goes, without its partition columns,
 * to the partition's relative directory ({@code k1=v1/k2=v2}). Rows are compared column-wise on the raw
 * vector bytes to find runs of equal partition values, so the directory name is computed once per run;
 * a batch of a single partition is passed on as a view of its data vectors without copying. One instance per
 * writer (one thread).
 */
public final class PartitionRouter {
    /** Receives the rows of one partition. */
    @FunctionalInterface
    public interface Target {
        /** {@code data} holds the data columns only and is valid during the call only. */
        void write(String partitionDirectory, RowBatch data) throws IOException;
    }

    private final List<String> keys;
    private final int[] keyFields;
    private final LogicalType[] keyTypes;
    private final int[] dataFields;
    private final RowType dataType;
    private final String defaultName;
    private final BufferAllocator allocator;

    /**
     * @param consumedType the sink's rows: the table's physical columns, in order
     * @param keys the partition columns, in key order
     * @param defaultName the directory value of NULL and empty partition values
     * @param allocator for the batches of partitions that are not one contiguous run
     */
    public PartitionRouter(RowType consumedType, List<String> keys, String defaultName, BufferAllocator allocator) {
        this.keys = List.copyOf(keys);
        this.keyFields = new int[keys.size()];
        this.keyTypes = new LogicalType[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            keyFields[i] = consumedType.indexOf(keys.get(i));
            keyTypes[i] = consumedType.type(keyFields[i]);
        }
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < consumedType.size(); i++) {
            if (!keys.contains(consumedType.name(i))) {
                data.add(i);
            }
        }
        this.dataFields = data.stream().mapToInt(Integer::intValue).toArray();
        this.dataType = consumedType.project(dataFields);
        this.defaultName = defaultName;
        this.allocator = allocator;
    }

    /** The columns stored in the data files. */
    public RowType dataType() {
        return dataType;
    }

    /** Hands every row of {@code batch} to {@code target}, grouped by partition, in order of first appearance. */
    public void route(RowBatch batch, Target target) throws IOException {
        int n = batch.rowCount();
        if (n == 0) {
            return;
        }
        Map<String, List<int[]>> runs = new LinkedHashMap<>();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || !samePartition(batch, i - 1, i)) {
                runs.computeIfAbsent(directoryOf(batch, start), k -> new ArrayList<>()).add(new int[] {start, i});
                start = i;
            }
        }
        List<FieldVector> vectors = new ArrayList<>(dataFields.length);
        for (int f : dataFields) {
            vectors.add(batch.vector(f));
        }
        VectorSchemaRoot viewRoot = new VectorSchemaRoot(vectors);
        viewRoot.setRowCount(n);
        RowBatch view = new RowBatch(dataType, viewRoot, null); // not closed: the vectors belong to the batch
        for (Map.Entry<String, List<int[]>> e : runs.entrySet()) {
            List<int[]> parts = e.getValue();
            if (parts.size() == 1 && parts.get(0)[0] == 0 && parts.get(0)[1] == n) {
                target.write(e.getKey(), view);
                continue;
            }
            int total = 0;
            for (int[] r : parts) {
                total += r[1] - r[0];
            }
            int[] picks = new int[total];
            int k = 0;
            for (int[] r : parts) {
                for (int row = r[0]; row < r[1]; row++) {
                    picks[k++] = row;
                }
            }
            try (RowBatch rows = VectorGather.gatherRows(view, picks, 0, total, allocator)) {
                target.write(e.getKey(), rows);
            }
        }
    }

    /** The relative directory of row {@code row}'s partition. */
    /**
     * The partition values (null for the default partition) of a partition directory below {@code table}, or null
     * when it is not one of this table's partition directories.
     */
    public List<String> valuesOf(java.nio.file.Path table, java.nio.file.Path partitionDirectory) {
        java.nio.file.Path relative = table.relativize(partitionDirectory);
        List<String> segments = new java.util.ArrayList<>();
        for (java.nio.file.Path segment : relative) {
            segments.add(segment.toString());
        }
        return PartitionPaths.parse(segments, keys, defaultName);
    }

    public String directoryOf(RowBatch batch, int row) {
        List<String> values = new ArrayList<>(keyFields.length);
        for (int i = 0; i < keyFields.length; i++) {
            values.add(PartitionValues.toText(VectorValues.get(keyTypes[i], batch.vector(keyFields[i]), row)));
        }
        return PartitionPaths.partitionPath(keys, values, defaultName);
    }

    private boolean samePartition(RowBatch batch, int a, int b) {
        for (int f : keyFields) {
            if (!equalAt(batch.vector(f), a, b)) {
                return false;
            }
        }
        return true;
    }

    /** True when rows {@code a} and {@code b} of {@code v} hold the same bytes (or are both NULL). */
    static boolean equalAt(FieldVector v, int a, int b) {
        boolean nullA = v.isNull(a);
        boolean nullB = v.isNull(b);
        if (nullA || nullB) {
            return nullA == nullB;
        }
        if (v instanceof BaseVariableWidthVector) {
            ArrowBuf offsets = v.getOffsetBuffer();
            ArrowBuf data = v.getDataBuffer();
            long sa = offsets.getInt((long) a * 4);
            long ea = offsets.getInt((long) (a + 1) * 4);
            long sb = offsets.getInt((long) b * 4);
            long eb = offsets.getInt((long) (b + 1) * 4);
            return ByteFunctionHelpers.equal(data, sa, ea, data, sb, eb) == 1;
        }
        if (v instanceof BitVector) {
            return ((BitVector) v).get(a) == ((BitVector) v).get(b);
        }
        int w = ((BaseFixedWidthVector) v).getTypeWidth();
        ArrowBuf data = v.getDataBuffer();
        return ByteFunctionHelpers.equal(data, (long) a * w, (long) a * w + w, data, (long) b * w, (long) b * w + w) == 1;
    }
}
