package io.sluice.planner.physical;

import io.sluice.codegen.functions.HashCodeFunction;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.OptimizerOptions;
import io.sluice.table.api.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Split distinct aggregation, Flink's {@code table.optimizer.distinct-agg.split.enabled}: a streaming
 * {@code GROUP BY k} with DISTINCT aggregates over one column {@code x} becomes two levels, so that a hot group's
 * distinct values are spread over {@code table.optimizer.distinct-agg.split.bucket-num} buckets (and instances):
 * <ol>
 *   <li>a {@code Calc} adds the bucket {@code $f = MOD(HASH_CODE(x), n)};</li>
 *   <li>the {@code PARTIAL} aggregate groups by {@code k, $f} and computes every call per bucket (DISTINCT calls stay
 *       DISTINCT: a value always falls in the same bucket);</li>
 *   <li>the {@code FINAL} aggregate groups by {@code k} and combines the buckets: {@code $SUM0} of the counts,
 *       {@code SUM} of the sums, {@code MIN}/{@code MAX} of the extremes (over the partial level's updates).</li>
 * </ol>
 * The split applies when every call is COUNT, SUM, $SUM0, MIN or MAX (DISTINCT or not) and the DISTINCT calls share
 * one argument column; otherwise the aggregation runs unsplit (with the same results). The final level may then run
 * in two phases ({@link TwoPhaseAggregation}).
 */
final class SplitDistinctAggregation {
    private SplitDistinctAggregation() {
    }

    /** The split form of {@code agg}, or {@code agg} itself. */
    static RelNode expand(StreamPhysicalGroupAggregate agg, TranslationContext context) {
        Configuration config = context.config();
        if (!context.isStreaming() || agg.isSplitLevel()
                || !config.get(OptimizerOptions.DISTINCT_AGG_SPLIT_ENABLED)) {
            return agg;
        }
        int distinctArg = distinctArgument(agg.getAggCallList());
        if (distinctArg < 0) {
            return agg;
        }
        int buckets = config.get(OptimizerOptions.DISTINCT_AGG_SPLIT_BUCKET_NUM);
        if (buckets <= 0) {
            throw new ValidationException("'" + OptimizerOptions.DISTINCT_AGG_SPLIT_BUCKET_NUM.key()
                    + "' must be a positive number of buckets, got " + buckets);
        }
        RelOptCluster cluster = agg.getCluster();
        RexBuilder rex = cluster.getRexBuilder();
        RelDataTypeFactory types = cluster.getTypeFactory();
        RelNode input = agg.getInput();
        int n = input.getRowType().getFieldCount();

        List<RexNode> projects = new ArrayList<>();
        RelDataTypeFactory.Builder calcType = types.builder();
        for (RelDataTypeField f : input.getRowType().getFieldList()) {
            projects.add(rex.makeInputRef(input, f.getIndex()));
            calcType.add(f);
        }
        RexNode bucket = rex.makeCall(SqlStdOperatorTable.MOD,
                rex.makeCall(HashCodeFunction.HASH_CODE, rex.makeInputRef(input, distinctArg)),
                rex.makeExactLiteral(BigDecimal.valueOf(buckets)));
        projects.add(bucket);
        String bucketName = "$f" + n;
        calcType.add(bucketName, bucket.getType());
        PhysicalCalc calc = new PhysicalCalc(cluster, agg.getTraitSet(), input, null, projects,
                calcType.uniquify().build());

        int groups = agg.getGroupCount();
        ImmutableBitSet partialGroups = agg.getGroupSet().union(ImmutableBitSet.of(n));
        List<AggregateCall> partialCalls = new ArrayList<>();
        List<AggregateCall> calls = agg.getAggCallList();
        for (int k = 0; k < calls.size(); k++) {
            AggregateCall c = calls.get(k);
            partialCalls.add(AggregateCall.create(c.getAggregation(), c.isDistinct(), c.isApproximate(),
                    c.ignoreNulls(), c.getArgList(), c.filterArg, null, RelCollations.EMPTY, groups + 1, calc, null,
                    bucketName + "_" + k));
        }
        StreamPhysicalGroupAggregate partial = new StreamPhysicalGroupAggregate(cluster, agg.getTraitSet(), calc,
                partialGroups, partialCalls, "PARTIAL");

        List<AggregateCall> finalCalls = new ArrayList<>();
        List<RelDataTypeField> outFields = agg.getRowType().getFieldList();
        for (int k = 0; k < calls.size(); k++) {
            AggregateCall c = calls.get(k);
            finalCalls.add(AggregateCall.create(finalFunction(c.getAggregation()), false, false, false,
                    List.of(groups + 1 + k), -1, null, RelCollations.EMPTY, groups, partial, null,
                    outFields.get(groups + k).getName()));
        }
        StreamPhysicalGroupAggregate fin = new StreamPhysicalGroupAggregate(cluster, agg.getTraitSet(), partial,
                ImmutableBitSet.range(groups), finalCalls, "FINAL");
        return castTo(fin, agg.getRowType());
    }

    /** The single argument column all DISTINCT calls share, or -1 when the aggregation is not split. */
    private static int distinctArgument(List<AggregateCall> calls) {
        int arg = -1;
        for (AggregateCall c : calls) {
            switch (c.getAggregation().getKind()) {
                case COUNT:
                case SUM:
                case SUM0:
                case MIN:
                case MAX:
                    break;
                default:
                    return -1;
            }
            if (c.getAggregation().getClass().getName().startsWith("io.sluice")) {
                return -1; // a user-defined function named like a built-in one
            }
            if (c.isDistinct()) {
                if (c.getArgList().size() != 1 || (arg >= 0 && arg != c.getArgList().get(0))) {
                    return -1;
                }
                arg = c.getArgList().get(0);
            }
        }
        return arg;
    }

    /** How the final level combines the partial results of {@code f}. */
    private static SqlAggFunction finalFunction(SqlAggFunction f) {
        switch (f.getKind()) {
            case COUNT:
            case SUM0:
                return SqlStdOperatorTable.SUM0;
            case SUM:
                return SqlStdOperatorTable.SUM;
            default:
                return f; // MIN, MAX
        }
    }

    /** {@code rel}, with a Calc casting its columns when their types differ from {@code type}'s. */
    private static RelNode castTo(RelNode rel, RelDataType type) {
        List<RelDataTypeField> have = rel.getRowType().getFieldList();
        List<RelDataTypeField> want = type.getFieldList();
        boolean same = true;
        for (int i = 0; i < want.size(); i++) {
            same &= have.get(i).getType().equals(want.get(i).getType());
        }
        if (same) {
            return rel;
        }
        RexBuilder rex = rel.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            RexNode ref = rex.makeInputRef(rel, i);
            projects.add(have.get(i).getType().equals(want.get(i).getType()) ? ref
                    : rex.makeCast(want.get(i).getType(), ref, true, false));
        }
        return new PhysicalCalc(rel.getCluster(), rel.getTraitSet(), rel, null, projects, type);
    }
}
