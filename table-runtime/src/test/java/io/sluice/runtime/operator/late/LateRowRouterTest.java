package io.sluice.runtime.operator.late;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.aggregate.AggregateKind;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.operator.window.WindowAggregateOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An operator given a late-rows side output hands its late rows there (still counting them as dropped, and as
 * routed), as JSON objects of its input row with the watermark and the time it judged them by; without one, nothing
 * changes. {@link io.sluice.runtime.operator.LabelingOperator} labels them with the operator's name.
 */
class LateRowRouterTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static LocalDateTime t(int second) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, second);
    }

    private static long millis(int second) {
        return VectorValues.toEpochMillis(t(second));
    }

    @Test
    void aWindowAggregateHandsItsLateRowsToTheSideOutput() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3),
                "v", LogicalType.decimal(10, 2));
        RowType out = rowType("k", LogicalType.string(), "ws", LogicalType.timestamp(3), "we", LogicalType.timestamp(3),
                "c", LogicalType.bigint().notNull());
        AggregateSpec count = new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1,
                LogicalType.bigint().notNull(), "c");
        CollectingOutput output = new CollectingOutput();
        CollectingOutput late = new CollectingOutput();
        OperatorMetrics metrics = OperatorMetrics.detached("w");
        long before = System.currentTimeMillis();
        try (WindowAggregateOperator op = new WindowAggregateOperator(in, new int[] {0, 1, 2}, List.of(count), out, 2)) {
            OperatorContext base = TestBatches.context(allocator, 1024);
            op.open(new OperatorContext("w", base.allocator(), base.config(), metrics)
                    .withSideOutputs(tag -> tag.equals(LateRows.SIDE_OUTPUT) ? late : null), output);
            op.processBatch(0, batch(allocator, in, row("a", t(0), t(5), new java.math.BigDecimal("1.50"))));
            op.processWatermark(0, millis(6), output);
            op.processBatch(0, batch(allocator, in, row("a\"b", t(0), t(5), null), row("b", t(5), t(10), null)));
            op.endInput(0);
        }
        assertEquals(List.of(list("a", t(0), t(5), 1L), list("b", t(5), t(10), 1L)), output.rows);
        assertEquals(1, metrics.numLateRecordsDropped());
        assertEquals(1, metrics.numLateRecordsRouted());
        assertEquals(LateRows.SIDE_OUTPUT_TYPE, late.lastType);
        assertEquals(1, late.rows.size());
        List<Object> row = late.rows.get(0);
        assertEquals(Instant.ofEpochMilli(millis(6)), row.get(0));
        assertEquals(Instant.ofEpochMilli(millis(5) - 1), row.get(1));
        long arrived = ((Instant) row.get(2)).toEpochMilli();
        assertEquals(true, arrived >= before && arrived <= System.currentTimeMillis(), "arrived_at " + arrived);
        assertEquals("{\"k\":\"a\\\"b\",\"ws\":\"2024-01-01 00:00:00.000\",\"we\":\"2024-01-01 00:00:05.000\","
                + "\"v\":null}", row.get(3));
    }

    @Test
    void aWindowJoinHandsTheLateRowsOfEachInputToTheSideOutput() throws Exception {
        RowType left = rowType("k", LogicalType.string(), "v", LogicalType.integer(), "we", LogicalType.timestamp(3));
        RowType right = rowType("rk", LogicalType.string(), "w", LogicalType.integer(), "rwe",
                LogicalType.timestamp(3));
        List<LogicalType> types = new java.util.ArrayList<>();
        for (LogicalType t : left.types()) {
            types.add(t.copy(true));
        }
        for (LogicalType t : right.types()) {
            types.add(t.copy(true));
        }
        RowType out = new RowType(List.of("k", "v", "we", "rk", "w", "rwe"), types);
        CollectingOutput output = new CollectingOutput();
        CollectingOutput late = new CollectingOutput();
        OperatorMetrics metrics = OperatorMetrics.detached("j");
        try (io.sluice.runtime.operator.window.WindowJoinOperator op = new io.sluice.runtime.operator.window
                .WindowJoinOperator(io.sluice.runtime.operator.join.JoinType.INNER, left, right, new int[] {0},
                new int[] {0}, new boolean[] {false}, 2, 2, null, out)) {
            OperatorContext base = TestBatches.context(allocator, 1024);
            op.open(new OperatorContext("j", base.allocator(), base.config(), metrics)
                    .withSideOutputs(tag -> tag.equals(LateRows.SIDE_OUTPUT) ? late : null), output);
            op.processBatch(0, batch(allocator, left, row("a", 1, t(5))));
            op.processBatch(1, batch(allocator, right, row("a", 10, t(5))));
            op.processWatermark(1, millis(5) - 1, output);
            op.processBatch(0, batch(allocator, left, row("a", 2, t(5)), row("a", 3, t(10))));
            op.processBatch(1, batch(allocator, right, row("a", 20, t(5))));
            op.endInput(0);
            op.endInput(1);
        }
        assertEquals(List.of(list("a", 1, t(5), "a", 10, t(5))), output.rows);
        assertEquals(2, metrics.numLateRecordsDropped());
        assertEquals(2, metrics.numLateRecordsRouted());
        assertEquals(2, late.rows.size());
        assertEquals("{\"k\":\"a\",\"v\":2,\"we\":\"2024-01-01 00:00:05.000\"}", late.rows.get(0).get(3));
        assertEquals("{\"rk\":\"a\",\"w\":20,\"rwe\":\"2024-01-01 00:00:05.000\"}", late.rows.get(1).get(3));
    }

    @Test
    void withoutASideOutputLateRowsAreOnlyCounted() throws Exception {
        OperatorContext base = TestBatches.context(allocator, 1024);
        assertNull(LateRowRouter.open(base));
    }

    @Test
    void theLabelOperatorPutsTheOperatorNameFirst() throws Exception {
        CollectingOutput labelled = new CollectingOutput();
        try (io.sluice.runtime.operator.LabelingOperator op = new io.sluice.runtime.operator.LabelingOperator(
                "WindowAggregate(select=[c])", LateRows.TABLE_TYPE)) {
            op.open(TestBatches.context(allocator, 1024), labelled);
            op.processBatch(0, batch(allocator, LateRows.SIDE_OUTPUT_TYPE,
                    row(Instant.ofEpochMilli(6000), null, Instant.ofEpochMilli(7000), "{}"),
                    row(null, Instant.ofEpochMilli(1000), Instant.ofEpochMilli(8000), "{\"x\":1}")));
            op.endInput(0);
        }
        assertEquals(LateRows.TABLE_TYPE, labelled.lastType);
        assertEquals(List.of(
                list("WindowAggregate(select=[c])", Instant.ofEpochMilli(6000), null, Instant.ofEpochMilli(7000), "{}"),
                list("WindowAggregate(select=[c])", null, Instant.ofEpochMilli(1000), Instant.ofEpochMilli(8000),
                        "{\"x\":1}")), labelled.rows);
    }
}
