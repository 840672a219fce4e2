package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code UNNEST} becomes a {@link PhysicalUnnest}: a correlate of a row with the {@link Uncollect} of expressions
 * over that row ({@code CROSS JOIN UNNEST(t.a, t.b) AS u(x, y)}, {@code LEFT JOIN UNNEST(...) ON TRUE}), or an
 * uncorrelated {@code UNNEST(ARRAY[...], ...)}. Collections that are not plain columns are first computed into extra
 * columns by a projection of the left input. (Several collections come as a
 * {@link io.sluice.planner.functions.ZippedUnnest.PaddedUncollect}, whose element columns are nullable.)
 */
final class PhysicalUnnestRule extends PhysicalConverterRule {
    PhysicalUnnestRule() {
        super(RelNode.class, (RelNode r) -> r instanceof Uncollect
                || r instanceof Correlate && uncollectOf((Correlate) r) != null, "PhysicalUnnestRule");
    }

    /** The Uncollect directly on the right of {@code correlate}, or null. */
    private static Uncollect uncollectOf(Correlate correlate) {
        RelNode right = strip(correlate.getRight());
        return right instanceof Uncollect ? (Uncollect) right : null;
    }

    private static RelNode strip(RelNode rel) {
        return rel instanceof HepRelVertex ? ((HepRelVertex) rel).getCurrentRel() : rel;
    }

    @Override
    public RelNode convert(RelNode rel) {
        return rel instanceof Correlate ? convertCorrelate((Correlate) rel) : convertUncollect((Uncollect) rel);
    }

    private RelNode convertCorrelate(Correlate correlate) {
        Uncollect uncollect = uncollectOf(correlate);
        JoinRelType joinType = correlate.getJoinType();
        if (joinType != JoinRelType.INNER && joinType != JoinRelType.LEFT) {
            throw new UnsupportedFeatureException(joinType + " JOIN UNNEST");
        }
        RexShuttle decorrelate = new RexShuttle() {
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
        };
        List<RexNode> collections = new ArrayList<>();
        expressions(strip(uncollect.getInput())).forEach(e -> collections.add(e.accept(decorrelate)));
        RelNode left = correlate.getLeft();
        int leftCount = left.getRowType().getFieldCount();
        List<RexNode> projects = new ArrayList<>();
        List<String> names = new ArrayList<>(left.getRowType().getFieldNames());
        RexBuilder rexBuilder = left.getCluster().getRexBuilder();
        for (int i = 0; i < leftCount; i++) {
            projects.add(rexBuilder.makeInputRef(left, i));
        }
        int[] columns = new int[collections.size()];
        for (int i = 0; i < columns.length; i++) {
            RexNode collection = collections.get(i);
            if (collection instanceof RexInputRef) {
                columns[i] = ((RexInputRef) collection).getIndex();
            } else {
                columns[i] = projects.size();
                names.add(projects.size() == leftCount ? "$unnest" : "$unnest" + (projects.size() - leftCount));
                projects.add(collection);
            }
        }
        RelNode input = projects.size() == leftCount ? left
                : LogicalProject.create(left, List.of(), projects, names, Set.of());
        return create(correlate, input, collections, columns, leftCount, uncollect.withOrdinality, joinType);
    }

    /** An UNNEST that refers to no other table: {@code SELECT * FROM UNNEST(ARRAY[1, 2])}. */
    private RelNode convertUncollect(Uncollect uncollect) {
        RelNode input = strip(uncollect.getInput());
        List<RexNode> exprs = expressions(input);
        List<RexNode> collections = new ArrayList<>();
        int[] columns = new int[exprs.size()];
        for (int i = 0; i < columns.length; i++) {
            collections.add(new RexInputRef(i, exprs.get(i).getType()));
            columns[i] = i;
        }
        return create(uncollect, input, collections, columns, 0, uncollect.withOrdinality, null);
    }

    private static PhysicalUnnest create(RelNode rel, RelNode input, List<RexNode> collections, int[] columns,
            int kept, boolean withOrdinality, JoinRelType joinType) {
        int[] widths = new int[columns.length];
        int elementColumns = rel.getRowType().getFieldCount() - kept - (withOrdinality ? 1 : 0);
        int total = 0;
        for (int i = 0; i < columns.length; i++) {
            RelDataType type = collections.get(i).getType();
            LogicalType collectionType = RelTypes.toLogicalType(type);
            switch (collectionType.root()) {
                case ARRAY:
                case MAP:
                case MULTISET:
                    break;
                default:
                    throw new UnsupportedFeatureException("UNNEST of a value of type " + collectionType);
            }
            widths[i] = columns.length == 1 ? elementColumns : elementWidth(type);
            total += widths[i];
        }
        if (total != elementColumns) {
            throw new UnsupportedFeatureException("UNNEST of " + collections + " into " + elementColumns
                    + " columns");
        }
        return new PhysicalUnnest(rel.getCluster(), physical(rel), input, collections, columns, widths, kept,
                withOrdinality, joinType, rel.getRowType());
    }

    /** The columns an element of a collection becomes: a MAP's key and value, a ROW's fields, else one. */
    private static int elementWidth(RelDataType collection) {
        if (collection.getSqlTypeName() == SqlTypeName.MAP) {
            return 2;
        }
        RelDataType element = collection.getComponentType();
        return element != null && element.isStruct() ? element.getFieldCount() : 1;
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
