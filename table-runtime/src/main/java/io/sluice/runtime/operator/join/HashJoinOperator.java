package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.types.RowType;
import java.util.Arrays;

/**
 * Equi-join by hashing: builds a {@link KeyHashTable} over the right input's key columns (input 1),
 * chaining the build rows of each key, then probes it with each left batch (input 0). Key column
 * {@code i} compares {@code left[leftKeys[i]]} with {@code right[rightKeys[i]]}: with SQL equality
 * (NULL matches nothing) or, where {@code nullSafeKeys[i]}, {@code IS NOT DISTINCT FROM}. Both key
 * columns must map to the same Arrow vector class (and DECIMALs to the same scale): the planner casts
 * them to a common type. An optional non-equi condition is evaluated on each batch of key-matching
 * pairs (a batch of left columns then right columns); a pair counts as a match only if it holds.
 *
 * <p>Output: left columns then right columns (NULL-padded for outer joins), or left columns only for
 * SEMI/ANTI; in batches of at most {@code batchSize} rows. The planner should read input 1 first
 * ({@code OperatorTransformation.inputReadOrder() = {1, 0}}); left batches that arrive earlier are
 * buffered until the right input ended.
 *
 * <p><b>Streaming semantics:</b> batch semantics only, for now: both inputs must be insert-only (a
 * batch with UPDATE/DELETE rows fails with "not supported yet"); the whole right input is kept in
 * memory (no TTL), and left rows are joined only once the right input has ended, so on an unbounded
 * right input nothing is emitted. A streaming join with state on both sides and retractions is a later
 * issue. The output watermark is the smaller of the two inputs' watermarks.
 */
public final class HashJoinOperator extends AbstractJoinOperator {
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final boolean[] nullSafeKeys;

    private KeyHashTable table;
    private int[] head = new int[0];
    private int[] next = new int[0];
    private int[] ids = new int[0];

    public HashJoinOperator(JoinType type, RowType leftType, RowType rightType, int[] leftKeys, int[] rightKeys,
            boolean[] nullSafeKeys, GeneratedClass<BatchPredicate> nonEquiCondition, RowType outputType) {
        super(type, leftType, rightType, nonEquiCondition, outputType);
        if (leftKeys.length == 0 || leftKeys.length != rightKeys.length || leftKeys.length != nullSafeKeys.length) {
            throw new IllegalArgumentException("a hash join needs as many left keys, right keys and null-safe flags "
                    + "(at least one): " + leftKeys.length + ", " + rightKeys.length + ", " + nullSafeKeys.length);
        }
        JoinKeys.requireMatchingTypes(leftType, rightType, leftKeys, rightKeys);
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.nullSafeKeys = nullSafeKeys.clone();
    }

    @Override
    protected void openJoin() {
        table = new KeyHashTable(allocator, rightType.project(rightKeys).types(), nullSafeKeys);
    }

    @Override
    protected void addBuildRows(RowBatch batch, int base, int rows) {
        int[] groupIds = ids(rows);
        table.findOrInsert(KeyHashTable.columnsOf(batch, rightKeys), rows, groupIds);
        int groups = table.size();
        if (head.length < groups) {
            int old = head.length;
            head = Arrays.copyOf(head, Math.max(groups, 2 * old));
            Arrays.fill(head, old, head.length, -1);
        }
        if (next.length < base + rows) {
            next = Arrays.copyOf(next, Math.max(base + rows, 2 * next.length));
        }
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            int r = base + i;
            if (g >= 0) {
                next[r] = head[g];
                head[g] = r;
            } else {
                next[r] = -1; // a NULL key: never matches, only padded by RIGHT/FULL joins
            }
        }
    }

    @Override
    protected void probe(RowBatch batch, int rows) throws Exception {
        int[] groupIds = ids(rows);
        table.find(KeyHashTable.columnsOf(batch, leftKeys), rows, groupIds);
        if (!needsPairs()) {
            for (int i = 0; i < rows; i++) {
                leftMatched[i] = groupIds[i] >= 0;
            }
            return;
        }
        boolean semiOrAnti = !type.emitsPairs(); // a left row already known to match needs no more pairs
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g >= 0) {
                for (int r = head[g]; r >= 0 && !(semiOrAnti && leftMatched[i]); r = next[r]) {
                    addPair(i, r);
                }
            }
        }
    }

    private int[] ids(int rows) {
        if (ids.length < rows) {
            ids = new int[Math.max(rows, 2 * ids.length)];
        }
        return ids;
    }

    @Override
    protected void closeJoin() {
        if (table != null) {
            table.close();
            table = null;
        }
        head = new int[0];
        next = new int[0];
    }
}
