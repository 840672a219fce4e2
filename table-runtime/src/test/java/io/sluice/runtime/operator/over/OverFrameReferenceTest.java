package io.sluice.runtime.operator.over;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.batches;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.operator.sort.OperatorTestSupport;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Compares frame aggregates on random data against a reference that checks every row of the partition
 * against the frame's definition (quadratic, obviously correct).
 */
class OverFrameReferenceTest {
    private static final LogicalType INT = LogicalType.integer();
    private static final LogicalType BIGINT = LogicalType.bigint();
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void randomFramesMatchTheDefinition() throws Exception {
        Random random = new Random(7);
        RowType in = rowType("id", INT, "p", INT, "o", BIGINT, "v", INT);
        for (int round = 0; round < 60; round++) {
            int n = random.nextInt(40);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(row(i, random.nextInt(5) == 0 ? null : random.nextInt(3),
                        random.nextInt(6) == 0 ? null : (long) random.nextInt(12),
                        random.nextInt(5) == 0 ? null : random.nextInt(100) - 50));
            }
            boolean isRows = random.nextBoolean();
            SortKey key = new SortKey(2, random.nextBoolean(), random.nextBoolean());
            FrameBound[] bounds = randomBounds(random);
            OverGroupSpec g = new OverGroupSpec(new int[] {1}, new SortKey[] {key}, isRows, bounds[0], bounds[1],
                    List.of(new OverFunctionSpec(OverFunctionKind.COUNT, new int[] {3}, null, BIGINT),
                            new OverFunctionSpec(OverFunctionKind.SUM, new int[] {3}, null, BIGINT),
                            new OverFunctionSpec(OverFunctionKind.MIN, new int[] {3}, null, INT),
                            new OverFunctionSpec(OverFunctionKind.MAX, new int[] {3}, null, INT),
                            new OverFunctionSpec(OverFunctionKind.AVG, new int[] {3}, null, INT),
                            new OverFunctionSpec(OverFunctionKind.FIRST_VALUE, new int[] {3}, null, INT),
                            new OverFunctionSpec(OverFunctionKind.LAST_VALUE, new int[] {3}, null, INT),
                            new OverFunctionSpec(OverFunctionKind.COUNT, new int[0], null, BIGINT)));
            RowType outType = OverWindowOperatorTest.outputType(in, List.of(g));
            var out = OperatorTestSupport.run(new OverWindowOperator(in, List.of(g), outType), allocator, 7,
                    batches(allocator, in, rows, 5));
            Map<Object, List<Object>> expected = reference(rows, key, isRows, bounds);
            String context = (isRows ? "ROWS " : "RANGE ") + bounds[0] + " .. " + bounds[1] + " " + key;
            assertEquals(n, out.rows.size(), context);
            for (List<Object> r : out.rows) {
                assertEquals(expected.get(r.get(0)), r.subList(4, r.size()), context + " row " + r);
            }
        }
    }

    private static FrameBound[] randomBounds(Random random) {
        while (true) {
            FrameBound lower = randomBound(random);
            FrameBound upper = randomBound(random);
            if (lower.kind() != BoundKind.UNBOUNDED_FOLLOWING && upper.kind() != BoundKind.UNBOUNDED_PRECEDING
                    && rank(lower) <= rank(upper)) {
                return new FrameBound[] {lower, upper};
            }
        }
    }

    private static int rank(FrameBound b) {
        return b.kind().ordinal();
    }

    private static FrameBound randomBound(Random random) {
        BoundKind kind = BoundKind.values()[random.nextInt(5)];
        boolean offset = kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
        return new FrameBound(kind, offset ? (Object) (long) random.nextInt(4) : null);
    }

    /** Expected function results by id, computed from the frame's definition. */
    private static Map<Object, List<Object>> reference(List<Object[]> rows, SortKey key, boolean isRows,
            FrameBound[] b) {
        Comparator<Object[]> byOrder = (x, y) -> compareKey((Long) x[2], (Long) y[2], key);
        Comparator<Object[]> sort = Comparator.<Object[], Integer>comparing(r -> (Integer) r[1],
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(byOrder);
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(sort); // List.sort is stable
        Map<Object, List<Object>> result = new HashMap<>();
        for (int k = 0; k < sorted.size(); k++) {
            Object[] cur = sorted.get(k);
            List<Integer> frame = new ArrayList<>();
            for (int j = 0; j < sorted.size(); j++) {
                Object[] other = sorted.get(j);
                if (!java.util.Objects.equals(other[1], cur[1])) {
                    continue;
                }
                boolean in = isRows ? rowsOk(b[0], j, k, true) && rowsOk(b[1], j, k, false)
                        : rangeOk(b[0], other, cur, key, true, byOrder) && rangeOk(b[1], other, cur, key, false, byOrder);
                if (in && other[3] != null) {
                    frame.add((Integer) other[3]);
                }
            }
            int all = 0;
            for (int j = 0; j < sorted.size(); j++) {
                Object[] other = sorted.get(j);
                if (java.util.Objects.equals(other[1], cur[1]) && (isRows
                        ? rowsOk(b[0], j, k, true) && rowsOk(b[1], j, k, false)
                        : rangeOk(b[0], other, cur, key, true, byOrder)
                                && rangeOk(b[1], other, cur, key, false, byOrder))) {
                    all++;
                }
            }
            long sum = 0;
            for (int v : frame) {
                sum += v;
            }
            boolean empty = frame.isEmpty();
            result.put(cur[0], Arrays.asList((long) frame.size(), empty ? null : sum,
                    empty ? null : frame.stream().min(Integer::compare).get(),
                    empty ? null : frame.stream().max(Integer::compare).get(),
                    empty ? null : (int) (sum / frame.size()),
                    empty ? null : frame.get(0), empty ? null : frame.get(frame.size() - 1), (long) all));
        }
        return result;
    }

    private static int compareKey(Long x, Long y, SortKey key) {
        if (x == null || y == null) {
            if (x == null && y == null) {
                return 0;
            }
            return (x == null) == key.nullsFirst() ? -1 : 1;
        }
        return key.ascending() ? Long.compare(x, y) : Long.compare(y, x);
    }

    private static boolean rowsOk(FrameBound b, int j, int k, boolean lower) {
        long off = b.offset() == null ? 0 : (Long) b.offset();
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING:
            case UNBOUNDED_FOLLOWING:
                return true;
            case PRECEDING:
                return lower ? j >= k - off : j <= k - off;
            case FOLLOWING:
                return lower ? j >= k + off : j <= k + off;
            default:
                return lower ? j >= k : j <= k;
        }
    }

    /** Is row {@code other} on the inner side of bound {@code b} of the current row's RANGE frame? */
    private static boolean rangeOk(FrameBound b, Object[] other, Object[] cur, SortKey key, boolean lower,
            Comparator<Object[]> byOrder) {
        if (b.kind() == BoundKind.UNBOUNDED_PRECEDING || b.kind() == BoundKind.UNBOUNDED_FOLLOWING) {
            return true;
        }
        Long c = (Long) cur[2];
        Long o = (Long) other[2];
        if (b.kind() == BoundKind.CURRENT_ROW || c == null) {
            int cmp = byOrder.compare(other, cur);
            return lower ? cmp >= 0 : cmp <= 0;
        }
        if (o == null) {
            // NULL keys sit before every value (nulls first) or after (nulls last) in the ordering
            return lower ? !key.nullsFirst() : key.nullsFirst();
        }
        long off = (Long) b.offset();
        long shift = b.kind() == BoundKind.PRECEDING ? -off : off;
        // position of other relative to the shifted current key, in the direction of the ordering
        long s = key.ascending() ? 1 : -1;
        long rel = s * o - (s * c + shift);
        return lower ? rel >= 0 : rel <= 0;
    }
}
