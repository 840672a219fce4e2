package io.sluice.runtime.operator.rank;

import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static io.sluice.runtime.operator.rank.ChangelogCollector.changelog;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Applies the operator's changelog to a materialized table after every batch and compares it with the
 * Top-N computed from scratch over the rows alive so far (ties in arrival order).
 */
class RankOperatorRandomTest {
    private static final RowType TYPE = rowType("p", LogicalType.integer(), "name", LogicalType.string(),
            "score", LogicalType.integer());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @ParameterizedTest
    @CsvSource({"1,3,true,true", "1,3,false,true", "2,4,true,true", "2,4,false,true",
            "1,3,true,false", "1,3,false,false", "2,4,true,false", "2,4,false,false", "1,1,false,false"})
    void changelogMaterializesToTheTopN(long start, long end, boolean rankNumber, boolean insertOnly)
            throws Exception {
        Random random = new Random(start * 1000 + end * 10 + (rankNumber ? 1 : 0) + (insertOnly ? 2 : 0));
        List<String> names = new ArrayList<>(TYPE.names());
        List<LogicalType> types = new ArrayList<>(TYPE.types());
        if (rankNumber) {
            names.add("rn");
            types.add(LogicalType.bigint().notNull());
        }
        ChangelogCollector out = new ChangelogCollector();
        List<Object[]> alive = new ArrayList<>();
        Map<String, Integer> table = new TreeMap<>();
        try (RankOperator op = new RankOperator(TYPE, new int[] {0}, new SortKey[] {SortKey.desc(2)}, start, end,
                rankNumber, insertOnly, new RowType(names, types))) {
            op.open(TestBatches.context(allocator, 7), out);
            for (int b = 0; b < 60; b++) {
                int rows = 1 + random.nextInt(8);
                Object[][] input = new Object[rows][];
                for (int r = 0; r < rows; r++) {
                    if (!insertOnly && !alive.isEmpty() && random.nextInt(3) == 0) {
                        Object[] victim = alive.get(random.nextInt(alive.size()));
                        removeFirstEqual(alive, victim);
                        input[r] = row(random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE,
                                victim[0], victim[1], victim[2]);
                    } else {
                        Object[] v = row(random.nextInt(3), "n" + random.nextInt(4), random.nextInt(6));
                        alive.add(v);
                        input[r] = row(random.nextBoolean() || insertOnly ? RowKind.INSERT : RowKind.UPDATE_AFTER,
                                v[0], v[1], v[2]);
                    }
                }
                op.processBatch(0, changelog(allocator, TYPE, input));
                for (String s : out.take()) {
                    String content = s.substring(2);
                    int delta = s.startsWith("+") ? 1 : -1;
                    int count = table.getOrDefault(content, 0) + delta;
                    if (count < 0) {
                        throw new AssertionError("retracted a row not in the result: " + s);
                    }
                    if (count == 0) {
                        table.remove(content);
                    } else {
                        table.put(content, count);
                    }
                }
                assertEquals(expected(alive, start, end, rankNumber), table, "after batch " + b);
            }
        }
    }

    private static void removeFirstEqual(List<Object[]> alive, Object[] victim) {
        for (int i = 0; i < alive.size(); i++) {
            if (java.util.Arrays.equals(alive.get(i), victim)) {
                alive.remove(i);
                return;
            }
        }
    }

    private static Map<String, Integer> expected(List<Object[]> alive, long start, long end, boolean rankNumber) {
        Map<String, Integer> table = new TreeMap<>();
        for (int p = 0; p < 3; p++) {
            List<Object[]> part = new ArrayList<>();
            for (Object[] r : alive) {
                if ((Integer) r[0] == p) {
                    part.add(r);
                }
            }
            part.sort(Comparator.comparing((Object[] r) -> -(Integer) r[2])); // stable: arrival order on ties
            for (int k = (int) start; k <= Math.min(end, part.size()); k++) {
                Object[] r = part.get(k - 1);
                String s = "[" + r[0] + ", " + r[1] + ", " + r[2] + (rankNumber ? ", " + k : "") + "]";
                table.merge(s, 1, Integer::sum);
            }
        }
        return table;
    }
}
