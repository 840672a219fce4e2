package io.sluice.planner.translate;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.unnest.UnnestOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;

/**
 * Translates {@code UNNEST}: a {@link Correlate} of a row with the {@link Uncollect} of an expression over that row
 * ({@code CROSS JOIN UNNEST(t.arr) AS u(x)}, {@code LEFT JOIN UNNEST(...) ON TRUE}), and an uncorrelated
 * {@code UNNEST(ARRAY[...])}, into an {@link UnnestOperator}. A collection that is not a plain column is first
 * computed into an extra column by a projection.
 */
final class UnnestTranslator {
    private final JobGraphGenerator generator;

    UnnestTranslator(JobGraphGenerator generator) {
        this.generator = generator;
    }

    /** The Uncollect directly on the right of {@code correlate}, or null. */
    static Uncollect uncollectOf(Correlate correlate) {
        RelNode right = strip(correlate.getRight());
        return right instanceof Uncollect ? (Uncollect) right : null;
    }

    private static RelNode strip(RelNode rel) {
        return rel instanceof HepRelVertex ? ((HepRelVertex) rel).getCurrentRel() : rel;
    }

    Transformation translate(Correlate correlate) {
        Uncollect uncollect = uncollectOf(correlate);
        JoinRelType joinType = correlate.getJoinType();
        if (joinType != JoinRelType.INNER && joinType != JoinRelType.LEFT) {
            throw new UnsupportedFeatureException(joinType + " JOIN UNNEST");
        }
        RelNode left = correlate.getLeft();
        RexNode collection = collectionExpression(uncollect, new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                RexNode ref = access.getReferenceExpr();
                if (ref instanceof RexCorrelVariable
                        && ((RexCorrelVariable) ref).id.equals(correlate.getCorrelationId())) {
                    return new RexInputRef(access.getField().getIndex(), access.getType());
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                throw new UnsupportedFeatureException("UNNEST of the whole correlated row " + variable);
            }
        });
        int leftCount = left.getRowType().getFieldCount();
        int[] kept = new int[leftCount];
        for (int i = 0; i < leftCount; i++) {
            kept[i] = i;
        }
        return build(left, collection, kept, uncollect.withOrdinality, joinType == JoinRelType.LEFT,
                RelTypes.toRowType(correlate.getRowType()), "Correlate");
    }

    /** An UNNEST that refers to no other table: {@code SELECT * FROM UNNEST(ARRAY[1, 2])}. */
    Transformation translate(Uncollect uncollect) {
        RelNode input = strip(uncollect.getInput());
        List<RexNode> exprs = expressions(input);
        if (exprs.size() != 1) {
            throw new UnsupportedFeatureException("UNNEST of more than one collection");
        }
        return build(input, new RexInputRef(0, exprs.get(0).getType()), new int[0], uncollect.withOrdinality, false,
                RelTypes.toRowType(uncollect.getRowType()), "Uncollect");
    }

    private Transformation build(RelNode left, RexNode collection, int[] kept, boolean withOrdinality,
            boolean leftJoin, RowType outputType, String kind) {
        int column;
        RelNode source;
        if (collection instanceof RexInputRef) {
            column = ((RexInputRef) collection).getIndex();
            source = left;
        } else {
            RexBuilder rexBuilder = left.getCluster().getRexBuilder();
            List<RexNode> projects = new ArrayList<>();
            List<String> names = new ArrayList<>(left.getRowType().getFieldNames());
            for (int i = 0; i < left.getRowType().getFieldCount(); i++) {
                projects.add(rexBuilder.makeInputRef(left, i));
            }
            projects.add(collection);
            names.add("$unnest");
            source = LogicalProject.create(left, List.of(), projects, names, java.util.Set.of());
            column = projects.size() - 1;
        }
        LogicalType collectionType = RelTypes.toLogicalType(collection.getType());
        switch (collectionType.root()) {
            case ARRAY:
            case MAP:
            case MULTISET:
                break;
            default:
                throw new UnsupportedFeatureException("UNNEST of a value of type " + collectionType);
        }
        Transformation in = generator.translate(source);
        String name = kind.equals("Correlate") ? "Unnest(" + collection + (withOrdinality ? ", ordinality" : "")
                + ", joinType=[" + (leftJoin ? "LEFT" : "INNER") + "])"
                : "Unnest(" + collection + (withOrdinality ? ", ordinality" : "") + ")";
        int collectionColumn = column;
        return new OperatorTransformation(name, List.of(in), () -> new UnnestOperator(outputType, kept,
                collectionColumn, collectionType, withOrdinality, leftJoin), outputType);
    }

    private static RexNode collectionExpression(Uncollect uncollect, RexShuttle decorrelate) {
        List<RexNode> exprs = expressions(strip(uncollect.getInput()));
        if (exprs.size() != 1) {
            throw new UnsupportedFeatureException("UNNEST of more than one collection");
        }
        return exprs.get(0).accept(decorrelate);
    }

    /** The expressions a Project or Calc over a single-row VALUES computes. */
    private static List<RexNode> expressions(RelNode input) {
        if (input instanceof Project) {
            Project project = (Project) input;
            checkSingleRow(project.getInput());
            return project.getProjects();
        }
        if (input instanceof Calc) {
            RexProgram program = ((Calc) input).getProgram();
            if (program.getCondition() != null) {
                throw new UnsupportedFeatureException("UNNEST of a filtered input");
            }
            checkSingleRow(((Calc) input).getInput());
            List<RexNode> out = new ArrayList<>();
            for (RexLocalRef ref : program.getProjectList()) {
                out.add(program.expandLocalRef(ref));
            }
            return out;
        }
        throw new UnsupportedFeatureException("UNNEST over " + input.getRelTypeName());
    }

    private static void checkSingleRow(RelNode input) {
        RelNode in = strip(input);
        if (!(in instanceof Values) || ((Values) in).getTuples().size() != 1) {
            throw new UnsupportedFeatureException("UNNEST over " + in.getRelTypeName());
        }
    }
}
