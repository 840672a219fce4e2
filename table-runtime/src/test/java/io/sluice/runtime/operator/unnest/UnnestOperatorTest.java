package io.sluice.runtime.operator.unnest;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batch;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.sort.OperatorTestSupport;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UNNEST of several collections: zipped by position, the shorter padded with NULLs, row kinds kept. */
class UnnestOperatorTest {
    private static final LogicalType INTS = LogicalType.array(LogicalType.integer());
    private static final LogicalType STRINGS = LogicalType.array(LogicalType.string());
    private static final LogicalType MAP = LogicalType.map(LogicalType.string(), LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();
    private final RowType input = rowType("id", LogicalType.integer(), "a", INTS, "b", STRINGS, "m", MAP);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private UnnestOperator zip(RowType output, boolean withOrdinality, boolean leftJoin, int... collections) {
        LogicalType[] types = Arrays.stream(collections).mapToObj(input::type).toArray(LogicalType[]::new);
        int[] widths = Arrays.stream(types).mapToInt(t -> t == MAP ? 2 : 1).toArray();
        return new UnnestOperator(output, new int[] {0}, collections, types, widths, withOrdinality, leftJoin);
    }

    private static Map<String, Integer> map(Object... keysAndValues) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void zipsByPositionPaddingTheShorterWithNullsAndNumbersThePositions() throws Exception {
        RowType output = rowType("id", LogicalType.integer(), "x", LogicalType.integer(), "y", LogicalType.string(),
                "o", LogicalType.integer());
        RowBatch in = batch(allocator, input,
                row(1, new Object[] {10, 20, 30}, new Object[] {"a"}, null),
                row(2, null, new Object[] {"b", null}, null),
                row(3, new Object[] {}, null, null));
        var out = OperatorTestSupport.run(zip(output, true, false, 1, 2), allocator, 100, List.of(in));
        assertEquals(List.of(List.of(1, 10, "a", 1), Arrays.asList(1, 20, null, 2), Arrays.asList(1, 30, null, 3),
                Arrays.asList(2, null, "b", 1), Arrays.asList(2, null, null, 2)), out.rows);
    }

    @Test
    void aLeftJoinKeepsARowWhoseCollectionsAreAllEmptyAndAMapGivesKeyAndValue() throws Exception {
        RowType output = rowType("id", LogicalType.integer(), "x", LogicalType.integer(), "k", LogicalType.string(),
                "v", LogicalType.integer());
        RowBatch in = batch(allocator, input,
                row(1, new Object[] {5}, null, map("p", 1, "q", 2)),
                row(2, new Object[] {}, null, null));
        var out = OperatorTestSupport.run(zip(output, false, true, 1, 3), allocator, 100, List.of(in));
        assertEquals(List.of(List.of(1, 5, "p", 1), Arrays.asList(1, null, "q", 2),
                Arrays.asList(2, null, null, null)), out.rows);
    }

    @Test
    void everyRowProducedForAnInputRowCarriesItsKind() throws Exception {
        RowType output = rowType("id", LogicalType.integer(), "x", LogicalType.integer(), "y", LogicalType.string());
        RowBatch in = batch(allocator, input,
                row(1, new Object[] {1, 2}, new Object[] {"a"}, null),
                row(1, new Object[] {1, 2, 3}, new Object[] {"a"}, null));
        TinyIntVector kinds = new TinyIntVector("kinds", allocator);
        kinds.allocateNew(2);
        kinds.set(0, RowKind.UPDATE_BEFORE.toByteValue());
        kinds.set(1, RowKind.UPDATE_AFTER.toByteValue());
        kinds.setValueCount(2);
        in.setRowKinds(kinds);
        var out = OperatorTestSupport.run(zip(output, false, false, 1, 2), allocator, 100, List.of(in));
        assertEquals(List.of("-U", "-U", "+U", "+U", "+U"), out.rowKinds);
    }

    @Test
    void anOutputTypeThatDoesNotFitTheCollectionsIsRejected() {
        RowType output = rowType("id", LogicalType.integer(), "x", LogicalType.integer());
        assertThrows(IllegalArgumentException.class, () -> zip(output, false, false, 1, 2));
    }
}
