package io.sluice.runtime.operator.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pattern automaton of one MATCH_RECOGNIZE, with Flink's semantics: strict contiguity (every row of a match
 * follows the previous one directly), a new computation starting at every row, greedy elements that move on to
 * the next element only when their own condition rejects the row, reluctant elements that explore both, a match
 * completing as soon as the final state is reachable after the row was taken, matches of one row emitted in order
 * of their first row, and the after-match-skip strategy pruning what overlaps a match. With {@code within > 0}, a
 * computation whose first row lies {@code within} or more before the current time is dropped.
 *
 * <p>Stateless: the computations of a partition are passed in and returned, so that the caller owns (and
 * checkpoints) them. Rows are addressed by their id, consecutive per partition in processing order.
 */
public final class Nfa {
    private final PatternElement[] pattern;
    private final AfterMatchSkip skip;
    private final long within;
    private final Condition condition;

    /** A DEFINE condition: whether the last row of {@code view} may be mapped to {@code element}. */
    public interface Condition {
        boolean test(int element, MatchView view);
    }

    /** The rows of one partition by id. */
    public interface Rows {
        Object[] row(long id);
    }

    /** What one row did: the computations that go on, and the matches it completed. */
    public record Step(List<Computation> computations, List<Computation> matches) {
    }

    public Nfa(List<PatternElement> pattern, AfterMatchSkip skip, long within, Condition condition) {
        this.pattern = pattern.toArray(new PatternElement[0]);
        this.skip = skip;
        this.within = within;
        this.condition = condition;
    }

    public PatternElement element(int i) {
        return pattern[i];
    }

    public int size() {
        return pattern.length;
    }

    /** Drops the computations that can no longer complete within the time bound at time {@code time}. */
    public List<Computation> advanceTime(List<Computation> computations, long time) {
        if (within <= 0) {
            return computations;
        }
        List<Computation> kept = new ArrayList<>(computations.size());
        for (Computation c : computations) {
            if (time - c.startTime() < within) {
                kept.add(c);
            }
        }
        return kept;
    }

    /**
     * Feeds row {@code rowId} (time {@code time}) to {@code computations} plus a new one starting at it. The
     * matches it completes are returned separately; they are emitted by {@link #release}.
     */
    public Step process(List<Computation> computations, Rows rows, long rowId, long time) {
        List<Computation> next = new ArrayList<>();
        List<Computation> matches = new ArrayList<>();
        List<Computation> all = new ArrayList<>(advanceTime(computations, time));
        all.add(Computation.start(rowId, time));
        for (Computation c : all) {
            List<Computation> produced = new ArrayList<>();
            explore(c, c.position(), c.taken(), rows, produced);
            for (Computation n : produced) {
                next.add(n);
                if (reachesFinal(n, n.position(), n.taken(), rows)) {
                    matches.add(n);
                }
            }
        }
        return new Step(next, matches);
    }

    /**
     * Emits completed matches in order of their first row: a match waits while a partial match that started
     * earlier may still complete (unless {@code all}); each emitted match prunes the partial and the completed
     * matches its after-match-skip strategy excludes. Both lists are updated in place; returns the emitted
     * matches in order.
     */
    public List<Computation> release(List<Computation> partial, List<Computation> completed, boolean all) {
        List<Computation> emitted = new ArrayList<>();
        completed.sort(Comparator.comparingLong(Computation::startId));
        while (!completed.isEmpty()) {
            Computation m = completed.get(0);
            if (!all) {
                boolean earlierPartial = false;
                for (Computation p : partial) {
                    if (p.startId() < m.startId()) {
                        earlierPartial = true;
                        break;
                    }
                }
                if (earlierPartial) {
                    break;
                }
            }
            completed.remove(0);
            emitted.add(m);
            long pruneBelow = pruneBound(m);
            partial.removeIf(c -> c.startId() < pruneBelow);
            completed.removeIf(c -> c.startId() < pruneBelow);
        }
        return emitted;
    }

