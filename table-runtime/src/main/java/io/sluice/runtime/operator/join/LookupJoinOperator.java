package io.sluice.runtime.operator.join;

import io.sluice.runtime.connector.LookupFunction;
import io.sluice.runtime.connector.LookupTableSource;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The lookup join ({@code FROM l [LEFT] JOIN dim FOR SYSTEM_TIME AS OF l.proc_time AS d ON l.k = d.id}, dim a
 * {@link LookupTableSource}): for each batch of the input, the keys of all its rows are looked up in one call
 * of the source's {@link LookupFunction} (which may cache), and each input row is joined with the rows found
 * for its key. Key {@code i} is {@code input[leftKeys[i]]}, compared with the looked-up table's physical column
 * {@code lookupKeys[i]} (a NULL key matches nothing). The joined right columns are the physical columns
 * {@code rightFields} of the looked-up table, in that order. An optional residual condition over (input
 * columns, right columns) keeps only the pairs for which it is TRUE. Output: input columns then right columns,
 * NULL-padded for an input row without a match in a LEFT join; an INNER join drops it.
 *
 * <p><b>Streaming semantics:</b> input changelog mode: any (each row is joined with what the table holds when
 * it is processed, and keeps its row kind). Output changelog mode: the input's. An emitted row is never
 * retracted when the looked-up table changes later (processing-time semantics, as in Flink). No state besides
 * the lookup function's cache, which is not checkpointed (a restored job looks keys up again). Watermarks pass
 * through unchanged.
 */
public final class LookupJoinOperator implements StreamOperator {
    private final JoinType type;
    private final RowType leftType;
    private final RowType lookupType;
    private final int[] leftKeys;
    private final int[] lookupKeys;
    private final int[] rightFields;
    private final LookupTableSource source;
    private final GeneratedClass<BatchPredicate> residualClass;
    private final RowType outputType;
    private final RowType rightType;

    private BufferAllocator allocator;
    private LookupFunction function;
    private JoinPairFilter pairFilter;
    private JoinOutputBuffer out;
    private int batchSize;

    /**
     * A lookup join of {@code type} (INNER or LEFT) of input rows of {@code leftType} with the rows of
     * {@code source} (physical type {@code lookupType}) on {@code left[leftKeys[i]] = table[lookupKeys[i]]},
     * producing the left columns followed by the table's columns {@code rightFields}; {@code residual} (over
     * those columns; null for none) filters the pairs.
     */
    public LookupJoinOperator(JoinType type, RowType leftType, RowType lookupType, int[] leftKeys, int[] lookupKeys,
            int[] rightFields, LookupTableSource source, GeneratedClass<BatchPredicate> residual, RowType outputType) {
        if (type != JoinType.INNER && type != JoinType.LEFT) {
            throw new IllegalArgumentException("a lookup join is INNER or LEFT, not " + type);
        }
        if (leftKeys.length == 0 || leftKeys.length != lookupKeys.length) {
            throw new IllegalArgumentException("a lookup join needs as many input as table keys (at least one)");
        }
        this.type = type;
        this.leftType = leftType;
        this.lookupType = lookupType;
        this.leftKeys = leftKeys.clone();
        this.lookupKeys = lookupKeys.clone();
        this.rightFields = rightFields.clone();
        this.source = source;
        this.residualClass = residual;
        this.outputType = outputType;
        this.rightType = lookupType.project(rightFields);
        if (outputType.size() != leftType.size() + rightFields.length) {
            throw new IllegalArgumentException("lookup join output " + outputType + " should have "
                    + (leftType.size() + rightFields.length) + " columns");
        }
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        allocator = context.allocator();
        batchSize = Math.max(1, context.batchSize());
        if (residualClass != null) {
            BatchPredicate residual = residualClass.newInstance();
            io.sluice.runtime.generated.UserFunctionLifecycle.openUnchecked(context, residual);
            pairFilter = new JoinPairFilter(residual, residualClass.inputColumns(), leftType, rightType, allocator, batchSize);
        }
        out = new JoinOutputBuffer(outputType, leftType.size(), allocator, batchSize, output);
        function = source.createLookupFunction(lookupKeys);
        function.open();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            List<Object[]> keys = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                Object[] key = new Object[leftKeys.length];
                for (int k = 0; k < key.length; k++) {
                    key[k] = VectorValues.get(leftType.type(leftKeys[k]), batch.vector(leftKeys[k]), r);
                }
                keys.add(key);
            }
            List<List<Object[]>> found = function.lookup(keys);
            int total = 0;
            for (List<Object[]> f : found) {
                total += f.size();
            }
            int[] first = new int[rows + 1];
            try (RowBatch right = RowBatch.allocate(rightType, allocator, Math.max(1, total))) {
                int at = 0;
                for (int r = 0; r < rows; r++) {
                    first[r] = at;
                    for (Object[] row : found.get(r)) {
                        for (int c = 0; c < rightFields.length; c++) {
                            VectorValues.set(rightType.type(c), right.vector(c), at, row[rightFields[c]]);
                        }
                        at++;
                    }
                }
                first[rows] = at;
                right.setRowCount(at);
                emit(batch, right, first, rows);
            }
        }
    }

    private void emit(RowBatch left, RowBatch right, int[] first, int rows) throws Exception {
        FieldVector[] leftVectors = left.root().getFieldVectors().toArray(new FieldVector[0]);
        FieldVector[] rightVectors = right.root().getFieldVectors().toArray(new FieldVector[0]);
        out.setSources(leftVectors, rightVectors);
        if (pairFilter == null) {
            for (int r = 0; r < rows; r++) {
                byte kind = left.rowKind(r).toByteValue();
                for (int m = first[r]; m < first[r + 1]; m++) {
                    out.add(kind, r, m);
                }
                if (first[r] == first[r + 1] && type == JoinType.LEFT) {
                    out.add(kind, r, -1);
                }
            }
        } else {
            // pairs are evaluated in input-row order, so matches of a row arrive together and in order
            List<int[]> matches = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int m = first[r]; m < first[r + 1]; m++) {
                    if (pairFilter.add(r, m)) {
                        pairFilter.evaluate(leftVectors, rightVectors, true, (i, o) -> matches.add(new int[] {i, o}));
                    }
                }
            }
            pairFilter.evaluate(leftVectors, rightVectors, true, (i, o) -> matches.add(new int[] {i, o}));
            int next = 0;
            for (int r = 0; r < rows; r++) {
                byte kind = left.rowKind(r).toByteValue();
                boolean any = false;
                while (next < matches.size() && matches.get(next)[0] == r) {
                    out.add(kind, r, matches.get(next++)[1]);
                    any = true;
                }
                if (!any && type == JoinType.LEFT) {
                    out.add(kind, r, -1);
                }
            }
        }
        out.flush();
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public boolean isStateless() {
        return true;
    }

    @Override
    public void close() throws Exception {
        if (function != null) {
            function.close();
            function = null;
        }
    }
}
