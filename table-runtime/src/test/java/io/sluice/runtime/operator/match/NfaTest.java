package io.sluice.runtime.operator.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The pattern automaton alone: rows are prices, conditions are lambdas over the match view. */
class NfaTest {

    /** The price of the row being tested (the last of the view). */
    private static long current(MatchView v) {
        return (Long) v.row(v.size() - 1)[0];
    }

    /** The sum of the prices mapped to {@code element} (the current row included). */
    private static long sum(MatchView v, int element) {
        long s = 0;
        for (int i = 0; i < v.size(); i++) {
            if (v.element(i) == element) {
                s += (Long) v.row(i)[0];
            }
        }
        return s;
    }

    private static PatternElement one(String name) {
        return new PatternElement(name, 1, 1, true);
    }

    /**
     * Runs the rows (price i at time i * step) through the automaton, the matches rendered as
     * "firstRow-lastRow:VARS" (row numbers from 0, one letter per mapped row).
     */
    private static List<String> run(List<PatternElement> pattern, AfterMatchSkip skip, long within, long step,
            Nfa.Condition condition, long... prices) {
        Nfa nfa = new Nfa(pattern, skip, within, condition);
        List<Object[]> rows = new ArrayList<>();
        List<Computation> partial = new ArrayList<>();
        List<Computation> completed = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            rows.add(new Object[] {prices[i]});
            Nfa.Step s = nfa.process(partial, id -> rows.get((int) id), i, i * step);
            partial = s.computations();
            completed.addAll(s.matches());
            render(nfa, nfa.release(partial, completed, false), out);
        }
        render(nfa, nfa.release(new ArrayList<>(), completed, true), out);
        return out;
    }

    private static void render(Nfa nfa, List<Computation> matches, List<String> out) {
        for (Computation m : matches) {
            StringBuilder sb = new StringBuilder().append(m.startId()).append('-').append(m.endId()).append(':');
            for (int e : m.elements()) {
                sb.append(nfa.element(e).variable());
            }
            out.add(sb.toString());
        }
    }

    private static Nfa.Condition conditions(List<Predicate<MatchView>> perElement) {
        return (element, view) -> perElement.get(element) == null || perElement.get(element).test(view);
    }

    @Test
    void greedyTakesAsManyRowsAsItsConditionAccepts() {
        // Flink's documentation: A > 10, B < 15, C > 12 over 10, 11, 12, 13, 14, 16.
        Nfa.Condition c = conditions(List.of(v -> current(v) > 10, v -> current(v) < 15, v -> current(v) > 12));
        List<PatternElement> greedy = List.of(one("A"), new PatternElement("B", 0, -1, true), one("C"));
        assertEquals(List.of("1-5:ABBBC"), run(greedy, AfterMatchSkip.pastLastRow(), 0, 1, c, 10, 11, 12, 13, 14, 16));
        List<PatternElement> reluctant = List.of(one("A"), new PatternElement("B", 0, -1, false), one("C"));
        assertEquals(List.of("1-3:ABC", "4-5:AC"),
                run(reluctant, AfterMatchSkip.pastLastRow(), 0, 1, c, 10, 11, 12, 13, 14, 16));
    }

    private static final long[] SKIP_PRICES = {7, 9, 10, 5, 10, 7, 14};

    private static List<String> skipRun(AfterMatchSkip skip) {
        // PATTERN (A+ C) DEFINE A AS SUM(A.price) < 30
        List<PatternElement> p = List.of(new PatternElement("A", 1, -1, true), one("C"));
        List<Predicate<MatchView>> conditions = new ArrayList<>();
        conditions.add(v -> sum(v, 0) < 30);
        conditions.add(null);
        return run(p, skip, 0, 1, conditions(conditions), SKIP_PRICES);
    }

    @Test
    void afterMatchSkipStrategies() {
        assertEquals(List.of("0-3:AAAC", "4-6:AAC"), skipRun(AfterMatchSkip.pastLastRow()));
        assertEquals(List.of("0-3:AAAC", "1-4:AAAC", "2-5:AAAC", "3-6:AAAC", "4-6:AAC"),
                skipRun(AfterMatchSkip.toNextRow()));
        assertEquals(List.of("0-3:AAAC", "2-5:AAAC", "4-6:AAC"),
                skipRun(new AfterMatchSkip(AfterMatchSkip.Kind.TO_LAST, 0)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> skipRun(new AfterMatchSkip(AfterMatchSkip.Kind.TO_FIRST, 0)));
        assertTrue(e.getMessage().contains("Could not skip to the first row of a match"), e.getMessage());
    }

    @Test
    void skipToAVariableWithoutRowsFails() {
        // PATTERN (A B*? C): B may be empty, so SKIP TO FIRST B finds no row.
        List<PatternElement> p = List.of(one("A"), new PatternElement("B", 0, -1, false), one("C"));
        Nfa.Condition c = conditions(List.of(v -> true, v -> current(v) < 5, v -> current(v) > 5));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(p, new AfterMatchSkip(AfterMatchSkip.Kind.TO_FIRST, 1), 0, 1, c, 1, 9));
        assertTrue(e.getMessage().contains("no row of the match is mapped to it"), e.getMessage());
    }

    @Test
    void aLaterMatchWaitsForAnEarlierPartialMatch() {
        // PATTERN (A+ B) DEFINE A AS AVG(A.price) < 15 (Flink's aggregation example): the match starting at row 7
        // completes first but waits; the one starting at row 5 then excludes it.
        Nfa.Condition c = (element, v) -> {
            if (element != 0) {
                return true;
            }
            long n = 0;
            for (int i = 0; i < v.size(); i++) {
                n += v.element(i) == 0 ? 1 : 0;
            }
            return sum(v, 0) * 2 < 30 * n;
        };
        List<PatternElement> p = List.of(new PatternElement("A", 1, -1, true), one("B"));
        assertEquals(List.of("0-4:AAAAB", "5-11:AAAAAAB"),
                run(p, AfterMatchSkip.pastLastRow(), 0, 1, c, 12, 17, 13, 16, 25, 2, 4, 10, 15, 25, 25, 30));
    }

    @Test
    void boundedQuantifiers() {
        Nfa.Condition big = conditions(List.of(v -> true, v -> current(v) > 15));
        // S A{2,4}?: reluctant, completes at the second A.
        List<PatternElement> reluctant = List.of(one("S"), new PatternElement("A", 2, 4, false));
        assertEquals(List.of("0-2:SAA", "3-5:SAA"),
                run(reluctant, AfterMatchSkip.pastLastRow(), 0, 1, big, 1, 20, 30, 2, 40, 50, 60));
        // A{3} S: exactly three.
        Nfa.Condition first = conditions(List.of(v -> current(v) > 15, v -> true));
        List<PatternElement> exact = List.of(new PatternElement("A", 3, 3, true), one("S"));
        assertEquals(List.of("1-4:AAAS"), run(exact, AfterMatchSkip.pastLastRow(), 0, 1, first, 1, 20, 30, 40, 50, 1));
        // A{2,} B: at least two, greedy.
        Nfa.Condition ab = conditions(List.of(v -> current(v) > 15, v -> current(v) < 15));
        List<PatternElement> atLeast = List.of(new PatternElement("A", 2, -1, true), one("B"));
        assertEquals(List.of("0-4:AAAAB"), run(atLeast, AfterMatchSkip.pastLastRow(), 0, 1, ab, 20, 30, 40, 50, 1));
        assertEquals(List.of(), run(atLeast, AfterMatchSkip.pastLastRow(), 0, 1, ab, 1, 20, 1));
        // A? B (optional, explores both as in Flink): the match with the earlier start wins.
        List<PatternElement> optional = List.of(new PatternElement("A", 0, 1, false), one("B"));
        assertEquals(List.of("0-1:AB", "2-2:B"), run(optional, AfterMatchSkip.pastLastRow(), 0, 1, ab, 20, 1, 2));
    }

    @Test
    void withinDropsPartialMatchesThatReachTheBound() {
        // A B+? C over rows 10 s apart: A at 0 s, C at 30 s is a match with WITHIN 31 s, not with WITHIN 30 s.
        Nfa.Condition c = conditions(List.of(v -> current(v) == 1, v -> true, v -> current(v) == 9));
        List<PatternElement> p = List.of(one("A"), new PatternElement("B", 1, -1, false), one("C"));
        assertEquals(List.of("0-3:ABBC"), run(p, AfterMatchSkip.pastLastRow(), 31_000, 10_000, c, 1, 5, 5, 9));
        assertEquals(List.of(), run(p, AfterMatchSkip.pastLastRow(), 30_000, 10_000, c, 1, 5, 5, 9));
    }

    @Test
    void advanceTimeDropsOnlyExpiredComputations() {
        Nfa nfa = new Nfa(List.of(one("A"), one("B")), AfterMatchSkip.pastLastRow(), 100, (e, v) -> true);
        List<Computation> cs = List.of(Computation.start(0, 0).take(0, 1), Computation.start(1, 50).take(0, 1));
        assertEquals(1, nfa.advanceTime(cs, 120).size());
        assertEquals(0, nfa.advanceTime(cs, 150).size());
    }
}
