package io.sluice.table.connector;

import io.sluice.types.RowKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of rows a changelog contains, as Flink's {@code ChangelogMode}: insert-only, upsert (no update-before
 * rows; a key identifies the row an update or delete replaces) or all kinds (retractions).
 */
public final class ChangelogMode {
    private final Set<RowKind> kinds;
    private final boolean keyOnlyDeletes;

    private ChangelogMode(Set<RowKind> kinds, boolean keyOnlyDeletes) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("A changelog mode must contain at least one row kind.");
        }
        this.kinds = EnumSet.copyOf(kinds);
        this.keyOnlyDeletes = keyOnlyDeletes;
    }

    /** Only {@code +I} rows. */
    public static ChangelogMode insertOnly() {
        return new ChangelogMode(EnumSet.of(RowKind.INSERT), false);
    }

    /** {@code +I}, {@code +U} and {@code -D} rows, without {@code -U}. */
    public static ChangelogMode upsert() {
        return upsert(false);
    }

    /** {@link #upsert()}; with {@code keyOnlyDeletes} a delete row carries only its key. */
    public static ChangelogMode upsert(boolean keyOnlyDeletes) {
        return new ChangelogMode(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE), keyOnlyDeletes);
    }

    /** Every row kind. */
    public static ChangelogMode all() {
        return new ChangelogMode(EnumSet.allOf(RowKind.class), false);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public Set<RowKind> getContainedKinds() {
        return EnumSet.copyOf(kinds);
    }

    public boolean contains(RowKind kind) {
        return kinds.contains(kind);
    }

    public boolean containsOnly(RowKind kind) {
        return kinds.size() == 1 && kinds.contains(kind);
    }

    public boolean keyOnlyDeletes() {
        return keyOnlyDeletes;
    }

    /** The runtime's form of this mode. */
    public io.sluice.runtime.connector.ChangelogMode toRuntime() {
        RowKind[] rest = kinds.stream().skip(1).toArray(RowKind[]::new);
        return io.sluice.runtime.connector.ChangelogMode.of(kinds.iterator().next(), rest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangelogMode && ((ChangelogMode) o).kinds.equals(kinds)
                && ((ChangelogMode) o).keyOnlyDeletes == keyOnlyDeletes;
    }

    @Override
    public int hashCode() {
        return kinds.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (RowKind k : kinds) {
            sb.append(sb.length() == 1 ? "" : ", ").append(k.name());
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link ChangelogMode} of chosen kinds. */
    public static final class Builder {
        private final Set<RowKind> kinds = EnumSet.noneOf(RowKind.class);
        private boolean keyOnlyDeletes;

        private Builder() {
        }

        public Builder addContainedKind(RowKind kind) {
            kinds.add(kind);
            return this;
        }

        public Builder keyOnlyDeletes(boolean flag) {
            keyOnlyDeletes = flag;
            return this;
        }

        public ChangelogMode build() {
            return new ChangelogMode(kinds, keyOnlyDeletes);
        }
    }
}
