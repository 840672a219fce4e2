package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * What hash and nested-loop joins share: buffering the right (build) input into one set of vectors,
 * holding back left batches that arrive before the right input ended, and turning candidate
 * (left row, build row) pairs into output. Subclasses only say which pairs are candidates.
 *
 * <p>Candidate pairs are collected up to {@code batchSize} at a time; with a condition they are
 * materialized as a batch of left columns then right columns and filtered by the
 * {@link BatchPredicate}. Surviving pairs mark their left row (per probe batch) and build row (for
 * RIGHT/FULL) as matched and, for INNER/LEFT/RIGHT/FULL, are emitted. After each probe batch, left rows
 * are padded (LEFT/FULL) or selected (SEMI/ANTI); after both inputs ended, unmatched build rows are
 * padded (RIGHT/FULL).
 */
abstract class AbstractJoinOperator implements StreamOperator {
    protected final JoinType type;
    protected final RowType leftType;
    protected final RowType rightType;
    protected final RowType outputType;
    private final GeneratedClass<BatchPredicate> conditionClass;
    private final RowType candidateType;

    protected BufferAllocator allocator;
    private Output output;
    private int batchSize;
    private BatchPredicate condition;

    private FieldVector[] build;
    protected int buildRows;
    private long[] buildMatched = new long[0];
    private final List<RowBatch> pendingLeft = new ArrayList<>();
    private boolean rightEnded;
    private boolean leftEnded;
    private boolean finished;

    private RowBatch probe;
    protected boolean[] leftMatched = new boolean[0];
    private int[] pairLeft;
    private int[] pairRight;
    private int pairCount;
    private int[] selection;
    private int[] scratch = new int[0];
    private int[] nullRows;
    /** The combined watermark of both inputs, as the executor hands it in. */
    private long inputWatermark = Long.MIN_VALUE;
    private long emittedWatermark = Long.MIN_VALUE;

    AbstractJoinOperator(JoinType type, RowType leftType, RowType rightType,
            GeneratedClass<BatchPredicate> condition, RowType outputType) {
        this.type = type;
        this.leftType = leftType;
        this.rightType = rightType;
        this.outputType = outputType;
        this.conditionClass = condition;
        int expected = type.emitsPairs() ? leftType.size() + rightType.size() : leftType.size();
        if (outputType.size() != expected) {
            throw new IllegalArgumentException(type + " join output " + outputType + " should have "
                    + expected + " columns");
        }
        this.candidateType = type.emitsPairs() ? outputType : concat(leftType, rightType);
    }

    private static RowType concat(RowType a, RowType b) {
        List<String> names = new ArrayList<>(a.names());
        names.addAll(b.names());
        List<LogicalType> types = new ArrayList<>(a.types());
        types.addAll(b.types());
        return new RowType(names, types);
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        this.allocator = context.allocator();
        this.output = output;
        this.batchSize = context.batchSize();
        this.pairLeft = new int[batchSize];
        this.pairRight = new int[batchSize];
        this.selection = new int[batchSize];
        if (conditionClass != null) {
            condition = conditionClass.newInstance();
            io.sluice.runtime.generated.UserFunctionLifecycle.open(context, condition);
        }
        build = new FieldVector[rightType.size()];
        for (int c = 0; c < build.length; c++) {
            build[c] = ArrowTypes.toField(rightType.name(c), rightType.type(c).copy(true)).createVector(allocator);
            build[c].allocateNew();
        }
        openJoin();
    }

    /** Creates the subclass's state once the allocator is known. */
    protected abstract void openJoin();

    /** Indexes build rows {@code [base, base + rows)}, which are row {@code 0 ..} of {@code batch}. */
    protected abstract void addBuildRows(RowBatch batch, int base, int rows);

    /**
     * Offers every candidate pair of the current probe batch through {@link #addPair}; when no pairs
     * are needed ({@link #needsPairs()} is false) it sets {@link #leftMatched} directly instead.
     */
    protected abstract void probe(RowBatch batch, int rows) throws Exception;

    /** Releases the subclass's state; called once or more. */
    protected abstract void closeJoin();

    /** Whether probing must produce pairs: to emit them or to test them against the condition. */
    protected final boolean needsPairs() {
        return type.emitsPairs() || condition != null;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        if (finished) {
            batch.close();
            throw new IllegalStateException("batch after end of input");
        }
        if (!batch.isInsertOnly()) {
            batch.close();
            throw new UnsupportedFeatureException("UPDATE/DELETE rows as input of a join");
        }
        if (input == 1) {
            try (batch) {
                appendBuild(batch);
            }
        } else if (rightEnded) {
            probeBatch(batch);
        } else {
            pendingLeft.add(batch);
        }
    }

    private void appendBuild(RowBatch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        int base = buildRows;
        addBuildRows(batch, base, rows);
        int[] iota = scratch(rows);
        for (int i = 0; i < rows; i++) {
            iota[i] = i;
        }
        for (int c = 0; c < build.length; c++) {
            VectorGather.gather(batch.vector(c), iota, rows, build[c], base);
            build[c].setValueCount(base + rows);
        }
        buildRows = base + rows;
        if (type.padsRight() && buildMatched.length * 64L < buildRows) {
            buildMatched = Arrays.copyOf(buildMatched, Math.max((buildRows + 63) / 64, 2 * buildMatched.length));
        }
    }

