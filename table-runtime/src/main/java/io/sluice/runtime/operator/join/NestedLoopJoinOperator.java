package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.RowType;
import java.util.Arrays;

/**
 * Join on any condition (or none: a cross join) by pairing every left row with every buffered right
 * row and evaluating the condition on batches of pairs (left columns then right columns). Supports
 * every {@link JoinType}; the output is as for {@link HashJoinOperator}. Cost is
 * {@code |left| x |right|} condition evaluations, so the planner uses it only when there is no equi
 * key.
 *
 * <p>The right input (input 1) is buffered in memory; left batches that arrive before it ended are
 * buffered too. The planner should read input 1 first.
 *
 * <p><b>Streaming semantics:</b> batch semantics only, for now: both inputs must be insert-only; the
 * whole right input is kept in memory (no TTL) and nothing is emitted before it ended. Retractions are
 * a later issue. The output watermark is the smaller of the two inputs' watermarks.
 */
public final class NestedLoopJoinOperator extends AbstractJoinOperator {

    public NestedLoopJoinOperator(JoinType type, RowType leftType, RowType rightType,
            GeneratedClass<BatchPredicate> condition, RowType outputType) {
        super(type, leftType, rightType, condition, outputType);
    }

    @Override
    protected void openJoin() {
    }

    @Override
    protected void addBuildRows(RowBatch batch, int base, int rows) {
    }

    @Override
    protected void probe(RowBatch batch, int rows) throws Exception {
        if (!needsPairs()) {
            Arrays.fill(leftMatched, 0, rows, buildRows > 0);
            return;
        }
        int buildCount = buildRows;
        boolean semiOrAnti = !type.emitsPairs(); // a left row already known to match needs no more pairs
        for (int i = 0; i < rows; i++) {
            for (int r = 0; r < buildCount && !(semiOrAnti && leftMatched[i]); r++) {
                addPair(i, r);
            }
        }
    }

    @Override
    protected void closeJoin() {
    }
}
