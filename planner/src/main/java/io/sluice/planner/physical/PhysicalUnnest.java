package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.unnest.UnnestOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * {@code UNNEST}: each input row is repeated once per element of its collection columns (ARRAY, MAP or MULTISET;
 * several collections are zipped by position, the shorter padded with NULLs), followed by the elements' columns and,
 * {@code WITH ORDINALITY}, their position: an {@link UnnestOperator}. Correlated ({@code CROSS JOIN UNNEST(t.a)},
 * {@code LEFT JOIN UNNEST(...) ON TRUE}) it keeps the input's columns in front; uncorrelated
 * ({@code SELECT * FROM UNNEST(ARRAY[...])}) its input is the single row of collections. Stateless: each output row
 * has the row kind of the input row it came from, so retractions pass through. Both modes.
 */
public final class PhysicalUnnest extends SingleRel implements PhysicalRel {
    private final List<RexNode> collections;
    private final int[] collectionColumns;
    private final int[] elementWidths;
    private final int keptColumns;
    private final boolean withOrdinality;
    private final JoinRelType joinType;

    /**
     * @param collections the collections as written (over the left row), for EXPLAIN
     * @param collectionColumns the input columns holding them
     * @param elementWidths the number of output columns of each collection's elements
     * @param keptColumns how many leading input columns are copied to the output
     * @param joinType INNER or LEFT for a correlated UNNEST, null for an uncorrelated one
     */
    PhysicalUnnest(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexNode> collections,
            int[] collectionColumns, int[] elementWidths, int keptColumns, boolean withOrdinality,
            JoinRelType joinType, RelDataType rowType) {
        super(cluster, traits, input);
        this.collections = List.copyOf(collections);
        this.collectionColumns = collectionColumns.clone();
        this.elementWidths = elementWidths.clone();
        this.keptColumns = keptColumns;
        this.withOrdinality = withOrdinality;
        this.joinType = joinType;
        this.rowType = rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalUnnest(getCluster(), traitSet, sole(inputs), collections, collectionColumns,
                elementWidths, keptColumns, withOrdinality, joinType, rowType);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("collections", collections).item("ordinality", withOrdinality)
                .itemIf("joinType", joinType, joinType != null);
    }

    /** The EXPLAIN text: {@code Unnest(collections[, ordinality][, joinType=[INNER|LEFT]])}. */
    private String name() {
        return "Unnest(" + collections.stream().map(RexNode::toString).collect(Collectors.joining(", "))
                + (withOrdinality ? ", ordinality" : "") + (joinType == null ? "" : ", joinType=[" + joinType + "]")
                + ")";
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        RowType outputType = RelTypes.toRowType(getRowType());
        int[] kept = new int[keptColumns];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = i;
        }
        LogicalType[] types = new LogicalType[collectionColumns.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = RelTypes.toLogicalType(getInput().getRowType().getFieldList().get(collectionColumns[i])
                    .getType());
        }
        boolean leftJoin = joinType == JoinRelType.LEFT;
        return new OperatorTransformation(name(), inputs, () -> new UnnestOperator(outputType, kept,
                collectionColumns, types, elementWidths, withOrdinality, leftJoin), outputType);
    }
}
