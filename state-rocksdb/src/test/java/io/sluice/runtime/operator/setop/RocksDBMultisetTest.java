package io.sluice.runtime.operator.setop;

import static io.sluice.runtime.operator.KeyedOperatorTestSupport.SCALES;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.assertSameSteps;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.context;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.endAndClose;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.openInstances;
import static io.sluice.runtime.operator.KeyedOperatorTestSupport.snapshotAndRestore;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.operator.KeyedOperatorTestSupport.Collecting;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Opener;
import io.sluice.runtime.operator.OperatorSteps.Feeder;
import io.sluice.runtime.operator.OperatorSteps.Step;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streaming {@code INTERSECT ALL} and {@code EXCEPT ALL} over random changelogs (inserts, and retractions of rows
 * inserted before, NULLs): the changelog folds into the multiset the counts of both inputs give after every batch;
 * it is the same with the counts on the heap and in RocksDB; the state survives a checkpoint, also restored at
 * another parallelism.
 */
class RocksDBMultisetTest {
    private static final RowType T = rowType("k", LogicalType.integer(), "s", LogicalType.string());
    private static final int[] ALL = {0, 1};

    private final RootAllocator allocator = new RootAllocator();
    /** Rows are routed by the hash of every column. */
    private final Feeder feeder = new Feeder(allocator, T, T).routedBy(ALL, ALL);

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Inserts and retractions (of rows the input holds) of a few distinct rows on both inputs. */
    private static List<Step> randomSteps(Random r, int steps, int distinct) {
        List<Step> out = new ArrayList<>();
        List<List<Object[]>> held = List.of(new ArrayList<>(), new ArrayList<>());
        for (int s = 0; s < steps; s++) {
            int input = r.nextInt(2);
            int n = 1 + r.nextInt(6);
            Object[][] rows = new Object[n][];
            byte[] kinds = new byte[n];
            for (int i = 0; i < n; i++) {
                List<Object[]> mine = held.get(input);
                if (!mine.isEmpty() && r.nextInt(3) == 0) {
                    rows[i] = mine.remove(r.nextInt(mine.size()));
                    kinds[i] = (r.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE).toByteValue();
                } else {
                    int v = r.nextInt(distinct);
                    rows[i] = new Object[] {v % 5 == 4 ? null : v, v % 3 == 0 ? null : "s" + (v % 2)};
                    kinds[i] = (r.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER).toByteValue();
                    mine.add(rows[i]);
                }
            }
            out.add(Step.changelog(input, rows, kinds));
        }
        return out;
    }

    private StreamingMultisetOperator open(String backend, MultisetOperator.Kind kind, int subtask, int parallelism,
            Output out) {
        StreamingMultisetOperator op = new StreamingMultisetOperator(kind, T);
        op.open(context("multiset", allocator, backend, 4, subtask, parallelism), out);
        return op;
    }

    /** The rows of a changelog ({@code +I[..]} and {@code -D[..]} strings) folded into a sorted multiset. */
    private static List<String> fold(List<String> changelog) {
        List<String> table = new ArrayList<>();
        for (String row : changelog) {
            String values = row.substring(2);
            if (row.startsWith("+I")) {
                table.add(values);
            } else {
                assertTrue(row.startsWith("-D"), row);
                assertTrue(table.remove(values), "a retraction of a row not emitted: " + row);
            }
        }
        Collections.sort(table);
        return table;
    }

    /** The result multiset the counts of both inputs after {@code steps} give. */
    private static List<String> expected(MultisetOperator.Kind kind, List<Step> steps) {
        Map<String, long[]> counts = new HashMap<>();
        for (Step s : steps) {
            for (int i = 0; i < s.rows().length; i++) {
                boolean add = s.kinds()[i] == RowKind.INSERT.toByteValue()
                        || s.kinds()[i] == RowKind.UPDATE_AFTER.toByteValue();
                counts.computeIfAbsent(Arrays.toString(s.rows()[i]), k -> new long[2])[s.input()] += add ? 1 : -1;
            }
        }
        List<String> table = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long l = e.getValue()[0];
            long r = e.getValue()[1];
            long copies = kind == MultisetOperator.Kind.INTERSECT_ALL ? Math.min(l, r) : Math.max(l - r, 0);
            for (long c = 0; c < copies; c++) {
                table.add(e.getKey());
            }
        }
        Collections.sort(table);
        return table;
    }

    private List<List<String>> run(String backend, MultisetOperator.Kind kind, List<Step> steps) throws Exception {
        List<List<String>> perStep = new ArrayList<>();
        Collecting out = new Collecting();
        List<String> changelog = new ArrayList<>();
        try (StreamingMultisetOperator op = open(backend, kind, 0, 1, out)) {
            for (int s = 0; s < steps.size(); s++) {
                feeder.feed(op, steps.get(s), out);
                List<String> rows = out.drain();
                changelog.addAll(rows);
                perStep.add(rows);
                assertEquals(expected(kind, steps.subList(0, s + 1)), fold(changelog), backend + " step " + s);
            }
        }
        return perStep;
    }

    @Test
    void emitsTheChangesOfTheResultMultisetAlikeOnTheHeapAndInRocksDB() throws Exception {
        int seed = 0;
        for (MultisetOperator.Kind kind : MultisetOperator.Kind.values()) {
            for (int distinct : new int[] {4, 30}) {
                List<Step> steps = randomSteps(new Random(++seed), 150, distinct);
                String what = kind + " distinct=" + distinct;
                List<List<String>> heap = run("hashmap", kind, steps);
                assertTrue(heap.stream().mapToInt(List::size).sum() > 30, what);
                assertSameSteps(heap, run("rocksdb", kind, steps), what);
            }
        }
    }

    @Test
    void restoresAtAnotherParallelismWithEveryRowOnTheInstanceItIsRoutedTo() throws Exception {
        for (int[] scale : SCALES) {
            for (MultisetOperator.Kind kind : MultisetOperator.Kind.values()) {
                List<Step> steps = randomSteps(new Random(scale[0] * 7L + scale[1]), 160, 25);
                Collecting out = new Collecting();
                Opener<StreamingMultisetOperator> opener = (i, p) -> open("rocksdb", kind, i, p, out);
                List<StreamingMultisetOperator> before = openInstances(scale[0], opener);
                feeder.feedRouted(before, steps.subList(0, 80), out);
                List<StreamingMultisetOperator> after = snapshotAndRestore(before, scale[1], opener,
                        new int[][] {ALL, ALL});
                feeder.feedRouted(after, steps.subList(80, steps.size()), out);
                endAndClose(after, 2);
                String what = scale[0] + " -> " + scale[1] + " " + kind;
                List<String> expected = expected(kind, steps);
                assertTrue(expected.size() > 5, what + ": " + expected.size() + " rows");
                assertEquals(expected, fold(out.rows), what);
            }
        }
    }
}
