package io.sluice.planner.optimize;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Rewrites an aggregate with {@code GROUPING SETS}, {@code ROLLUP} or {@code CUBE} into a {@code UNION ALL} of one
 * plain aggregate per grouping set: each branch groups by its set, fills the columns outside the set with NULL and
 * turns {@code GROUPING(...)} / {@code GROUPING_ID(...)} / {@code GROUP_ID()} into the constants they have for that
 * set. Every aggregation the runtime has (batch, streaming with retractions, windows) then serves grouping sets
 * unchanged; the input is read once per grouping set. A plain aggregate that calls {@code GROUPING(...)} gets the
 * constant 0.
 */
public final class GroupingSetsRewriter {
    private GroupingSetsRewriter() {
    }

    /** {@code rel} with every grouping-sets aggregate expanded. */
    public static RelNode rewrite(RelNode rel, RelBuilder builder) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalAggregate aggregate) {
                RelNode input = aggregate.getInput().accept(this);
                if (aggregate.getGroupType() == Aggregate.Group.SIMPLE && !hasGroupingCalls(aggregate)) {
                    return input == aggregate.getInput() ? aggregate
                            : aggregate.copy(aggregate.getTraitSet(), List.of(input));
                }
                return expand(aggregate, input, builder);
            }
        });
    }

    private static boolean hasGroupingCalls(Aggregate aggregate) {
        return aggregate.getAggCallList().stream().anyMatch(GroupingSetsRewriter::isGroupingCall);
    }

    private static boolean isGroupingCall(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
    }

    private static RelNode expand(Aggregate aggregate, RelNode input, RelBuilder b) {
        RexBuilder rex = b.getRexBuilder();
        List<Integer> groupColumns = aggregate.getGroupSet().asList();
        List<RelDataType> outTypes = new ArrayList<>();
        aggregate.getRowType().getFieldList().forEach(f -> outTypes.add(f.getType()));
        List<AggregateCall> regular = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (!isGroupingCall(call)) {
                regular.add(call);
            }
        }
        List<ImmutableBitSet> sets = aggregate.getGroupSets();
        List<RelNode> branches = new ArrayList<>();
        for (ImmutableBitSet set : sets) {
            b.push(input);
            List<RelBuilder.AggCall> calls = new ArrayList<>();
            for (AggregateCall call : regular) {
                calls.add(b.aggregateCall(call));
            }
            RelNode grouped = b.aggregate(b.groupKey(set), calls).build();
            List<RexNode> projects = new ArrayList<>();
            List<Integer> setColumns = set.asList();
            for (int i = 0; i < groupColumns.size(); i++) {
                int position = setColumns.indexOf(groupColumns.get(i));
                projects.add(position < 0 ? rex.makeNullLiteral(outTypes.get(i))
                        : castTo(rex, rex.makeInputRef(grouped, position), outTypes.get(i)));
            }
            int next = setColumns.size();
            List<AggregateCall> all = aggregate.getAggCallList();
            for (int c = 0; c < all.size(); c++) {
                AggregateCall call = all.get(c);
                RelDataType type = outTypes.get(groupColumns.size() + c);
                if (call.getAggregation().getKind() == SqlKind.GROUP_ID) {
                    projects.add(rex.makeExactLiteral(java.math.BigDecimal.ZERO, type));
                } else if (isGroupingCall(call)) {
                    long bits = 0;
                    for (int arg : call.getArgList()) {
                        bits = (bits << 1) | (set.get(arg) ? 0 : 1);
                    }
                    projects.add(rex.makeExactLiteral(java.math.BigDecimal.valueOf(bits), type));
                } else {
                    projects.add(castTo(rex, rex.makeInputRef(grouped, next++), type));
                }
            }
            branches.add(org.apache.calcite.rel.logical.LogicalProject.create(grouped, List.of(), projects,
                    aggregate.getRowType()));
        }
        return branches.size() == 1 ? branches.get(0)
                : org.apache.calcite.rel.logical.LogicalUnion.create(branches, true);
    }

    private static RexNode castTo(RexBuilder rex, RexNode value, RelDataType type) {
        return value.getType().equals(type) ? value : rex.makeCast(type, value, true, false);
    }
}
