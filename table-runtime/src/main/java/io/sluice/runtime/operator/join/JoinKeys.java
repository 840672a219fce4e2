package io.sluice.runtime.operator.join;

import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules the join operators share about equi-join keys: a left and a right key column are compared by a
 * key table only when they are held in the same Arrow vector class (and, for DECIMAL, at the same scale);
 * the planner casts or moves other key pairs into the residual condition.
 */
public final class JoinKeys {
    private JoinKeys() {
    }

    /** Whether a left key of type {@code l} and a right key of type {@code r} can share one key table. */
    public static boolean typesMatch(LogicalType l, LogicalType r) {
        return ArrowTypes.vectorClass(l) == ArrowTypes.vectorClass(r)
                && (l.root() != TypeRoot.DECIMAL || l.scale() == r.scale());
    }

    /** Throws unless every key pair {@code (left[leftKeys[i]], right[rightKeys[i]])} {@link #typesMatch}es. */
    static void requireMatchingTypes(RowType leftType, RowType rightType, int[] leftKeys, int[] rightKeys) {
        for (int i = 0; i < leftKeys.length; i++) {
            LogicalType l = leftType.type(leftKeys[i]);
            LogicalType r = rightType.type(rightKeys[i]);
            if (!typesMatch(l, r)) {
                throw new IllegalArgumentException("join key " + i + " has types " + l + " and " + r
                        + "; cast both sides to one type first");
            }
        }
    }

    /** The key columns {@code keys} of {@code type} as a row type {@code key0, key1, ...}, all nullable. */
    static RowType keyRowType(RowType type, int[] keys) {
        List<String> names = new ArrayList<>();
        List<LogicalType> keyTypes = new ArrayList<>();
        for (int c = 0; c < keys.length; c++) {
            names.add("key" + c);
            keyTypes.add(type.type(keys[c]).copy(true));
        }
        return new RowType(names, keyTypes);
    }
}