    /** Computations starting before the returned row id are dropped after match {@code m}. */
    private long pruneBound(Computation m) {
        switch (skip.kind()) {
            case PAST_LAST_ROW:
                return m.endId() + 1;
            case TO_NEXT_ROW:
                return m.startId() + 1;
            default: {
                int target = skip.element();
                long id = -1;
                int[] elements = m.elements();
                for (int i = 0; i < elements.length; i++) {
                    if (elements[i] == target) {
                        id = m.startId() + i;
                        if (skip.kind() == AfterMatchSkip.Kind.TO_FIRST) {
                            break;
                        }
                    }
                }
                String name = pattern[target].variable();
                if (id < 0) {
                    throw new IllegalStateException("Could not skip to " + name
                            + ": no row of the match is mapped to it (AFTER MATCH SKIP TO "
                            + (skip.kind() == AfterMatchSkip.Kind.TO_FIRST ? "FIRST " : "LAST ") + name + ")");
                }
                if (id == m.startId()) {
                    throw new IllegalStateException("Could not skip to the first row of a match: AFTER MATCH SKIP TO "
                            + (skip.kind() == AfterMatchSkip.Kind.TO_FIRST ? "FIRST " : "LAST ") + name
                            + " would start the next match where this one started (an endless loop)");
                }
                return id;
            }
        }
    }

    /** Adds to {@code out} every way computation {@code c}, standing at (position, taken), can take the next row. */
    private void explore(Computation c, int position, int taken, Nfa.Rows rows, List<Computation> out) {
        if (position >= pattern.length) {
            return;
        }
        PatternElement e = pattern[position];
        boolean take = e.canTake(taken) && condition.test(position, new View(rows, c, position, 0, pattern));
        boolean proceed = taken >= e.min() && !(e.greedy() && take);
        if (e.greedy()) {
            if (take) {
                out.add(c.take(position, taken + 1));
            }
            if (proceed) {
                explore(c, position + 1, 0, rows, out);
            }
        } else {
            if (proceed) {
                explore(c, position + 1, 0, rows, out);
            }
            if (take) {
                out.add(c.take(position, taken + 1));
            }
        }
    }

    /**
     * Whether {@code c}, which just took its last row and stands at (position, taken), reaches the final state
     * without another row: every remaining element is satisfied, and a greedy one only moves on when its own
     * condition rejects the current row.
     */
    private boolean reachesFinal(Computation c, int position, int taken, Nfa.Rows rows) {
        for (int p = position; p < pattern.length; p++) {
            PatternElement e = pattern[p];
            int t = p == position ? taken : 0;
            if (t < e.min()) {
                return false;
            }
            if (e.greedy() && e.canTake(t)) {
                if (p == c.position()) {
                    return false; // it just took the row, so its condition accepts it
                }
                if (condition.test(p, new View(rows, c, p, 1, pattern))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A view of a computation's rows; {@code current >= 0} maps one more row (the current one) to it. */
    static final class View implements MatchView {
        private final Nfa.Rows rows;
        private final Computation c;
        private final int current;
        private final int mapped;
        private final long currentId;
        private final PatternElement[] names;

        /** The rows of {@code c} minus its last {@code dropLast}, plus the next row mapped to {@code current}. */
        View(Nfa.Rows rows, Computation c, int current, int dropLast, PatternElement[] names) {
            this.rows = rows;
            this.c = c;
            this.current = current;
            this.mapped = c.length() - dropLast;
            this.currentId = c.startId() + mapped;
            this.names = names;
        }

        /** The final view of a completed match. */
        static View of(Nfa.Rows rows, Computation c, PatternElement[] names) {
            return new View(rows, c, -1, 0, names);
        }

        @Override
        public int size() {
            return mapped + (current >= 0 ? 1 : 0);
        }

        @Override
        public Object[] row(int i) {
            return rows.row(i < mapped ? c.startId() + i : currentId);
        }

        @Override
        public int element(int i) {
            return i < mapped ? c.elements()[i] : current;
        }

        @Override
        public String variable(int element) {
            return names[element].variable();
        }
    }

    /** The final view of completed match {@code m}. */
    public MatchView view(Rows rows, Computation m) {
        return View.of(rows, m, pattern);
    }
}
