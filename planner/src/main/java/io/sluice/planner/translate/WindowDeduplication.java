package io.sluice.planner.translate;

import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.operator.window.WindowDeduplicateOperator;
import io.sluice.runtime.operator.window.WindowSpec;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;

/**
 * Recognizes Flink's window deduplication among window Top-N queries: {@code ROW_NUMBER() OVER (PARTITION BY
 * window_start, window_end [, keys] ORDER BY rowtime ASC|DESC)} filtered to rank 1 keeps the first or last row
 * of each window and key. It runs as a {@link WindowDeduplicateOperator} (one kept row per window and key,
 * instead of the window Top-N operator's buffer of every row) and is named {@code WindowDeduplicate} in plans.
 *
 * @param name the plan node's EXPLAIN text, as Flink prints it
 * @param keyFields the partition columns other than the window columns
 * @param timeField the rowtime column ordered by
 * @param keepLast whether the order is descending (the last row is kept)
 * @param windowEndField the {@code window_end} column
 */
public record WindowDeduplication(String name, int[] keyFields, int timeField, boolean keepLast, int windowEndField) {

    /**
     * The window deduplication a window Top-N over {@code input} amounts to; null when it is not one (a rank
     * range other than 1..1, an order other than one rowtime attribute, a SESSION window).
     */
    public static WindowDeduplication of(RelNode input, int[] partition, SortKey[] order, long rankStart,
            long rankEnd) {
        if (rankStart != 1 || rankEnd != 1 || order.length != 1
                || !TimeAttributes.isRowtime(input, order[0].field())) {
            return null;
        }
        RowType type = JobGraphGenerator.rowType(input);
        int start = -1;
        int end = -1;
        WindowJoinTranslator.Traced window = null;
        List<Integer> keys = new ArrayList<>();
        for (int p : partition) {
            WindowJoinTranslator.Traced t = WindowJoinTranslator.trace(input, p);
            if (t != null && t.kind() == WindowColumns.Kind.START) {
                start = p;
                window = t;
            } else if (t != null && t.kind() == WindowColumns.Kind.END) {
                end = p;
            } else {
                keys.add(p);
            }
        }
        if (start < 0 || end < 0 || WindowColumns.isSession((RexCall) window.scan().getCall())) {
            return null;
        }
        WindowSpec spec = WindowColumns.spec((RexCall) window.scan().getCall());
        boolean keepLast = !order[0].ascending();
        String name = "WindowDeduplicate(window=[" + WindowJoinTranslator.describe(spec, type, start, end)
                + "], keep=[" + (keepLast ? "LastRow" : "FirstRow") + "], partitionKeys=["
                + String.join(", ", keys.stream().map(type::name).toList()) + "], orderKey=["
                + type.name(order[0].field()) + "], order=[ROWTIME])";
        return new WindowDeduplication(name, keys.stream().mapToInt(Integer::intValue).toArray(), order[0].field(),
                keepLast, end);
    }

    /**
     * The deduplication of {@code in} (rows of {@code inputType}, hash-partitioned on {@code partition});
     * {@code outputType} is the input type plus a BIGINT rank column when {@code outputRankNumber}.
     */
    public Transformation transformation(Transformation in, RowType inputType, int[] partition,
            boolean outputRankNumber, RowType outputType) {
        int[] keys = keyFields;
        int time = timeField;
        boolean last = keepLast;
        int end = windowEndField;
        return new OperatorTransformation(name, List.of(in),
                () -> new WindowDeduplicateOperator(inputType, keys, time, last, outputRankNumber, end, outputType),
                outputType).withLateRowOutput().withInputPartitioning(0, InputPartitioning.hash(partition));
    }
}
