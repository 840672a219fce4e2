package io.sluice.planner.physical;

import io.sluice.planner.translate.WindowColumns;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Rewrites a logical aggregate before it becomes physical (the converter converts the rewritten nodes again):
 * {@code LITERAL_AGG} calls become constants projected above the aggregate, and the aggregate's input reads only
 * the columns it uses when that input is a window table function or a table scan. Rejects grouping sets (they are
 * rewritten into unions earlier, so one reaching this point is not supported). Returns null when nothing changes.
 */
final class AggregateRewriteRule extends PhysicalConverterRule {
    AggregateRewriteRule() {
        super(Aggregate.class, "AggregateRewriteRule");
    }

    @Override
    public RelNode convert(RelNode rel) {
        Aggregate agg = (Aggregate) rel;
        if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
            throw new UnsupportedFeatureException("GROUPING SETS, ROLLUP and CUBE");
        }
        if (agg.getAggCallList().stream().anyMatch(c -> c.getAggregation().getKind() == SqlKind.LITERAL_AGG)) {
            return withoutLiteralAggregates(agg);
        }
        if (agg.getInput() instanceof TableFunctionScan
                && WindowColumns.isWindowFunction((TableFunctionScan) agg.getInput())) {
            return pruneWindowInput(agg, (TableFunctionScan) agg.getInput());
        }
        if (agg.getInput() instanceof TableScan) {
            return pruneScanInput(agg, (TableScan) agg.getInput());
        }
        return null;
    }

    /**
     * Column pruning below a window table function: the aggregate over it reads only some columns, so
     * the window function (which copies every column of its input, once per window for HOP and
     * CUMULATE) gets a projection of those plus the time column. Null when every column is used.
     */
    private static Aggregate pruneWindowInput(Aggregate agg, TableFunctionScan tvf) {
        RelNode input = tvf.getInputs().get(0);
        int inputWidth = input.getRowType().getFieldCount();
        RexCall call = (RexCall) tvf.getCall();
        ImmutableBitSet.Builder usedBuilder = usedColumns(agg);
        usedBuilder.addAll(RelOptUtil.InputFinder.bits(call));
        usedBuilder.set(WindowColumns.timeField(call));
        ImmutableBitSet usedInput = usedBuilder.build().intersect(ImmutableBitSet.range(inputWidth));
        if (usedInput.cardinality() >= inputWidth) {
            return null;
        }
        int[] fields = usedInput.toArray();
        int[] mapping = new int[tvf.getRowType().getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            mapping[fields[i]] = i;
        }
        for (int w = 0; w < tvf.getRowType().getFieldCount() - inputWidth; w++) {
            mapping[inputWidth + w] = fields.length + w;
        }
        RelNode narrowed = narrowed(input, fields);
        RexShuttle remap = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(mapping[ref.getIndex()], ref.getType());
            }
        };
        RelDataTypeFactory.Builder rowType = tvf.getCluster().getTypeFactory().builder();
        rowType.addAll(narrowed.getRowType().getFieldList());
        List<RelDataTypeField> all = tvf.getRowType().getFieldList();
        rowType.addAll(all.subList(inputWidth, all.size()));
        RelNode newTvf = LogicalTableFunctionScan.create(tvf.getCluster(),
                List.of(narrowed), call.accept(remap), tvf.getElementType(), rowType.build(), null);
        return remapped(agg, newTvf, mapping);
    }

    /**
     * Column pruning below an aggregate reading a table directly ({@code SELECT k, COUNT(*) FROM t GROUP BY k}):
     * the scan reads only the grouped and aggregated columns (at least one). Null when it reads them all anyway.
     */
    private static Aggregate pruneScanInput(Aggregate agg, TableScan scan) {
        int width = scan.getRowType().getFieldCount();
        ImmutableBitSet used = usedColumns(agg).build();
        if (agg.getAggCallList().stream().anyMatch(c -> c.distinctKeys != null || !c.collation.getFieldCollations()
                .isEmpty())) {
            return null; // WITHIN DISTINCT / WITHIN GROUP refer to input columns too: keep them all
        }
        if (used.isEmpty()) {
            used = ImmutableBitSet.of(0); // COUNT(*) still needs the rows
        }
        if (used.cardinality() >= width) {
            return null;
        }
        int[] fields = used.toArray();
        int[] mapping = new int[width];
        for (int i = 0; i < fields.length; i++) {
            mapping[fields[i]] = i;
        }
        RelNode narrowed = narrowed(scan, fields);
        return remapped(agg, narrowed, mapping);
    }

    /** The input columns an aggregate reads: its group keys, call arguments and filters. */
    private static ImmutableBitSet.Builder usedColumns(Aggregate agg) {
        ImmutableBitSet.Builder used = ImmutableBitSet.builder();
        used.addAll(agg.getGroupSet());
        for (AggregateCall c : agg.getAggCallList()) {
            used.addAll(c.getArgList());
            if (c.filterArg >= 0) {
                used.set(c.filterArg);
            }
        }
        return used;
    }

    /** A projection of {@code fields} of {@code input}, keeping their names. */
    private static RelNode narrowed(RelNode input, int[] fields) {
        RexBuilder rexBuilder = input.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int f : fields) {
            exprs.add(rexBuilder.makeInputRef(input, f));
            names.add(input.getRowType().getFieldNames().get(f));
        }
        return LogicalProject.create(input, List.of(), exprs, names, java.util.Set.of());
    }

    /** {@code agg} over {@code input}, whose field {@code mapping[i]} is the old input's field {@code i}. */
    private static Aggregate remapped(Aggregate agg, RelNode input, int[] mapping) {
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            List<Integer> args = new ArrayList<>();
            c.getArgList().forEach(a -> args.add(mapping[a]));
            calls.add(c.copy(args, c.filterArg < 0 ? -1 : mapping[c.filterArg], c.distinctKeys, c.collation));
        }
        ImmutableBitSet groupSet = ImmutableBitSet.of(java.util.Arrays.stream(agg.getGroupSet().toArray())
                .map(g -> mapping[g]).toArray());
        return agg.copy(agg.getTraitSet(), input, groupSet, null, calls);
    }

    /**
     * LITERAL_AGG (produced by subquery rewrites) yields a constant per group: aggregate without it, then
     * project the constants into place.
     */
    private static RelNode withoutLiteralAggregates(Aggregate agg) {
        List<AggregateCall> real = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            if (c.getAggregation().getKind() != SqlKind.LITERAL_AGG) {
                real.add(c);
            }
        }
        Aggregate inner = agg.copy(agg.getTraitSet(), agg.getInput(), agg.getGroupSet(), null, real);
        RexBuilder rexBuilder = agg.getCluster().getRexBuilder();
        int groupCount = agg.getGroupCount();
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < groupCount; i++) {
            projects.add(rexBuilder.makeInputRef(inner, i));
        }
        int next = groupCount;
        for (AggregateCall c : agg.getAggCallList()) {
            if (c.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
                projects.add(rexBuilder.makeCast(c.getType(), c.rexList.get(0), true, false));
            } else {
                projects.add(rexBuilder.makeInputRef(inner, next++));
            }
        }
        return LogicalProject.create(inner, List.of(), projects, agg.getRowType());
    }
}
