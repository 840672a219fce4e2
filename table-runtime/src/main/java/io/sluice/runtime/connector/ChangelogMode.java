package io.sluice.runtime.connector;

import io.sluice.types.RowKind;
import java.util.EnumSet;
import java.util.Set;

/** The set of row kinds a changelog contains. */
public final class ChangelogMode {
    private static final ChangelogMode INSERT_ONLY = new ChangelogMode(EnumSet.of(RowKind.INSERT));
    private static final ChangelogMode ALL = new ChangelogMode(EnumSet.allOf(RowKind.class));
    private static final ChangelogMode UPSERT =
            new ChangelogMode(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE));

    private final Set<RowKind> kinds;

    private ChangelogMode(Set<RowKind> kinds) {
        this.kinds = kinds;
    }

    public static ChangelogMode insertOnly() {
        return INSERT_ONLY;
    }

    public static ChangelogMode all() {
        return ALL;
    }

    public static ChangelogMode upsert() {
        return UPSERT;
    }

    /** The mode containing exactly the given kinds. */
    public static ChangelogMode of(RowKind first, RowKind... rest) {
        return new ChangelogMode(EnumSet.of(first, rest));
    }

    /** The kinds of both modes. */
    public ChangelogMode union(ChangelogMode other) {
        EnumSet<RowKind> all = EnumSet.copyOf(kinds);
        all.addAll(other.kinds);
        return new ChangelogMode(all);
    }

    /** True when the mode has UPDATE_BEFORE, UPDATE_AFTER or DELETE rows. */
    /** This mode without {@code kind}. */
    public ChangelogMode without(RowKind kind) {
        java.util.EnumSet<RowKind> rest = java.util.EnumSet.noneOf(RowKind.class);
        rest.addAll(kinds);
        rest.remove(kind);
        return new ChangelogMode(rest);
    }

    public boolean hasUpdates() {
        return !isInsertOnly();
    }

    public boolean contains(RowKind kind) {
        return kinds.contains(kind);
    }

    public boolean containsOnly(RowKind kind) {
        return kinds.size() == 1 && kinds.contains(kind);
    }

    public boolean isInsertOnly() {
        return containsOnly(RowKind.INSERT);
    }

    /** Flink's short form, e.g. {@code [I,UB,UA,D]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (RowKind k : kinds) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(k == RowKind.INSERT ? "I" : k == RowKind.UPDATE_BEFORE ? "UB" : k == RowKind.UPDATE_AFTER ? "UA" : "D");
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangelogMode && kinds.equals(((ChangelogMode) o).kinds);
    }

    @Override
    public int hashCode() {
        return kinds.hashCode();
    }
}
