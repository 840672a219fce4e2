package io.sluice.runtime.operator.sort;

/**
 * One key of an ordering: a column index, the direction, and where NULLs go. NULL placement is
 * independent of the direction ({@code DESC NULLS FIRST} puts NULLs first).
 */
public final class SortKey {
    private final int field;
    private final boolean ascending;
    private final boolean nullsFirst;

    public SortKey(int field, boolean ascending, boolean nullsFirst) {
        if (field < 0) {
            throw new IllegalArgumentException("negative sort field " + field);
        }
        this.field = field;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    /** {@code ASC NULLS FIRST}, Flink's default for ascending keys. */
    public static SortKey asc(int field) {
        return new SortKey(field, true, true);
    }

    /** {@code DESC NULLS LAST}, Flink's default for descending keys. */
    public static SortKey desc(int field) {
        return new SortKey(field, false, false);
    }

    public int field() {
        return field;
    }

    public boolean ascending() {
        return ascending;
    }

    public boolean nullsFirst() {
        return nullsFirst;
    }

    @Override
    public String toString() {
        return "$" + field + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
