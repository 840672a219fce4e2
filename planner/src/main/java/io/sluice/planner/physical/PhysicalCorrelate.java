package io.sluice.planner.physical;

import io.sluice.planner.translate.CorrelateTranslator;
import io.sluice.runtime.graph.Transformation;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;

/**
 * A join of each row with the rows a user-defined table function returns for it ({@code LATERAL TABLE(f(x))}, or
 * {@code LEFT JOIN LATERAL TABLE(f(x)) ON TRUE}, which keeps a row the function returns nothing for): a
 * {@code CorrelateOperator}. Its only input is the left side; the function call is part of the node. Stateless:
 * each output row has the row kind of the input row it came from, so retractions pass through. Both modes.
 */
public final class PhysicalCorrelate extends SingleRel implements PhysicalRel {
    private final RexCall call;
    private final RexCall invocation;
    private final RelDataType functionRowType;
    private final JoinRelType joinType;

    /**
     * @param call the function call as written (its arguments read the correlation variable)
     * @param invocation the same call over the input's fields
     * @param functionRowType the row type of the function's rows
     * @param rowType the input's fields then the function's
     */
    PhysicalCorrelate(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexCall call, RexCall invocation,
            RelDataType functionRowType, RelDataType rowType, JoinRelType joinType) {
        super(cluster, traits, input);
        this.call = call;
        this.invocation = invocation;
        this.functionRowType = functionRowType;
        this.joinType = joinType;
        this.rowType = rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalCorrelate(getCluster(), traitSet, sole(inputs), call, invocation, functionRowType,
                rowType, joinType);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("invocation", call).item("joinType", joinType);
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        return CorrelateTranslator.translate(context.config(), getInput(), inputs.get(0), call, invocation,
                functionRowType, rowType, joinType);
    }
}
