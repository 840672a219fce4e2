package io.sluice.runtime.operator.aggregate;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.list;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checkpoint round trips of {@link HashAggregateOperator}: every accumulator and DISTINCT filter. */
class HashAggregateOperatorCheckpointTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static AggregateSpec agg(AggregateKind kind, LogicalType result, int... args) {
        return new AggregateSpec(kind, args, false, -1, result, kind.name().toLowerCase());
    }

    private static RowType outputType(RowType input, int[] groupFields, List<AggregateSpec> aggs) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int g : groupFields) {
            names.add(input.name(g));
            types.add(input.type(g));
        }
        for (int k = 0; k < aggs.size(); k++) {
            names.add("a" + k);
            types.add(aggs.get(k).resultType());
        }
        return new RowType(names, types);
    }

    private HashAggregateOperator open(RowType in, int[] groupFields, List<AggregateSpec> aggs, CollectingOutput out) {
        HashAggregateOperator op = new HashAggregateOperator(in, groupFields, aggs, outputType(in, groupFields, aggs));
        op.open(TestBatches.context(allocator, 4), out);
        return op;
    }

    /** Runs {@code first} then {@code second} uninterrupted, and again with a snapshot/restore between them. */
    private List<List<Object>> assertRoundTrip(RowType in, int[] groupFields, List<AggregateSpec> aggs,
            Object[][] first, Object[][] second) throws Exception {
        CollectingOutput uninterrupted = new CollectingOutput();
        try (HashAggregateOperator op = open(in, groupFields, aggs, uninterrupted)) {
            if (first.length > 0) {
                op.processBatch(0, batch(allocator, in, first));
            }
            op.processBatch(0, batch(allocator, in, second));
            op.endInput(0);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HashAggregateOperator op = open(in, groupFields, aggs, new CollectingOutput())) {
            if (first.length > 0) {
                op.processBatch(0, batch(allocator, in, first));
            }
            op.snapshotState(new StateWriter(bytes));
        }
        assertEquals(0, allocator.getAllocatedMemory(), "the snapshot holds no Arrow memory");
        CollectingOutput restored = new CollectingOutput();
        try (HashAggregateOperator op = open(in, groupFields, aggs, restored)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            op.processBatch(0, batch(allocator, in, second));
            op.endInput(0);
        }
        // exact order too: restored keys keep their group ids, and results come out in id order
        assertEquals(uninterrupted.rows, restored.rows);
        return uninterrupted.rows;
    }

    @Test
    void everyAccumulatorAndDistinctFilterContinueExactlyWhereTheStateWas() throws Exception {
        RowType in = rowType("k", LogicalType.string(), "i", LogicalType.integer(), "b", LogicalType.bigint(),
                "d", LogicalType.decimal(10, 2), "x", LogicalType.doubleType(), "s", LogicalType.string(),
                "flag", LogicalType.booleanType(), "f", LogicalType.booleanType());
        List<AggregateSpec> aggs = List.of(
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull()),
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull(), 1),
                agg(AggregateKind.SUM, LogicalType.integer(), 1),
                agg(AggregateKind.AVG, LogicalType.doubleType(), 4),
                agg(AggregateKind.SUM0, LogicalType.doubleType(), 4),
                agg(AggregateKind.MIN, LogicalType.bigint(), 2),
                agg(AggregateKind.MAX, LogicalType.bigint(), 2),
                agg(AggregateKind.MIN, LogicalType.doubleType(), 4),
                agg(AggregateKind.SUM, LogicalType.decimal(38, 2), 3),
                agg(AggregateKind.MAX, LogicalType.decimal(10, 2), 3),
                agg(AggregateKind.MIN, LogicalType.string(), 5),
                agg(AggregateKind.MAX, LogicalType.string(), 5),
                agg(AggregateKind.BOOL_AND, LogicalType.booleanType(), 6),
                agg(AggregateKind.BOOL_OR, LogicalType.booleanType(), 6),
                agg(AggregateKind.ANY_VALUE, LogicalType.string(), 5),
                new AggregateSpec(AggregateKind.COUNT, new int[] {1}, true, -1, LogicalType.bigint().notNull(), "cd"),
                new AggregateSpec(AggregateKind.COUNT, new int[] {5, 1}, true, 7, LogicalType.bigint().notNull(), "cdf"),
                new AggregateSpec(AggregateKind.SUM, new int[] {2}, false, 7, LogicalType.bigint(), "sf"));
        Object[][] first = {
            row("a", 1, 10L, new BigDecimal("1.10"), 1.5, "m", true, true),
            row("b", null, null, null, null, null, null, null),
            row("a", 1, -3L, new BigDecimal("2.00"), -0.5, "zz", false, true),
            row(null, 7, 4L, new BigDecimal("0.01"), 2.0, "q", true, false)};
        Object[][] second = {
            row("a", 1, 20L, new BigDecimal("0.90"), 9.0, "a", true, true),
            row("c", 2, 5L, new BigDecimal("3.00"), 3.0, "c", false, true),
            row("b", 6, 1L, new BigDecimal("1.00"), 1.0, "mm", true, true),
            row("a", 2, 0L, null, null, "m", null, true),
            row(null, 7, 4L, new BigDecimal("0.01"), 2.0, "q", true, true)};
        List<List<Object>> rows = assertRoundTrip(in, new int[] {0}, aggs, first, second);
        assertEquals(4, rows.size());
        assertEquals(list("a", 4L, 4L, 5, 10.0 / 3, 10.0, -3L, 20L, -0.5, new BigDecimal("4.00"),
                new BigDecimal("2.00"), "a", "zz", false, true, "m", 2L, 4L, 27L), rows.get(0));
    }

    @Test
    void integralKeysWithANullKeyKeepTheirGroupIds() throws Exception {
        RowType in = rowType("k", LogicalType.bigint(), "v", LogicalType.integer());
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.SUM, LogicalType.bigint(), 1),
                new AggregateSpec(AggregateKind.COUNT, new int[] {1}, true, -1, LogicalType.bigint().notNull(), "cd"));
        Random random = new Random(11);
        Object[][] first = new Object[500][];
        Object[][] second = new Object[500][];
        for (int r = 0; r < 500; r++) {
            first[r] = row(random.nextInt(20) == 0 ? null : (long) random.nextInt(300) - 150, random.nextInt(5));
            second[r] = row(random.nextInt(20) == 0 ? null : (long) random.nextInt(600) - 300, random.nextInt(5));
        }
        List<List<Object>> rows = assertRoundTrip(in, new int[] {0}, aggs, first, second);
        assertEquals(true, rows.size() > 300);
    }

    @Test
    void multiColumnKeysAndTheGlobalGroupRoundTrip() throws Exception {
        RowType in = rowType("k1", LogicalType.string(), "k2", LogicalType.integer(), "v", LogicalType.doubleType());
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.MAX, LogicalType.doubleType(), 2),
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull()));
        Object[][] first = {row("x", 1, 1.0), row("x", null, 2.0), row(null, 1, 3.0), row("x", 1, 0.5)};
        Object[][] second = {row("y", 1, 1.0), row("x", null, 7.0), row("x", 1, 4.0)};
        assertEquals(4, assertRoundTrip(in, new int[] {0, 1}, aggs, first, second).size());
        assertEquals(List.of(list(7.0, 7L)), assertRoundTrip(in, new int[0], aggs, first, second));
        // a snapshot taken before any input
        assertEquals(List.of(list(7.0, 3L)), assertRoundTrip(in, new int[0], aggs, new Object[0][], second));
        assertEquals(3, assertRoundTrip(in, new int[] {0, 1}, aggs, new Object[0][], second).size());
    }

    @Test
    void nullTypedKeysAndArgumentsRoundTrip() throws Exception {
        LogicalType nullType = LogicalType.of(io.sluice.runtime.types.TypeRoot.NULL);
        RowType in = rowType("n", nullType, "k", LogicalType.integer());
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.SUM0, LogicalType.integer(), 0),
                agg(AggregateKind.COUNT, LogicalType.bigint().notNull()));
        Object[][] first = {row(null, 1), row(null, 2), row(null, 1)};
        Object[][] second = {row(null, 3), row(null, 1)};
        assertEquals(List.of(list(null, 1, 0, 3L), list(null, 2, 0, 1L), list(null, 3, 0, 1L)),
                assertRoundTrip(in, new int[] {0, 1}, aggs, first, second));
    }

    @Test
    void singleValueKeepsItsStoredValuesAcrossARestore() throws Exception {
        RowType in = rowType("k", LogicalType.integer(), "s", LogicalType.string());
        List<AggregateSpec> aggs = List.of(agg(AggregateKind.SINGLE_VALUE, LogicalType.string(), 1));
        Object[][] first = {row(1, "one"), row(2, null), row(3, "three")};
        Object[][] second = {row(4, "four"), row(5, "five")};
        assertEquals(List.of(list(1, "one"), list(2, null), list(3, "three"), list(4, "four"), list(5, "five")),
                assertRoundTrip(in, new int[] {0}, aggs, first, second));
    }
}
