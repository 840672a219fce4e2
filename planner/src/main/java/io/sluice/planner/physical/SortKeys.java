package io.sluice.planner.physical;

import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/** Calcite's field collations as runtime {@link SortKey}s and as EXPLAIN text. */
public final class SortKeys {
    private SortKeys() {
    }

    /** The sort keys of {@code collations}; nulls sort as Flink does (first when ascending, unless stated). */
    public static SortKey[] of(List<RelFieldCollation> collations) {
        SortKey[] keys = new SortKey[collations.size()];
        for (int i = 0; i < keys.length; i++) {
            RelFieldCollation fc = collations.get(i);
            boolean asc = !fc.getDirection().isDescending();
            boolean nullsFirst = fc.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                    ? asc : fc.nullDirection == RelFieldCollation.NullDirection.FIRST;
            keys[i] = new SortKey(fc.getFieldIndex(), asc, nullsFirst);
        }
        return keys;
    }

    /** {@code a ASC, b DESC} with the names of {@code type}. */
    public static String describe(List<RelFieldCollation> collations, RowType type) {
        List<String> parts = new ArrayList<>();
        for (RelFieldCollation fc : collations) {
            parts.add(type.name(fc.getFieldIndex()) + (fc.getDirection().isDescending() ? " DESC" : " ASC"));
        }
        return String.join(", ", parts);
    }
}
