package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.translate.TimeAttributes;
import io.sluice.planner.translate.WindowColumns;
import io.sluice.planner.translate.WindowDeduplication;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.rank.DeduplicateOperator;
import io.sluice.runtime.operator.rank.RankOperator;
import io.sluice.runtime.operator.rank.RankType;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.operator.window.WindowRankOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Streaming Top-N: the rows ranked 1..N (by {@code ROW_NUMBER}, {@code RANK} or {@code DENSE_RANK}) per partition.
 * Which operator runs depends on the shape and on the input's row kinds:
 * <ul>
 *   <li>a window Top-N (partitioned by a window's start and end, ROW_NUMBER, insert-only input): one insert-only
 *       result per window when the watermark passes its end ({@link WindowRankOperator}, or a window
 *       deduplication for rank 1 ordered by the rowtime);</li>
 *   <li>rank 1 by a time attribute, rank not selected: a {@link DeduplicateOperator} (first or last row);</li>
 *   <li>otherwise a {@link RankOperator} that retracts rows leaving the top N.</li>
 * </ul>
 * A {@code ORDER BY ... LIMIT} on a stream is a global Top-N: always a {@link RankOperator} in a single instance.
 * Keeps the ranked rows of every partition (the window forms: of every open window).
 */
public final class StreamPhysicalRank extends SingleRel implements PhysicalRel {
    private final int[] partition;
    private final List<RelFieldCollation> order;
    private final RankType rankType;
    private final long start;
    private final long end;
    private final boolean rankSelected;
    private final boolean global;

    /**
     * @param rowType the input's columns, plus the rank number when {@code rankSelected}
     * @param global a stream's {@code ORDER BY ... LIMIT}: no partition, a single instance, always a RankOperator
     */
    StreamPhysicalRank(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType, int[] partition,
            List<RelFieldCollation> order, RankType rankType, long start, long end, boolean rankSelected,
            boolean global) {
        super(cluster, traits, input);
        this.rowType = rowType;
        this.partition = partition;
        this.order = List.copyOf(order);
        this.rankType = rankType;
        this.start = start;
        this.end = end;
        this.rankSelected = rankSelected;
        this.global = global;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalRank(getCluster(), traitSet, sole(inputs), rowType, partition, order, rankType, start,
                end, rankSelected, global);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    private enum Form { WINDOW, DEDUPLICATE, RANK }

    private Form form(boolean insertOnlyInput) {
        if (global) {
            return Form.RANK;
        }
        int windowEnd = -1;
        boolean windowStart = false;
        for (int p : partition) {
            WindowColumns.Kind k = WindowColumns.trace(getInput(), p);
            windowEnd = k == WindowColumns.Kind.END ? p : windowEnd;
            windowStart |= k == WindowColumns.Kind.START;
        }
        if (windowStart && windowEnd >= 0 && rankType == RankType.ROW_NUMBER && insertOnlyInput) {
            return Form.WINDOW;
        }
        if (rankType == RankType.ROW_NUMBER && start == 1 && end == 1 && !rankSelected
                && (rowtimeOrder() || proctimeOrder())) {
            return Form.DEDUPLICATE;
        }
        return Form.RANK;
    }

    private boolean rowtimeOrder() {
        return order.size() == 1 && TimeAttributes.isRowtime(getInput(), order.get(0).getFieldIndex());
    }

    private boolean proctimeOrder() {
        return order.size() == 1 && !rowtimeOrder()
                && TimeAttributes.isProctime(getInput(), order.get(0).getFieldIndex());
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        ChangelogMode in = inputModes.get(0);
        boolean insertOnly = in.isInsertOnly();
        ChangelogMode mode;
        switch (form(insertOnly)) {
            case WINDOW:
                mode = ChangelogMode.insertOnly();
                break;
            case DEDUPLICATE:
                boolean keepLast = order.get(0).getDirection().isDescending();
                mode = proctimeOrder() && !keepLast && insertOnly ? ChangelogMode.insertOnly()
                        : in.hasUpdates() ? ChangelogMode.all()
                        : ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
                break;
            default:
                mode = insertOnly && rankSelected && start == 1
                        ? ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER)
                        : !rankSelected && start == 1 && insertOnly ? ChangelogMode.of(RowKind.INSERT, RowKind.DELETE)
                        : ChangelogMode.all();
                break;
        }
        return mode.union(in);
    }

    @Override
    public boolean canDropUpdateBefore() {
        return true;
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return global ? InputPartitioning.single() : InputPartitioning.hash(partition);
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        Transformation in = inputs.get(0);
        boolean insertOnly = context.changelogMode(getInput()).isInsertOnly();
        RowType inputType = RelTypes.toRowType(getInput().getRowType());
        RowType outType = RelTypes.toRowType(rowType);
        SortKey[] keys = SortKeys.of(order);
        int[] partition = this.partition;
        long start = this.start;
        long end = this.end;
        boolean rankSelected = this.rankSelected;
        String partitionText = String.join(", ", Arrays.stream(partition).mapToObj(inputType::name).toList());
        String orderText = SortKeys.describe(order, inputType);
        switch (form(insertOnly)) {
            case WINDOW: {
                WindowDeduplication dedup = WindowDeduplication.of(getInput(), partition, keys, start, end);
                if (dedup != null) {
                    return dedup.transformation(in, inputType, partition, rankSelected, outType);
                }
                int endField = windowEndField();
                String name = ExplainText.of("WindowRank").attribute("rankType", "ROW_NUMBER")
                        .attribute("rankRange", "rankStart=" + start + ", rankEnd=" + end)
                        .attributeIf(partition.length > 0, "partitionBy", partitionText).attribute("orderBy", orderText)
                        .attribute("select", String.join(", ", outType.names())).toString();
                return new OperatorTransformation(name, List.of(in), () -> new WindowRankOperator(inputType, partition,
                        keys, start, end, rankSelected, endField, outType), outType).withLateRowOutput();
            }
            case DEDUPLICATE: {
                boolean keepLast = !keys[0].ascending();
                int rowtime = rowtimeOrder() ? keys[0].field() : -1;
                String name = ExplainText.of("Deduplicate").attribute("keep", keepLast ? "LastRow" : "FirstRow")
                        .attribute("key", partitionText).attribute("order", rowtime >= 0 ? "ROWTIME" : "PROCTIME")
                        .toString();
                return new OperatorTransformation(name, List.of(in),
                        () -> new DeduplicateOperator(inputType, partition, keepLast, rowtime, inputType), inputType)
                        .withUpdateBeforeOptional();
            }
            default: {
                RankType type = rankType;
                String name = ExplainText.of("Rank")
                        .attribute("strategy", insertOnly ? "AppendFastStrategy" : "RetractStrategy")
                        .attribute("rankType", type).attribute("rankRange", "rankStart=" + start + ", rankEnd=" + end)
                        .attributeIf(partition.length > 0, "partitionBy", partitionText).attribute("orderBy", orderText)
                        .attribute("select", String.join(", ", outType.names())).toString();
                return new OperatorTransformation(name, List.of(in), () -> new RankOperator(inputType, partition, keys,
                        type, start, end, rankSelected, insertOnly, outType), outType).withUpdateBeforeOptional();
            }
        }
    }

    private int windowEndField() {
        int windowEnd = -1;
        for (int p : partition) {
            windowEnd = WindowColumns.trace(getInput(), p) == WindowColumns.Kind.END ? p : windowEnd;
        }
        return windowEnd;
    }
}