    private int[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new int[Math.max(n, 2 * scratch.length)];
        }
        return scratch;
    }

    /** Forwards the combined watermark of both inputs (combined by the executor) whenever it advances. */
    @Override
    public void processWatermark(int input, long watermark, Output out) throws Exception {
        inputWatermark = Math.max(inputWatermark, watermark); // already combined over both inputs
        long min = inputWatermark;
        if (min > emittedWatermark) {
            emittedWatermark = min;
            out.emitWatermark(min);
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        if (input == 1) {
            rightEnded = true;
            while (!pendingLeft.isEmpty()) {
                probeBatch(pendingLeft.remove(0));
            }
        } else {
            leftEnded = true;
        }
        if (leftEnded && rightEnded && !finished) {
            finished = true;
            if (type.padsRight()) {
                emitUnmatchedBuildRows();
            }
            releaseState();
        }
    }

    private void probeBatch(RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            probe = batch;
            if (leftMatched.length < rows) {
                leftMatched = new boolean[Math.max(rows, 2 * leftMatched.length)];
            }
            Arrays.fill(leftMatched, 0, rows, false);
            probe(batch, rows);
            flushPairs();
            if (type.padsLeft()) {
                emitLeftRows(rows, false);
            } else if (type == JoinType.SEMI) {
                emitLeftRows(rows, true);
            } else if (type == JoinType.ANTI) {
                emitLeftRows(rows, false);
            }
        } finally {
            probe = null;
        }
    }

    /** Adds a candidate pair of the current probe batch; flushes when a batch of pairs is full. */
    protected final void addPair(int leftRow, int buildRow) throws Exception {
        pairLeft[pairCount] = leftRow;
        pairRight[pairCount] = buildRow;
        if (++pairCount == batchSize) {
            flushPairs();
        }
    }

    private void flushPairs() throws Exception {
        int n = pairCount;
        if (n == 0) {
            return;
        }
        pairCount = 0;
        if (condition != null) {
            try (RowBatch candidates = gatherBatch(candidateType, pairLeft, pairRight, n)) {
                int selected = condition.filter(candidates.root(), n, selection);
                for (int k = 0; k < selected; k++) {
                    int s = selection[k];
                    pairLeft[k] = pairLeft[s];
                    pairRight[k] = pairRight[s];
                }
                n = selected;
            }
        }
        for (int k = 0; k < n; k++) {
            leftMatched[pairLeft[k]] = true;
        }
        if (type.padsRight()) {
            for (int k = 0; k < n; k++) {
                int r = pairRight[k];
                buildMatched[r >>> 6] |= 1L << r;
            }
        }
        if (type.emitsPairs() && n > 0) {
            output.emit(gatherBatch(outputType, pairLeft, pairRight, n));
        }
    }

    /** Emits the probe rows whose matched flag is {@code matched} (NULL-padded if the output has right columns). */
    private void emitLeftRows(int rows, boolean matched) throws Exception {
        int[] picked = scratch(batchSize);
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (leftMatched[i] == matched) {
                picked[n++] = i;
                if (n == batchSize) {
                    output.emit(gatherBatch(outputType, picked, null, n));
                    n = 0;
                }
            }
        }
        if (n > 0) {
            output.emit(gatherBatch(outputType, picked, null, n));
        }
    }

    private void emitUnmatchedBuildRows() throws Exception {
        int[] picked = scratch(batchSize);
        int n = 0;
        for (int r = 0; r < buildRows; r++) {
            if ((buildMatched[r >>> 6] & (1L << r)) == 0) {
                picked[n++] = r;
                if (n == batchSize) {
                    output.emit(gatherBatch(outputType, null, picked, n));
                    n = 0;
                }
            }
        }
        if (n > 0) {
            output.emit(gatherBatch(outputType, null, picked, n));
        }
    }

    /**
     * A batch of {@code type} whose row k is probe row {@code left[k]} (NULLs when {@code left} is
     * null) followed, if the type has right columns, by build row {@code right[k]} (NULLs when null).
     */
    private RowBatch gatherBatch(RowType type, int[] left, int[] right, int n) {
        List<FieldVector> vectors = new ArrayList<>(type.size());
        try {
            int leftColumns = leftType.size();
            for (int c = 0; c < type.size(); c++) {
                FieldVector v = ArrowTypes.toField(type.name(c), type.type(c)).createVector(allocator);
                vectors.add(v);
                v.setInitialCapacity(n);
                v.allocateNew();
                if (c < leftColumns) {
                    gatherColumn(left == null ? null : probe.vector(c), left, n, v);
                } else {
                    gatherColumn(right == null ? null : build[c - leftColumns], right, n, v);
                }
                v.setValueCount(n);
            }
            return RowBatch.of(type, vectors, n);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    private void gatherColumn(FieldVector src, int[] rows, int n, FieldVector dst) {
        if (rows == null) {
            rows = nullRows(n);
        }
        VectorGather.gather(src, rows, n, dst, 0);
    }

    private int[] nullRows(int n) {
        if (nullRows == null || nullRows.length < n) {
            nullRows = new int[Math.max(n, batchSize)];
            Arrays.fill(nullRows, -1);
        }
        return nullRows;
    }

    private void releaseState() {
        for (RowBatch b : pendingLeft) {
            b.close();
        }
        pendingLeft.clear();
        if (build != null) {
            for (FieldVector v : build) {
                if (v != null) {
                    v.close();
                }
            }
            build = null;
        }
        closeJoin();
    }

    @Override
    public void close() {
        try {
            releaseState();
        } finally {
            Object c = condition;
            condition = null;
            io.sluice.runtime.generated.UserFunctionLifecycle.closeUnchecked(c);
        }
    }
}
